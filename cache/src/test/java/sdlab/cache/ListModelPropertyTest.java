package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.store.MemoryAccounting;

/**
 * Random list writes on two keys, from a seed, against the engine and against a reference model
 * (two {@link ArrayList}s): after every step both lists, LPOS answers and the accounted memory
 * must agree, and at the end replaying the log must rebuild the same keys. A failing seed
 * replays with {@code -Dtest=ListModelPropertyTest}; the seed is in the test's name.
 */
class ListModelPropertyTest {
    private static final int STEPS = 500;
    private static final int ELEMENTS = 5;
    private static final List<String> KEYS = List.of("a", "b");

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 30).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyListCommandAgreesWithAReferenceModelAndReplaysExactly(long seed) {
        // Few distinct elements, so that LREM, LPOS and LINSERT find several matches often.
        SplittableRandom random = new SplittableRandom(seed);
        EngineFixture f = new EngineFixture(CacheConfig.defaults(), seed);
        List<List<String>> model = List.of(new ArrayList<>(), new ArrayList<>());
        for (int step = 0; step < STEPS; step++) {
            String where = "seed " + seed + " step " + step;
            String command = write(f, model, random);
            for (int k = 0; k < KEYS.size(); k++) {
                assertThat(f.call("LRANGE", KEYS.get(k), "0", "-1"))
                        .as(where + " after " + command)
                        .isEqualTo(render(model.get(k)));
            }
            String element = element(random);
            assertThat(f.call("LPOS", "a", element, "COUNT", "0"))
                    .as(where)
                    .isEqualTo(indexesOf(model.get(0), element));
            assertThat(f.call("EXISTS", "a"))
                    .isEqualTo("(integer) " + (model.get(0).isEmpty() ? 0 : 1));
            assertMemoryBalances(f);
        }
        EngineFixture copy = ReplayCheck.replayed(f);
        assertThat(ReplayCheck.dump(copy)).isEqualTo(ReplayCheck.dump(f));
        // The copy built its lists by replaying, so equal memory shows the in-place edits counted bytes right.
        assertThat(copy.engine.keyspace().usedMemoryBytes())
                .isEqualTo(f.engine.keyspace().usedMemoryBytes());
    }

    /** Runs one random write on the engine and the model; returns it for the failure message. */
    private static String write(EngineFixture f, List<List<String>> model, SplittableRandom random) {
        int k = random.nextInt(KEYS.size());
        String key = KEYS.get(k);
        List<String> list = model.get(k);
        String element = element(random);
        int index = random.nextInt(-ELEMENTS * 2, ELEMENTS * 2);
        int other = random.nextInt(-ELEMENTS * 2, ELEMENTS * 2);
        String[] argv =
                switch (random.nextInt(10)) {
                    case 0 -> {
                        list.add(0, element);
                        yield new String[] {"LPUSH", key, element};
                    }
                    case 1 -> {
                        if (!list.isEmpty()) {
                            list.add(element);
                        }
                        yield new String[] {"RPUSHX", key, element};
                    }
                    case 2 -> {
                        int count = random.nextInt(4);
                        for (int i = 0; i < count && !list.isEmpty(); i++) {
                            list.remove(list.size() - 1);
                        }
                        yield new String[] {"RPOP", key, "" + count};
                    }
                    case 3 -> {
                        int at = index < 0 ? list.size() + index : index;
                        if (at >= 0 && at < list.size()) {
                            list.set(at, element);
                        }
                        yield new String[] {"LSET", key, "" + index, element};
                    }
                    case 4 -> {
                        String pivot = element(random);
                        boolean after = random.nextBoolean();
                        int at = list.indexOf(pivot);
                        if (at >= 0) {
                            list.add(after ? at + 1 : at, element);
                        }
                        yield new String[] {"LINSERT", key, after ? "AFTER" : "BEFORE", pivot, element};
                    }
                    case 5 -> {
                        trim(list, index, other);
                        yield new String[] {"LTRIM", key, "" + index, "" + other};
                    }
                    case 6 -> {
                        int count = random.nextInt(-3, 4);
                        remove(list, element, count);
                        yield new String[] {"LREM", key, "" + count, element};
                    }
                    case 7 -> {
                        boolean fromLeft = random.nextBoolean();
                        boolean toLeft = random.nextBoolean();
                        List<String> to = model.get(1 - k);
                        if (!list.isEmpty()) {
                            String moved = fromLeft ? list.remove(0) : list.remove(list.size() - 1);
                            to.add(toLeft ? 0 : to.size(), moved);
                        }
                        yield new String[] {
                            "LMOVE", key, KEYS.get(1 - k), fromLeft ? "LEFT" : "RIGHT", toLeft ? "LEFT" : "RIGHT"
                        };
                    }
                    case 8 -> {
                        if (!list.isEmpty()) {
                            String moved = list.remove(list.size() - 1);
                            list.add(0, moved);
                        }
                        yield new String[] {"RPOPLPUSH", key, key};
                    }
                    default -> {
                        int count = 1 + random.nextInt(3);
                        List<String> first = model.get(0).isEmpty() ? model.get(1) : model.get(0);
                        for (int i = 0; i < count && !first.isEmpty(); i++) {
                            first.remove(0);
                        }
                        yield new String[] {"LMPOP", "2", "a", "b", "LEFT", "COUNT", "" + count};
                    }
                };
        f.call(argv);
        return String.join(" ", argv);
    }

    private static void trim(List<String> list, long start, long stop) {
        int size = list.size();
        long first = Math.max(0, start < 0 ? size + start : start);
        long last = Math.min(size - 1L, stop < 0 ? size + stop : stop);
        List<String> kept = first > last ? List.of() : new ArrayList<>(list.subList((int) first, (int) last + 1));
        list.clear();
        list.addAll(kept);
    }

    private static void remove(List<String> list, String element, int count) {
        if (count < 0) {
            Collections.reverse(list);
        }
        int removed = 0;
        for (int i = 0; i < list.size() && (count == 0 || removed < Math.abs(count)); ) {
            if (list.get(i).equals(element)) {
                list.remove(i);
                removed++;
            } else {
                i++;
            }
        }
        if (count < 0) {
            Collections.reverse(list);
        }
    }

    private static String indexesOf(List<String> list, String element) {
        List<String> indexes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).equals(element)) {
                indexes.add("(integer) " + i);
            }
        }
        return indexes.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String render(List<String> list) {
        return list.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String element(SplittableRandom random) {
        return "e" + random.nextInt(ELEMENTS);
    }

    private static void assertMemoryBalances(EngineFixture f) {
        long[] sum = {0};
        f.engine
                .keyspace()
                .db(0)
                .forEachLive(e -> sum[0] += MemoryAccounting.entryBytes(e.key().length(), e.value()));
        assertThat(f.engine.keyspace().usedMemoryBytes()).as("accounted memory").isEqualTo(sum[0]);
    }
}
