package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;

/**
 * Random bytes, and valid frames with random bytes changed, never make the decoder throw
 * anything but {@link WireFormatException}: no index error, no null pointer, no allocation
 * sized by garbage. Each seed is one reproducible case.
 */
class WireFuzzTest {
    private static final MessageCodec<QuorumMessage> CODEC = MessageCodec.of(QuorumMessage.class);
    private static final int CASES_PER_SEED = 2_000;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesGiveAMessageOrAWireFormatException(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] bytes = new byte[random.nextInt(0, 64)];
            random.nextBytes(bytes);
            if (random.nextBoolean() && bytes.length > Integer.BYTES) {
                MalformedFrameTest.withLength(bytes);
                bytes[4] = MessageCodec.FORMAT_VERSION;
            }
            decodeOrRefuse(bytes, seed, i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedValidFramesGiveAMessageOrAWireFormatException(long seed) {
        Random random = new Random(seed);
        var generator = new MessageGenerator(seed);
        var types = MessageGenerator.recordsBelow(QuorumMessage.class);
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] frame = CODEC.encode((QuorumMessage) generator.record(types.get(i % types.size())));
            for (int flips = random.nextInt(1, 4); flips > 0; flips--) {
                int at = random.nextInt(Integer.BYTES, frame.length);
                frame[at] = (byte) random.nextInt(256);
            }
            decodeOrRefuse(frame, seed, i);
        }
    }

    private static void decodeOrRefuse(byte[] bytes, long seed, int caseNumber) {
        try {
            assertThat(CODEC.decode(bytes)).isNotNull();
        } catch (WireFormatException expected) {
            assertThat(expected.getMessage()).contains("at offset");
        } catch (RuntimeException | Error e) {
            throw new AssertionError("seed " + seed + " case " + caseNumber + " threw " + e, e);
        }
    }
}
