package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.store.ScoreText;

/**
 * Random writes and range queries, from a seed, against the engine and against a reference
 * model (a map of scores, sorted on demand): every answer must agree. A failing seed replays
 * with {@code -Dtest=ZSetModelPropertyTest}; the seed is in the test's name.
 */
class ZSetModelPropertyTest {
    private static final int STEPS = 600;
    private static final int MEMBERS = 40;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 30).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRangeRankAndCountAgreesWithASortedReferenceModel(long seed) {
        // Writes with many ties (scores are small halves) so that member order decides often.
        SplittableRandom random = new SplittableRandom(seed);
        EngineFixture f = new EngineFixture(CacheConfig.defaults(), seed);
        Map<String, Double> model = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            write(f, model, random);
            query(f, model, random, "seed " + seed + " step " + step);
        }
    }

    private static void write(EngineFixture f, Map<String, Double> model, SplittableRandom random) {
        String member = "m" + random.nextInt(MEMBERS);
        double score = random.nextInt(-10, 10) / 2.0;
        switch (random.nextInt(6)) {
            case 0, 1, 2 -> {
                f.call("ZADD", "z", text(score), member);
                model.put(member, score);
            }
            case 3 -> {
                f.call("ZINCRBY", "z", text(score), member);
                model.merge(member, score, Double::sum);
            }
            case 4 -> {
                f.call("ZREM", "z", member);
                model.remove(member);
            }
            default -> {
                ScoreBounds bounds = ScoreBounds.random(random);
                f.call("ZREMRANGEBYSCORE", "z", bounds.min, bounds.max);
                model.values().removeIf(bounds::contains);
            }
        }
    }

    private static void query(EngineFixture f, Map<String, Double> model, SplittableRandom random, String where) {
        List<String> sorted = sorted(model);
        int start = random.nextInt(-MEMBERS, MEMBERS);
        int stop = random.nextInt(-MEMBERS, MEMBERS);
        assertThat(f.call("ZRANGE", "z", "" + start, "" + stop))
                .as(where)
                .isEqualTo(render(rankSlice(sorted, start, stop)));
        List<String> reversed = new ArrayList<>(sorted);
        java.util.Collections.reverse(reversed);
        assertThat(f.call("ZREVRANGE", "z", "" + start, "" + stop))
                .as(where)
                .isEqualTo(render(rankSlice(reversed, start, stop)));
        ScoreBounds bounds = ScoreBounds.random(random);
        List<String> inRange =
                sorted.stream().filter(m -> bounds.contains(model.get(m))).toList();
        assertThat(f.call("ZRANGEBYSCORE", "z", bounds.min, bounds.max))
                .as(where)
                .isEqualTo(render(inRange));
        assertThat(f.call("ZCOUNT", "z", bounds.min, bounds.max)).as(where).isEqualTo("(integer) " + inRange.size());
        int offset = random.nextInt(0, 5);
        int count = random.nextInt(-1, 5);
        List<String> page = inRange.stream()
                .skip(offset)
                .limit(count < 0 ? Long.MAX_VALUE : count)
                .toList();
        assertThat(f.call("ZRANGE", "z", bounds.min, bounds.max, "BYSCORE", "LIMIT", "" + offset, "" + count))
                .as(where)
                .isEqualTo(render(page));
        List<String> reversedInRange = new ArrayList<>(inRange);
        java.util.Collections.reverse(reversedInRange);
        assertThat(f.call("ZREVRANGEBYSCORE", "z", bounds.max, bounds.min))
                .as(where)
                .isEqualTo(render(reversedInRange));
        String member = "m" + random.nextInt(MEMBERS);
        int rank = sorted.indexOf(member);
        assertThat(f.call("ZRANK", "z", member)).as(where).isEqualTo(rank < 0 ? "(nil)" : "(integer) " + rank);
        assertThat(f.call("ZREVRANK", "z", member))
                .as(where)
                .isEqualTo(rank < 0 ? "(nil)" : "(integer) " + (sorted.size() - 1 - rank));
        assertThat(f.call("ZCARD", "z")).as(where).isEqualTo("(integer) " + sorted.size());
    }

    /** Members by (score, member bytes), as the skiplist orders them. */
    private static List<String> sorted(Map<String, Double> model) {
        List<String> members = new ArrayList<>(model.keySet());
        members.sort((a, b) -> {
            int byScore = Double.compare(model.get(a), model.get(b));
            return byScore != 0 ? byScore : Arrays.compareUnsigned(bytes(a), bytes(b));
        });
        return members;
    }

    private static List<String> rankSlice(List<String> sorted, int start, int stop) {
        int size = sorted.size();
        int from = start < 0 ? Math.max(0, size + start) : start;
        int to = stop < 0 ? size + stop : Math.min(stop, size - 1);
        return from > to || from >= size ? List.of() : sorted.subList(from, to + 1);
    }

    private static String render(List<String> members) {
        return Replies.text(new Reply.Array(
                members.stream().map(m -> (Reply) new Reply.Bulk(bytes(m))).toList()));
    }

    private static String text(double score) {
        return ScoreText.shortest(score);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A random score interval in the syntax of ZRANGEBYSCORE, with its meaning. */
    private record ScoreBounds(String min, String max, double low, boolean lowOpen, double high, boolean highOpen) {
        static ScoreBounds random(SplittableRandom random) {
            double low = random.nextInt(-12, 12) / 2.0;
            double high = random.nextInt(-12, 12) / 2.0;
            boolean lowOpen = random.nextBoolean();
            boolean highOpen = random.nextBoolean();
            String min = random.nextInt(8) == 0 ? "-inf" : (lowOpen ? "(" : "") + ScoreText.shortest(low);
            String max = random.nextInt(8) == 0 ? "+inf" : (highOpen ? "(" : "") + ScoreText.shortest(high);
            return new ScoreBounds(
                    min,
                    max,
                    min.equals("-inf") ? Double.NEGATIVE_INFINITY : low,
                    lowOpen && !min.equals("-inf"),
                    max.equals("+inf") ? Double.POSITIVE_INFINITY : high,
                    highOpen && !max.equals("+inf"));
        }

        boolean contains(double score) {
            boolean aboveLow = lowOpen ? score > low : score >= low;
            boolean belowHigh = highOpen ? score < high : score <= high;
            return aboveLow && belowHigh;
        }
    }
}
