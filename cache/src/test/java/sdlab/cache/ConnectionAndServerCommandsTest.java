package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionAndServerCommandsTest {

    @Test
    void pingEchoAndSelect() {
        // PING answers PONG or its argument; ECHO repeats; only database 0 exists.
        EngineFixture f = new EngineFixture();
        assertThat(f.run("PING")).isEqualTo("PONG");
        assertThat(f.run("PING hi")).isEqualTo("\"hi\"");
        assertThat(f.run("PING a b")).isEqualTo("(error) ERR wrong number of arguments for 'ping' command");
        assertThat(f.run("ECHO hello")).isEqualTo("\"hello\"");
        assertThat(f.run("SELECT 0")).isEqualTo("OK");
        assertThat(f.run("SELECT 16")).isEqualTo("(error) ERR DB index is out of range");
        assertThat(f.run("SELECT x")).isEqualTo("(error) ERR value is not an integer or out of range");
    }

    @Test
    void aPasswordIsRequiredBeforeAnyCommandButAuthAndHello() {
        // With requirepass, everything but AUTH/HELLO/QUIT answers NOAUTH until the client authenticates.
        EngineFixture f = new EngineFixture(CacheConfig.defaults().withRequirePass("secret"), 1);
        assertThat(f.run("GET k")).isEqualTo("(error) NOAUTH Authentication required.");
        assertThat(f.run("AUTH wrong"))
                .isEqualTo("(error) WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(f.run("HELLO 3")).startsWith("(error) NOAUTH HELLO must be called");
        assertThat(f.run("AUTH secret")).isEqualTo("OK");
        assertThat(f.run("GET k")).isEqualTo("(nil)");
    }

    @Test
    void helloCanAuthenticateAndSwitchProtocol() {
        // HELLO 3 AUTH default <pass> authenticates and switches to RESP3 in one step.
        EngineFixture f = new EngineFixture(CacheConfig.defaults().withRequirePass("secret"), 1);
        assertThat(f.run("HELLO 3 AUTH default wrong"))
                .isEqualTo("(error) WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(f.run("HELLO 3 AUTH default secret SETNAME me")).contains("\"proto\", (integer) 3");
        assertThat(f.session.protocol()).isEqualTo(3);
        assertThat(f.session.authenticated()).isTrue();
        assertThat(f.run("CLIENT GETNAME")).isEqualTo("\"me\"");
        assertThat(f.run("HELLO 4")).isEqualTo("(error) NOPROTO unsupported protocol version");
        assertThat(f.run("HELLO 3 FOO")).isEqualTo("(error) ERR Syntax error in HELLO option 'FOO'");
    }

    @Test
    void authWithoutAConfiguredPasswordIsAnError() {
        // Redis's long explanation when AUTH is sent to a server without a password.
        EngineFixture f = new EngineFixture();
        assertThat(f.run("AUTH x")).startsWith("(error) ERR AUTH <password> called without any password configured");
    }

    @Test
    void configGetAndSetChangeTheEngine() {
        // CONFIG SET maxmemory and maxmemory-policy reach the keyspace; CONFIG GET matches globs.
        EngineFixture f = new EngineFixture();
        assertThat(f.run("CONFIG SET maxmemory 10mb maxmemory-policy allkeys-lru"))
                .isEqualTo("OK");
        assertThat(f.engine.keyspace().maxmemoryBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(f.run("CONFIG GET maxmemory*"))
                .contains("\"maxmemory\", \"10485760\"", "\"maxmemory-policy\", \"allkeys-lru\"");
        assertThat(f.run("CONFIG GET nothing")).isEqualTo("[]");
        assertThat(f.run("CONFIG SET maxmemory-policy foo"))
                .isEqualTo("(error) ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - "
                        + "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, "
                        + "volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction");
        assertThat(f.run("CONFIG SET maxmemory abc"))
                .isEqualTo("(error) ERR CONFIG SET failed (possibly related to argument 'maxmemory') - "
                        + "argument must be a memory value");
        assertThat(f.run("CONFIG SET foo bar"))
                .isEqualTo("(error) ERR Unknown option or number of arguments for CONFIG SET - 'foo'");
        assertThat(f.run("CONFIG GET")).isEqualTo("(error) ERR wrong number of arguments for 'config|get' command");
        assertThat(f.run("CONFIG FOO")).isEqualTo("(error) ERR unknown subcommand 'FOO'. Try CONFIG HELP.");
    }

    @Test
    void infoReportsStandardFieldNames() {
        // INFO carries the fields tools read: used_memory, keyspace_hits/misses, evicted_keys, db0.
        EngineFixture f = new EngineFixture();
        f.run("SET k v");
        f.run("GET k");
        f.run("GET missing");
        String info = f.run("INFO");
        assertThat(info)
                .contains("# Memory\r\nused_memory:")
                .contains("keyspace_hits:1\r\n", "keyspace_misses:1\r\n", "evicted_keys:0\r\n")
                .contains("db0:keys=1,expires=0,avg_ttl=0");
        assertThat(f.run("INFO keyspace")).startsWith("# Keyspace").doesNotContain("used_memory");
    }

    @Test
    void commandDescribesTheTable() {
        // COMMAND COUNT and COMMAND INFO describe commands as clients expect.
        EngineFixture f = new EngineFixture();
        int count = f.engine.commands().all().size();
        assertThat(f.run("COMMAND COUNT")).isEqualTo("(integer) " + count);
        assertThat(f.run("COMMAND INFO get"))
                .isEqualTo(
                        "[[\"get\", (integer) 2, [readonly, fast], (integer) 1, " + "(integer) 1, (integer) 1, []]]");
        assertThat(f.run("COMMAND INFO nosuch")).isEqualTo("[(nil)]");
        assertThat(f.run("COMMAND NOSUCH")).isEqualTo("(error) ERR unknown subcommand 'NOSUCH'. Try COMMAND HELP.");
    }

    @Test
    void flushallEmptiesEverything() {
        // FLUSHALL removes every key and frees its accounted memory.
        EngineFixture f = new EngineFixture();
        f.run("MSET a 1 b 2");
        f.run("SADD s x");
        assertThat(f.run("FLUSHALL")).isEqualTo("OK");
        assertThat(f.run("DBSIZE")).isEqualTo("(integer) 0");
        assertThat(f.engine.keyspace().usedMemoryBytes()).isZero();
        assertThat(f.run("FLUSHALL LATER")).isEqualTo("(error) ERR syntax error");
    }

    @Test
    void persistenceCommandsNeedAServer() {
        // The pure engine has no disk: SAVE and friends say so instead of pretending.
        EngineFixture f = new EngineFixture();
        assertThat(f.run("SAVE")).startsWith("(error) ERR persistence is not available");
        assertThat(f.run("LASTSAVE")).isEqualTo("(integer) 0");
    }
}
