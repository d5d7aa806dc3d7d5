package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code short} travels as its two big-endian bytes and comes back with its sign, boxed or not: the replicated
 * log's records carry Kafka's 16-bit producer epochs, -1 for a producer without one.
 */
class ShortRoundTripTest {
    sealed interface Epochs permits Stamp {}

    record Stamp(short epoch, Short boxed, List<Short> history) implements Epochs {}

    private static final MessageCodec<Epochs> CODEC = MessageCodec.of(Epochs.class);

    @Test
    void everyShortComesBackAsItWasIncludingTheExtremesAndMinusOne() throws Exception {
        for (short epoch : new short[] {Short.MIN_VALUE, -1, 0, 1, 255, 256, Short.MAX_VALUE}) {
            Stamp stamp = new Stamp(epoch, (short) -epoch, List.of(epoch, (short) (epoch ^ 0x00ff)));

            assertThat(CODEC.decode(CODEC.encode(stamp))).isEqualTo(stamp);
        }
        assertThat(CODEC.decode(CODEC.encode(new Stamp((short) 7, null, List.of()))))
                .isEqualTo(new Stamp((short) 7, null, List.of()));
    }

    @Test
    void aShortIsTwoBigEndianBytes() {
        byte[] withEpoch = CODEC.encode(new Stamp((short) 0x1234, null, List.of()));
        byte[] withMinusOne = CODEC.encode(new Stamp((short) -1, null, List.of()));
        // length, version, type number: 9 bytes before the body
        assertThat(Arrays.copyOfRange(withEpoch, 9, 11)).containsExactly(0x12, 0x34);
        assertThat(Arrays.copyOfRange(withMinusOne, 9, 11)).containsExactly(0xff, 0xff);
    }

    @Test
    void aFrameThatEndsInsideAShortIsRefusedWithItsOffset() {
        byte[] frame = CODEC.encode(new Stamp((short) 3, null, List.of()));
        byte[] cut = Arrays.copyOf(frame, 10);
        cut[3] = (byte) (cut.length - 4); // the length prefix says what is there
        assertThatThrownBy(() -> CODEC.decode(cut))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("a short");
    }
}
