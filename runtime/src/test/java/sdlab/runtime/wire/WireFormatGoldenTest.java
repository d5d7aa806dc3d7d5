package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import sdlab.core.StableHash;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.QuorumMessages.WriteAck;

/**
 * The bytes of two messages, written out by hand from the layout in the package documentation,
 * so that the format cannot change without this test changing with it.
 */
class WireFormatGoldenTest {
    private static final MessageCodec<QuorumMessage> CODEC = MessageCodec.of(QuorumMessage.class);

    @Test
    void typeNumbersAreTheStableHashOfTheNameWithoutThePackage() {
        assertThat(MessageCodec.typeNumber(Write.class)).isEqualTo((int) StableHash.of("QuorumMessages.Write"));
        assertThat(MessageCodec.typeNumber(Write.class)).isEqualTo(WRITE_NUMBER);
        assertThat(MessageCodec.typeNumber(WriteAck.class)).isEqualTo(WRITE_ACK_NUMBER);
    }

    @Test
    void aWriteIsFramedAsDocumented() throws Exception {
        String expected = "00000019" // length: 25 bytes follow
                + "01" // format version
                + hex(WRITE_NUMBER) // type number of QuorumMessages.Write
                + "0000000000000007" // requestId
                + "01" + "00000001" + "6b" // key: present, 1 byte, "k"
                + "03" + "00000001" + "76"; // value (Object): tag String, 1 byte, "v"
        Write write = new Write(7, "k", "v");

        assertThat(HexFormat.of().formatHex(CODEC.encode(write))).isEqualTo(expected);
        assertThat(CODEC.decode(HexFormat.of().parseHex(expected))).isEqualTo(write);
    }

    @Test
    void aWriteAckIsFramedAsDocumented() throws Exception {
        String expected = "00000016" // length: 22 bytes follow
                + "01" // format version
                + hex(WRITE_ACK_NUMBER) // type number of QuorumMessages.WriteAck
                + "01" // op: present (a record has no header of its own)
                + "0000000000000001" // op.epoch
                + "0000000000000002"; // op.sequence

        assertThat(HexFormat.of().formatHex(CODEC.encode(new WriteAck(new OpId(1, 2)))))
                .isEqualTo(expected);
    }

    private static final int WRITE_NUMBER = -1_436_750_987;
    private static final int WRITE_ACK_NUMBER = -491_065_898;

    private static String hex(int number) {
        return String.format("%08x", number);
    }
}
