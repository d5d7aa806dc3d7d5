package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HSETNX, HKEYS, HVALS, HSTRLEN, HINCRBY, HINCRBYFLOAT, HRANDFIELD and HSCAN, with Redis 7.0's replies. */
class MoreHashCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void hsetnxOnlyAddsNewFieldsAndListingsFollowTheHash() {
        // HSETNX never overwrites; HKEYS and HVALS list the hash in the same order.
        assertThat(f.run("HSETNX h a 1")).isEqualTo("(integer) 1");
        assertThat(f.run("HSETNX h a 2")).isEqualTo("(integer) 0");
        f.run("HSET h b hello");
        assertThat(f.run("HKEYS h")).isEqualTo("[\"a\", \"b\"]");
        assertThat(f.run("HVALS h")).isEqualTo("[\"1\", \"hello\"]");
        assertThat(f.run("HSTRLEN h b")).isEqualTo("(integer) 5");
        assertThat(f.run("HSTRLEN h nope")).isEqualTo("(integer) 0");
        assertThat(f.run("HKEYS missing")).isEqualTo("[]");
    }

    @Test
    void hincrbyAndHincrbyfloatRefuseFieldsThatAreNotNumbers() {
        // Integer and float counters inside a hash, with Redis's wording for each failure.
        assertThat(f.run("HINCRBY h n 5")).isEqualTo("(integer) 5");
        f.run("HSET h s text big 9223372036854775807");
        assertThat(f.run("HINCRBY h s 1")).isEqualTo("(error) ERR hash value is not an integer");
        assertThat(f.run("HINCRBY h big 1")).isEqualTo("(error) ERR increment or decrement would overflow");
        assertThat(f.run("HINCRBYFLOAT h f 10.5")).isEqualTo("\"10.5\"");
        assertThat(f.run("HINCRBYFLOAT h f 0.1")).isEqualTo("\"10.6\"");
        assertThat(f.run("HINCRBYFLOAT h s 1")).isEqualTo("(error) ERR hash value is not a float");
        assertThat(f.run("HINCRBYFLOAT h f inf")).isEqualTo("(error) ERR value is NaN or Infinity");
        assertThat(f.run("HINCRBYFLOAT h f x")).isEqualTo("(error) ERR value is not a valid float");
    }

    @Test
    void hincrbyfloatIsLoggedAsHsetOfTheResult() {
        // The replay stores the digits the command answered, not a recomputation.
        f.run("HINCRBYFLOAT h f 10.5");
        f.run("HINCRBYFLOAT h f 0.1");
        f.run("HINCRBY h n 2");
        f.run("HSETNX h n 3");
        assertThat(f.logged).containsExactly("HSET h f 10.5", "HSET h f 10.6", "HINCRBY h n 2");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(f))).isEqualTo(ReplayCheck.dump(f));
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 10).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hrandfieldPositiveCountsAreDistinctAndNegativeCountsMayRepeat(long seed) {
        // Whatever the seed: count > 0 gives min(count, size) distinct fields, count < 0 gives exactly |count| fields.
        EngineFixture e = new EngineFixture(CacheConfig.defaults(), seed);
        e.run("HSET h a 1 b 2 c 3 d 4 e 5");
        List<String> three = items(e.run("HRANDFIELD h 3"));
        assertThat(three).hasSize(3).doesNotHaveDuplicates().isSubsetOf("a", "b", "c", "d", "e");
        assertThat(items(e.run("HRANDFIELD h 10"))).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        List<String> drawn = items(e.run("HRANDFIELD h -20"));
        assertThat(drawn).hasSize(20).isSubsetOf("a", "b", "c", "d", "e");
        List<String> pairs = items(e.run("HRANDFIELD h 2 WITHVALUES"));
        assertThat(pairs).hasSize(4);
        assertThat(Integer.parseInt(pairs.get(1)) - 1).isEqualTo("abcde".indexOf(pairs.get(0)));
    }

    @Test
    void hrandfieldsChoicesComeFromTheSeed() {
        // Two engines with one seed draw the same fields; a draw of many fields reaches all of them.
        EngineFixture twin = new EngineFixture();
        f.run("HSET h a 1 b 2 c 3 d 4 e 5");
        twin.run("HSET h a 1 b 2 c 3 d 4 e 5");
        assertThat(f.run("HRANDFIELD h -50")).isEqualTo(twin.run("HRANDFIELD h -50"));
        assertThat(new HashSet<>(items(f.run("HRANDFIELD h -200")))).isEqualTo(Set.of("a", "b", "c", "d", "e"));
    }

    @Test
    void hrandfieldWithValuesPairsUpInResp3() {
        // RESP3 clients get [field, value] pairs instead of a flat list.
        f.run("HSET h only 1");
        f.run("HELLO 3");
        assertThat(f.run("HRANDFIELD h -2 WITHVALUES")).isEqualTo("[[\"only\", \"1\"], [\"only\", \"1\"]]");
    }

    @Test
    void hscanAnswersTheWholeHashAtOnceFilteredByMatch() {
        // One call, cursor 0: nothing present throughout is missed, and MATCH filters fields.
        f.run("HSET h a 1 b 2 ab 3");
        assertThat(f.run("HSCAN h 0")).isEqualTo("[\"0\", [\"a\", \"1\", \"b\", \"2\", \"ab\", \"3\"]]");
        assertThat(f.run("HSCAN h 0 MATCH a* COUNT 1")).isEqualTo("[\"0\", [\"a\", \"1\", \"ab\", \"3\"]]");
        assertThat(f.run("HSCAN h x")).isEqualTo("(error) ERR invalid cursor");
        assertThat(f.run("HSCAN h 0 COUNT 0")).isEqualTo("(error) ERR syntax error");
    }

    private static List<String> items(String list) {
        return List.of(list.substring(1, list.length() - 1).replace("\"", "").split(", "));
    }
}
