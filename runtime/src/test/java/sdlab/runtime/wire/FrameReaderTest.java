package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;

/** The frame reader finds frame boundaries in a stream however its bytes are chunked. */
class FrameReaderTest {
    private static final MessageCodec<QuorumMessage> CODEC = MessageCodec.of(QuorumMessage.class);

    @Test
    void framesComeOutWholeWhateverTheChunkSize() throws Exception {
        MessageGenerator generator = new MessageGenerator(7);
        List<QuorumMessage> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Class<?> type : MessageGenerator.recordsBelow(QuorumMessage.class)) {
            QuorumMessage message = (QuorumMessage) generator.record(type);
            sent.add(message);
            stream.writeBytes(CODEC.encode(message));
        }
        byte[] bytes = stream.toByteArray();

        for (int chunk : new int[] {1, 2, 3, 5, 17, 64, 1000, bytes.length}) {
            FrameReader reader = new FrameReader(MessageCodec.FRAME_BYTES_MAX_DEFAULT);
            List<QuorumMessage> received = new ArrayList<>();
            for (int from = 0; from < bytes.length; from += chunk) {
                reader.append(bytes, from, Math.min(chunk, bytes.length - from));
                for (Optional<byte[]> frame = reader.next(); frame.isPresent(); frame = reader.next()) {
                    received.add(CODEC.decode(frame.get()));
                }
            }
            assertThat(received).as("chunks of %d bytes", chunk).isEqualTo(sent);
            assertThat(reader.buffered()).isZero();
        }
    }

    @Test
    void anOversizedLengthIsRefusedBeforeItsBytesArriveAndTheStreamStaysRefused() throws Exception {
        FrameReader reader = new FrameReader(1024);
        byte[] good = CODEC.encode((QuorumMessage) new MessageGenerator(1)
                .record(MessageGenerator.recordsBelow(QuorumMessage.class).get(0)));
        reader.append(good, 0, good.length);
        byte[] oversized = HexFormat.of().parseHex("00100000");
        reader.append(oversized, 0, oversized.length);

        assertThat(reader.next()).isPresent();
        assertThatThrownBy(reader::next)
                .isInstanceOf(WireFormatException.class)
                .hasMessage("frame length 1048576 is outside 5..1024 (at offset " + good.length + ")");
        assertThatThrownBy(reader::next).isInstanceOf(WireFormatException.class);
    }

    @Test
    void negativeAndTooShortLengthsAreRefused() {
        for (String prefix : List.of("ffffffff", "80000000", "00000000", "00000004")) {
            FrameReader reader = new FrameReader(1024);
            byte[] bytes = HexFormat.of().parseHex(prefix);
            reader.append(bytes, 0, bytes.length);
            assertThatThrownBy(reader::next).as(prefix).isInstanceOf(WireFormatException.class);
        }
    }
}
