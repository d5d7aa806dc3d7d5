package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.kv.quorum.LwwTimestamp;
import sdlab.kv.quorum.QuorumMessages.HintedWrite;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.kv.quorum.QuorumMessages.ReadOk;
import sdlab.kv.quorum.QuorumMessages.ReadReply;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.Versioned;

/** Bad bytes end in a {@link WireFormatException} that says what was wrong and where. */
class MalformedFrameTest {
    private static final MessageCodec<QuorumMessage> CODEC = MessageCodec.of(QuorumMessage.class);
    private static final QuorumMessage SAMPLE = new HintedWrite(
            new OpId(9, 10), "key-é", new Versioned(List.of(1L, "two"), new LwwTimestamp(42, "n2")), NodeId.of("n3"));

    @Test
    void aFrameCutShortAtEveryOffsetIsRefused() {
        byte[] frame = CODEC.encode(SAMPLE);
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            assertThatThrownBy(() -> CODEC.decode(truncated))
                    .as("cut at %d of %d", cut, frame.length)
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageContaining("at offset");
        }
    }

    @Test
    void aBodyCutShortUnderAMatchingLengthPrefixIsRefusedWhereItEnds() {
        byte[] frame = CODEC.encode(SAMPLE);
        for (int cut = MessageCodec.HEADER_BYTES; cut < frame.length; cut++) {
            byte[] truncated = withLength(Arrays.copyOf(frame, cut));
            WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> CODEC.decode(truncated));
            assertThat(e).as("cut at %d", cut).isNotNull();
            assertThat(e.offset()).as("cut at %d: %s", cut, e.getMessage()).isLessThanOrEqualTo(cut);
        }
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] frame = CODEC.encode(SAMPLE);
        frame[4] = 2;
        assertThatThrownBy(() -> CODEC.decode(frame))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("unknown format version 2; this reader knows version 1 (at offset 4)");
    }

    @Test
    void anUnknownTypeNumberIsRefused() {
        byte[] frame = CODEC.encode(SAMPLE);
        frame[5] = 0x12;
        frame[6] = 0x34;
        assertThatThrownBy(() -> CODEC.decode(frame))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("unknown type number")
                .hasMessageEndingWith("for QuorumMessages.QuorumMessage (at offset 5)");
    }

    @Test
    void lengthPrefixesOutsideTheBoundsAreRefused() {
        MessageCodec<QuorumMessage> small = MessageCodec.of(QuorumMessage.class, 64);
        for (String prefix : List.of("7fffffff", "ffffffff", "00000004", "00000041")) {
            byte[] frame = HexFormat.of().parseHex(prefix + "01");
            assertThatThrownBy(() -> small.decode(frame))
                    .as(prefix)
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageContaining("is outside 5..64 (at offset 0)");
        }
    }

    @Test
    void aLengthPrefixThatDoesNotMatchTheBytesIsRefused() {
        byte[] frame = Arrays.copyOf(CODEC.encode(SAMPLE), CODEC.encode(SAMPLE).length + 3);
        assertThatThrownBy(() -> CODEC.decode(frame))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("the length prefix says");
    }

    @Test
    void bytesLeftOverAfterTheMessageAreRefused() {
        byte[] frame = withLength(Arrays.copyOf(CODEC.encode(SAMPLE), CODEC.encode(SAMPLE).length + 1));
        assertThatThrownBy(() -> CODEC.decode(frame))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("1 bytes left over");
    }

    @Test
    void aStringThatIsNotUtf8IsRefused() {
        byte[] frame = CODEC.encode(new Write(7, "ab", "v"));
        int keyBytes = MessageCodec.HEADER_BYTES + Long.BYTES + 1 + Integer.BYTES;
        frame[keyBytes] = (byte) 0xc3;
        frame[keyBytes + 1] = 0x28; // 0xc3 must be followed by a continuation byte
        assertThatThrownBy(() -> CODEC.decode(frame))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("a string is not valid UTF-8 (at offset " + (keyBytes - Integer.BYTES) + ")");
    }

    @Test
    void negativeAndOversizedLengthsAndCountsAreRefused() {
        String header = "01" + String.format("%08x", MessageCodec.typeNumber(ReadOk.class)) + "0000000000000001";
        assertRefused(header + "03" + "ffffffff", "a string length -1 is negative");
        assertRefused(header + "03" + "00000100" + "61", "a string of 256 bytes but only 1 remain");
        assertRefused(header + "05" + "00010001", "count 65537 is outside 0..65536");
        assertRefused(header + "05" + "ffffff00", "is outside 0..65536");
        assertRefused(header + "09", "unknown tag 9 of an Object value");
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackRunsOut() {
        String header = "01" + String.format("%08x", MessageCodec.typeNumber(ReadOk.class)) + "0000000000000001";
        assertRefused(header + "0500000001".repeat(100_000) + "00", "nests deeper than 64 levels");
    }

    @Test
    void whatARecordsConstructorRefusesIsBadInput() {
        String header = "01" + String.format("%08x", MessageCodec.typeNumber(Write.class)) + "0000000000000001";
        assertRefused(header + "00" + "00", "QuorumMessages.Write refused its components: key");
        String reply = "01" + String.format("%08x", MessageCodec.typeNumber(ReadReply.class)) + "01"
                + "0000000000000001" + "0000000000000002" + "01" + "00" + "03" + "00000000" + "02";
        assertRefused(reply, "the presence byte of Version");
    }

    private static void assertRefused(String bodyHex, String expected) {
        byte[] body = HexFormat.of().parseHex(bodyHex);
        byte[] frame = new byte[Integer.BYTES + body.length];
        System.arraycopy(body, 0, frame, Integer.BYTES, body.length);
        assertThatThrownBy(() -> CODEC.decode(withLength(frame)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining(expected);
    }

    /** The frame with its length prefix set to match its bytes. */
    static byte[] withLength(byte[] frame) {
        int length = frame.length - Integer.BYTES;
        for (int i = 0; i < Integer.BYTES; i++) {
            frame[i] = (byte) (length >>> (24 - 8 * i));
        }
        return frame;
    }
}
