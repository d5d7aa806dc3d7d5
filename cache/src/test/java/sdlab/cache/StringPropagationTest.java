package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The string commands that Redis 7.0 logs in another form than they arrived in, replayed. */
class StringPropagationTest {
    private final EngineFixture f = new EngineFixture();
    private final long start = EngineFixture.START_MILLIS;

    @Test
    void getexLogsAbsoluteExpiryPersistOrDelAndNothingForAPlainRead() {
        // GETEX EX becomes PEXPIREAT, PERSIST stays PERSIST, an EXAT in the past becomes DEL; a read logs nothing.
        f.run("SET a v");
        f.run("GETEX a");
        f.run("GETEX a EX 10");
        f.run("GETEX a PERSIST");
        f.run("GETEX a PERSIST");
        f.run("SET b v");
        f.run("GETEX b EXAT 1");
        assertThat(f.logged)
                .containsExactly("SET a v", "PEXPIREAT a " + (start + 10_000), "PERSIST a", "SET b v", "DEL b");
    }

    @Test
    void getexExpiryReplaysToTheSameInstantLater() {
        // Replayed a minute later, the key still expires when GETEX said, not a minute later.
        f.run("SET k v");
        f.run("GETEX k PX 90000");
        f.clock.advanceSeconds(60);
        EngineFixture copy = ReplayCheck.replayed(f);
        assertThat(copy.run("PTTL k")).isEqualTo("(integer) 30000");
        assertThat(ReplayCheck.dump(copy)).isEqualTo(ReplayCheck.dump(f));
    }

    @Test
    void incrbyfloatIsLoggedAsSetOfTheResultKeepingTheTtl() {
        // The result is logged as text, so a replay never redoes the arithmetic; KEEPTTL keeps the expiry.
        f.run("SET f 10.5 EX 100");
        f.run("INCRBYFLOAT f 0.1");
        f.run("INCRBYFLOAT g 3e2");
        assertThat(f.logged)
                .containsExactly("SET f 10.5 PXAT " + (start + 100_000), "SET f 10.6 KEEPTTL", "SET g 300 KEEPTTL");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(f))).isEqualTo(ReplayCheck.dump(f));
    }

    @Test
    void getdelAndGetsetAreLoggedAsDelAndSet() {
        // GETDEL replays as DEL and GETSET as SET: the forms Redis 7.0 writes to its AOF.
        f.run("SET k v EX 100");
        f.run("GETSET k w");
        f.run("GETDEL k");
        f.run("GETDEL k");
        assertThat(f.logged).containsExactly("SET k v PXAT " + (start + 100_000), "SET k w", "DEL k");
    }

    @Test
    void everyOtherNewStringWriteReplaysAsItCame() {
        // SETRANGE, SETBIT, BITOP and MSETNX are deterministic: logged verbatim, they rebuild the same data.
        f.run("SETRANGE r 3 abc");
        f.run("SETBIT b 9 1");
        f.run("SETBIT b 9 1");
        f.run("BITOP OR o r b");
        f.run("BITOP AND gone missing");
        f.run("MSETNX m 1 n 2");
        f.run("MSETNX m 3 x 4");
        assertThat(f.logged)
                .containsExactly(
                        "SETRANGE r 3 abc", "SETBIT b 9 1", "SETBIT b 9 1", "BITOP OR o r b", "MSETNX m 1 n 2");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(f))).isEqualTo(ReplayCheck.dump(f));
    }
}
