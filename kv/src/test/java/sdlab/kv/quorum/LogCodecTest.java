package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.kv.quorum.LogRecord.Hint;
import sdlab.kv.quorum.LogRecord.HintDone;
import sdlab.kv.quorum.LogRecord.Put;

class LogCodecTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRecordSurvivesTheRoundTrip(long seed) {
        // Random records with awkward values (separators, digits, non-ASCII, nesting, nulls)
        // decode to exactly what was encoded.
        List<LogRecord> records = randomRecords(new SplittableRandom(seed), 30);

        LogCodec.Decoded decoded = LogCodec.decode(LogCodec.encodeAll(records));

        assertThat(decoded.records()).isEqualTo(records);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aTornTailLosesOnlyTheRecordItCut(long seed) {
        // A crash can leave any prefix of the unsynced appends: decoding keeps every complete
        // record before the cut and nothing after it.
        List<LogRecord> records = randomRecords(new SplittableRandom(seed), 8);
        List<Integer> ends = new ArrayList<>();
        int total = 0;
        for (LogRecord record : records) {
            total += LogCodec.encode(record).length;
            ends.add(total);
        }
        byte[] bytes = LogCodec.encodeAll(records);
        for (int cut = 0; cut <= bytes.length; cut++) {
            int complete = 0;
            while (complete < ends.size() && ends.get(complete) <= cut) {
                complete++;
            }
            LogCodec.Decoded decoded = LogCodec.decode(Arrays.copyOf(bytes, cut));
            assertThat(decoded.records()).isEqualTo(records.subList(0, complete));
            assertThat(decoded.validBytes()).isEqualTo(complete == 0 ? 0 : ends.get(complete - 1));
        }
    }

    @Test
    void aRecordIsFramedAsTheDocumentedText() {
        // The frame is <payload bytes>:<payload>\n and string lengths count UTF-16 chars, so
        // "é" is one char but two bytes of the frame's length.
        Put ascii = new Put("k", new Versioned(5L, new LwwTimestamp(7, "n1")));
        Put accented = new Put("é", new Versioned(List.of(-12L, true), new LwwTimestamp(-3, "n2")));

        assertThat(new String(LogCodec.encode(ascii), StandardCharsets.UTF_8)).isEqualTo("17:PS1:kL5;TL7;S2:n1\n");
        assertThat(new String(LogCodec.encode(accented), StandardCharsets.UTF_8))
                .isEqualTo("26:PS1:é[2:L-12;B1TL-3;S2:n2\n");
    }

    @Test
    void numbersAreWrittenAsTheirDecimalText() {
        // Every digit count, both signs and both ends of the range.
        List<Long> numbers = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            numbers.addAll(List.of(power - 1, power, power + 1, -power, 10 * power - 1));
        }
        for (long number : numbers) {
            assertThat(new TextCodec.Writer().number(number).toString()).isEqualTo("L" + number + ";");
        }
    }

    @Test
    void unsupportedValuesAreRefusedWithAMessage() {
        // The store keeps plain values only; anything else is a caller's mistake, named.
        assertThat(TextCodec.isStorable(List.of(1L, "a", List.of(true)))).isTrue();
        assertThat(TextCodec.isStorable(3.5)).isFalse();
        assertThatThrownBy(() -> new TextCodec.Writer().value(3.5))
                .hasMessageContaining("java.lang.Double")
                .hasMessageContaining("Long");
    }

    static List<LogRecord> randomRecords(SplittableRandom random, int count) {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = randomString(random);
            Versioned item = new Versioned(randomValue(random, 0), new LwwTimestamp(random.nextLong(), "n" + i));
            NodeId owner = NodeId.of("owner:" + random.nextInt(3));
            records.add(
                    switch (random.nextInt(3)) {
                        case 0 -> new Put(key, item);
                        case 1 -> new Hint(owner, key, item);
                        default -> new HintDone(owner, key, item.version());
                    });
        }
        return records;
    }

    private static Object randomValue(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth < 3 ? 6 : 5)) {
            case 0 -> null;
            case 1 -> random.nextLong();
            case 2 -> random.nextInt();
            case 3 -> random.nextBoolean();
            case 4 -> randomString(random);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomString(SplittableRandom random) {
        String alphabet = "ab:;S5[N\n\u00e9\u4e2d\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int at = random.nextInt(alphabet.length() - 1);
            // Keep surrogate pairs whole so the string stays valid UTF-16.
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at));
            }
        }
        return text.toString();
    }
}
