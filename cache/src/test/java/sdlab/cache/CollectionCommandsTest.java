package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollectionCommandsTest {
    private static final String WRONGTYPE = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";

    private final EngineFixture f = new EngineFixture();

    @Test
    void listsPushAndPopAtBothEnds() {
        // LPUSH prepends (so the last argument ends first), RPUSH appends; pops take from the ends.
        assertThat(f.run("LPUSH l a b")).isEqualTo("(integer) 2");
        assertThat(f.run("RPUSH l c")).isEqualTo("(integer) 3");
        assertThat(f.run("LRANGE l 0 -1")).isEqualTo("[\"b\", \"a\", \"c\"]");
        assertThat(f.run("LPOP l")).isEqualTo("\"b\"");
        assertThat(f.run("RPOP l")).isEqualTo("\"c\"");
        assertThat(f.run("LLEN l")).isEqualTo("(integer) 1");
        assertThat(f.run("LINDEX l 0")).isEqualTo("\"a\"");
        assertThat(f.run("LINDEX l 5")).isEqualTo("(nil)");
    }

    @Test
    void popWithCountAnswersAnArrayAndAnEmptiedListIsDeleted() {
        // LPOP key count answers up to count elements; nil array for a missing key; empty lists vanish.
        f.run("RPUSH l a b c");
        assertThat(f.run("LPOP l 2")).isEqualTo("[\"a\", \"b\"]");
        assertThat(f.run("LPOP l 0")).isEqualTo("[]");
        assertThat(f.run("RPOP l 5")).isEqualTo("[\"c\"]");
        assertThat(f.run("EXISTS l")).isEqualTo("(integer) 0");
        assertThat(f.run("LPOP l 2")).isEqualTo("(nil)");
        assertThat(f.reply("LPOP", "l", "2")).isEqualTo(Reply.Nil.ARRAY);
        assertThat(f.run("LPOP l -1")).isEqualTo("(error) ERR value is out of range, must be positive");
        assertThat(f.run("LPOP l 1 2")).isEqualTo("(error) ERR wrong number of arguments for 'lpop' command");
    }

    @Test
    void lrangeNormalisesIndicesLikeRedis() {
        // Negative indices count from the end; out-of-range bounds are clamped; inverted ranges are empty.
        f.run("RPUSH l 0 1 2 3 4");
        assertThat(f.run("LRANGE l -2 -1")).isEqualTo("[\"3\", \"4\"]");
        assertThat(f.run("LRANGE l -100 1")).isEqualTo("[\"0\", \"1\"]");
        assertThat(f.run("LRANGE l 3 100")).isEqualTo("[\"3\", \"4\"]");
        assertThat(f.run("LRANGE l 3 1")).isEqualTo("[]");
        assertThat(f.run("LRANGE l 5 10")).isEqualTo("[]");
        assertThat(f.run("LRANGE missing 0 -1")).isEqualTo("[]");
        assertThat(f.run("LRANGE l 0 x")).isEqualTo("(error) ERR value is not an integer or out of range");
    }

    @Test
    void aLongListKeepsItsOrderThroughGrowthAndShrinking() {
        // The ring buffer behind lists keeps order while it grows, wraps around and shrinks.
        for (int i = 0; i < 100; i++) {
            f.run("RPUSH l " + i);
            f.run("LPUSH l -" + i);
        }
        for (int i = 0; i < 150; i++) {
            f.run("LPOP l");
        }
        assertThat(f.run("LRANGE l 0 2")).isEqualTo("[\"50\", \"51\", \"52\"]");
        assertThat(f.run("LLEN l")).isEqualTo("(integer) 50");
    }

    @Test
    void hashesSetGetAndDeleteFields() {
        // HSET answers the number of new fields; HGETALL lists pairs in insertion order.
        assertThat(f.run("HSET h a 1 b 2")).isEqualTo("(integer) 2");
        assertThat(f.run("HSET h a 3 c 4")).isEqualTo("(integer) 1");
        assertThat(f.run("HGET h a")).isEqualTo("\"3\"");
        assertThat(f.run("HGET h zz")).isEqualTo("(nil)");
        assertThat(f.run("HGETALL h")).isEqualTo("[\"a\", \"3\", \"b\", \"2\", \"c\", \"4\"]");
        assertThat(f.run("HMGET h a zz")).isEqualTo("[\"3\", (nil)]");
        assertThat(f.run("HLEN h")).isEqualTo("(integer) 3");
        assertThat(f.run("HEXISTS h b")).isEqualTo("(integer) 1");
        assertThat(f.run("HDEL h a b zz")).isEqualTo("(integer) 2");
        assertThat(f.run("HDEL h c")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS h")).isEqualTo("(integer) 0");
        assertThat(f.run("HGETALL h")).isEqualTo("[]");
        assertThat(f.run("HSET h a")).isEqualTo("(error) ERR wrong number of arguments for 'hset' command");
        assertThat(f.run("HSET h a 1 b")).isEqualTo("(error) ERR wrong number of arguments for 'hset' command");
        assertThat(f.run("HMSET h a 1")).isEqualTo("OK");
    }

    @Test
    void setsAddRemoveAndTestMembership() {
        // SADD and SREM answer how many members changed; an emptied set vanishes.
        assertThat(f.run("SADD s a b a")).isEqualTo("(integer) 2");
        assertThat(f.run("SADD s b c")).isEqualTo("(integer) 1");
        assertThat(f.run("SMEMBERS s")).isEqualTo("[\"a\", \"b\", \"c\"]");
        assertThat(f.run("SISMEMBER s a")).isEqualTo("(integer) 1");
        assertThat(f.run("SISMEMBER s z")).isEqualTo("(integer) 0");
        assertThat(f.run("SCARD s")).isEqualTo("(integer) 3");
        assertThat(f.run("SREM s a z")).isEqualTo("(integer) 1");
        assertThat(f.run("SREM s b c")).isEqualTo("(integer) 2");
        assertThat(f.run("EXISTS s")).isEqualTo("(integer) 0");
        assertThat(f.run("SMEMBERS s")).isEqualTo("[]");
    }

    @Test
    void everyTypedCommandRefusesAKeyOfAnotherType() {
        // WRONGTYPE for any command that reads or writes a value of another kind.
        f.run("SET str v");
        f.run("RPUSH list v");
        for (String command : new String[] {
            "LPUSH str x", "RPOP str", "LRANGE str 0 1", "LLEN str", "HSET str f v", "HGET str f", "HGETALL str",
            "HDEL str f", "HLEN str", "SADD str m", "SREM str m", "SMEMBERS str", "SISMEMBER str m", "SCARD str",
            "GET list", "INCR list", "APPEND list x", "STRLEN list"
        }) {
            assertThat(f.run(command)).as(command).isEqualTo(WRONGTYPE);
        }
    }
}
