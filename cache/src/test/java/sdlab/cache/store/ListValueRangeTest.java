package sdlab.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListValueRangeTest {
    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRangeIsTheSameElementsAsIndexingOneByOneWhereverTheRingWraps(long seed) {
        // The range is copied out in at most two blocks; pushes at both ends and pops move the ring's head, so the
        // window may start anywhere and wrap past the end of the backing array.
        Random random = new Random(seed);
        ListValue list = new ListValue();
        List<String> model = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            String element = "e" + step;
            switch (random.nextInt(4)) {
                case 0 -> {
                    list.pushHead(bytes(element));
                    model.addFirst(element);
                }
                case 1, 2 -> {
                    list.pushTail(bytes(element));
                    model.addLast(element);
                }
                default -> {
                    if (!model.isEmpty()) {
                        assertThat(text(list.popHead())).isEqualTo(model.removeFirst());
                    }
                }
            }
            if (model.isEmpty()) {
                continue;
            }
            int start = random.nextInt(model.size());
            int stop = start + random.nextInt(model.size() - start);
            List<String> copied = Stream.of(list.rangeArray(start, stop))
                    .map(ListValueRangeTest::text)
                    .toList();
            assertThat(copied).isEqualTo(model.subList(start, stop + 1));
            assertThat(list.range(start, stop).stream()
                            .map(ListValueRangeTest::text)
                            .toList())
                    .isEqualTo(copied);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anEmptyWindowIsAnEmptyArray(long seed) {
        ListValue list = new ListValue();
        IntStream.range(0, (int) seed).forEach(i -> list.pushTail(bytes("x" + i)));
        assertThat(list.rangeArray(3, 2)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
