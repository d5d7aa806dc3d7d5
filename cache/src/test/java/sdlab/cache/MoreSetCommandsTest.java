package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPOP, SRANDMEMBER, set algebra, SINTERCARD, SMOVE, SMISMEMBER and SSCAN, with Redis 7.0's replies. */
class MoreSetCommandsTest {
    private static final String WRONGTYPE = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";

    private final EngineFixture f = new EngineFixture();

    @Test
    void algebraTreatsMissingKeysAsEmptyAndChecksEveryKeysType() {
        // A missing key empties an intersection; any non-set key is WRONGTYPE, even after a missing one.
        f.run("SADD a 1 2 3 4");
        f.run("SADD b 3 4 5");
        assertThat(f.run("SINTER a b")).isEqualTo("[\"3\", \"4\"]");
        assertThat(f.run("SUNION a b")).isEqualTo("[\"1\", \"2\", \"3\", \"4\", \"5\"]");
        assertThat(f.run("SDIFF a b")).isEqualTo("[\"1\", \"2\"]");
        assertThat(f.run("SINTER a missing")).isEqualTo("[]");
        f.run("SET str v");
        assertThat(f.run("SINTER missing str")).isEqualTo(WRONGTYPE);
        assertThat(f.run("SINTERCARD 2 a b LIMIT 1")).isEqualTo("(integer) 1");
        assertThat(f.run("SINTERCARD 3 a b"))
                .isEqualTo("(error) ERR Number of keys can't be greater than number of args");
        assertThat(f.run("SINTERCARD 0 a")).isEqualTo("(error) ERR numkeys should be greater than 0");
    }

    @Test
    void storeFormsReplaceTheDestinationOrDeleteItWhenEmpty() {
        // The destination loses its old type and TTL; an empty result removes it.
        f.run("SADD a 1 2");
        f.run("SET d old EX 100");
        assertThat(f.run("SUNIONSTORE d a")).isEqualTo("(integer) 2");
        assertThat(f.run("TYPE d")).isEqualTo("set");
        assertThat(f.run("TTL d")).isEqualTo("(integer) -1");
        assertThat(f.run("SINTERSTORE d a missing")).isEqualTo("(integer) 0");
        assertThat(f.run("EXISTS d")).isEqualTo("(integer) 0");
        assertThat(f.run("SDIFFSTORE a a")).isEqualTo("(integer) 2");
    }

    @Test
    void smoveMovesOneMemberAndDeletesAnEmptiedSource() {
        // SMOVE creates the destination and deletes the source once empty; SMISMEMBER answers per member.
        f.run("SADD s a");
        assertThat(f.run("SMOVE s d a")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS s")).isEqualTo("(integer) 0");
        assertThat(f.run("SMISMEMBER d a b")).isEqualTo("[(integer) 1, (integer) 0]");
        assertThat(f.run("SMOVE missing d a")).isEqualTo("(integer) 0");
        f.run("SET str v");
        assertThat(f.run("SMOVE d str a")).isEqualTo(WRONGTYPE);
        assertThat(f.run("SMOVE missing str a")).isEqualTo("(integer) 0");
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 10).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spopRemovesExactlyWhatItAnswersAndReplaysToTheSameSet(long seed) {
        // Whatever the seed: popped members leave the set, and the log (SREM or DEL) rebuilds the same data.
        EngineFixture e = new EngineFixture(CacheConfig.defaults(), seed);
        e.run("SADD s a b c d e f g");
        e.run("SADD t x y");
        List<String> popped = new ArrayList<>(items(e.run("SPOP s 3")));
        popped.add(e.run("SPOP s").replace("\"", ""));
        assertThat(popped).doesNotHaveDuplicates().isSubsetOf("a", "b", "c", "d", "e", "f", "g");
        assertThat(e.run("SCARD s")).isEqualTo("(integer) 3");
        for (String member : popped) {
            assertThat(e.run("SISMEMBER s " + member)).isEqualTo("(integer) 0");
        }
        assertThat(e.run("SPOP t 5")).hasSize("[\"x\", \"y\"]".length());
        assertThat(e.logged.get(e.logged.size() - 1)).isEqualTo("DEL t");
        assertThat(e.logged.get(e.logged.size() - 2)).startsWith("SREM s ");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(e))).isEqualTo(ReplayCheck.dump(e));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void srandmemberCountsAreDistinctWhenPositiveAndExactWhenNegative(long seed) {
        // SRANDMEMBER never changes the set; count > 0 is distinct and capped, count < 0 may repeat.
        EngineFixture e = new EngineFixture(CacheConfig.defaults(), seed);
        e.run("SADD s a b c d e");
        assertThat(items(e.run("SRANDMEMBER s 3"))).hasSize(3).doesNotHaveDuplicates();
        assertThat(items(e.run("SRANDMEMBER s 9"))).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(items(e.run("SRANDMEMBER s -12"))).hasSize(12).isSubsetOf("a", "b", "c", "d", "e");
        assertThat(e.run("SCARD s")).isEqualTo("(integer) 5");
        assertThat(e.logged).containsExactly("SADD s a b c d e");
    }

    @Test
    void sscanAnswersTheWholeSetAtOnce() {
        // Cursor 0 in, cursor 0 out, with MATCH applied to the members.
        f.run("SADD s a b ab");
        assertThat(f.run("SSCAN s 0 MATCH a*")).isEqualTo("[\"0\", [\"a\", \"ab\"]]");
        assertThat(f.run("SSCAN missing 0 COUNT 0")).isEqualTo("[\"0\", []]");
    }

    private static List<String> items(String list) {
        return List.of(list.substring(1, list.length() - 1).replace("\"", "").split(", "));
    }
}
