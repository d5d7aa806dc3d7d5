package sdlab.chapters.cache.redismemcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.chapters.cache.redismemcached.WireProtocol.Frame;

class WireProtocolTest {
    private static final byte[] VALUE = DataSet.valueOf("k1", 100);

    @Test
    void respFramesAGetAsAnArrayOfBulkStringsAndScansOnlyTheLengthLines() {
        // Shows: the RESP bytes are Redis's own, and only "*2", "$3" and "$2" lines are scanned.
        Frame frame = WireProtocol.RESP.get("k1");
        assertThat(text(frame)).isEqualTo("*2\r\n$3\r\nGET\r\n$2\r\nk1\r\n");
        assertThat(frame.scannedBytes()).isEqualTo(12);
        assertThat(WireProtocol.RESP.getReplyBytes("k1", VALUE)).isEqualTo("$100\r\n".length() + 100 + 2);
        assertThat(WireProtocol.RESP.getReplyBytes("k1", null)).isEqualTo("$-1\r\n".length());
        assertThat(WireProtocol.RESP.setReplyBytes()).isEqualTo("+OK\r\n".length());
    }

    @Test
    void memcachedTextScansTheCommandLineAndCopiesTheDataBlock() {
        // Shows: a text SET is a scanned command line, then a counted data block; a GET reply echoes the key.
        Frame frame = WireProtocol.MEMCACHED_TEXT.set("k1", "ab".getBytes(StandardCharsets.US_ASCII));
        assertThat(text(frame)).isEqualTo("set k1 0 0 2\r\nab\r\n");
        assertThat(frame.scannedBytes()).isEqualTo("set k1 0 0 2\r\n".length());
        assertThat(WireProtocol.MEMCACHED_TEXT.getReplyBytes("k1", VALUE))
                .isEqualTo("VALUE k1 0 100\r\n".length() + 100 + "\r\nEND\r\n".length());
        assertThat(WireProtocol.MEMCACHED_TEXT.getReplyBytes("k1", null)).isEqualTo("END\r\n".length());
    }

    @Test
    void memcachedBinaryHasAFixedHeaderWithTheLengthsAndScansNothing() {
        // Shows: a binary GET is the 24-byte header (magic 0x80, opcode 0, key length, body length) and the key.
        Frame frame = WireProtocol.MEMCACHED_BINARY.get("k1");
        byte[] bytes = frame.bytes();
        assertThat(bytes).hasSize(24 + 2);
        assertThat(bytes[0] & 0xff).isEqualTo(0x80);
        assertThat(bytes[1]).isZero();
        assertThat(((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff)).isEqualTo(2);
        assertThat(bytes[11]).isEqualTo((byte) 2);
        assertThat(frame.scannedBytes()).isZero();
        assertThat(WireProtocol.MEMCACHED_BINARY.getReplyBytes("k1", VALUE)).isEqualTo(24 + 4 + 100);
        assertThat(WireProtocol.MEMCACHED_BINARY.setReplyBytes()).isEqualTo(24);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 4096})
    void aBinarySetCarriesItsEightBytesOfExtrasTheKeyAndTheValue(int valueBytes) {
        // Shows: header, flags and expiry, key and value, nothing else, whatever the value's size.
        Frame frame = WireProtocol.MEMCACHED_BINARY.set("key7", DataSet.valueOf("key7", valueBytes));
        assertThat(frame.length()).isEqualTo(24 + 8 + 4 + valueBytes);
    }

    @Test
    void forShortKeysTheBinaryFramingIsTheLargestOfTheThree() {
        // Shows: binary framing buys fixed-offset parsing, not fewer bytes: its header outweighs text's short lines.
        int resp = WireProtocol.RESP.set("k1", VALUE).length() + WireProtocol.RESP.setReplyBytes();
        int text = WireProtocol.MEMCACHED_TEXT.set("k1", VALUE).length() + WireProtocol.MEMCACHED_TEXT.setReplyBytes();
        int binary =
                WireProtocol.MEMCACHED_BINARY.set("k1", VALUE).length() + WireProtocol.MEMCACHED_BINARY.setReplyBytes();
        assertThat(binary).isGreaterThan(resp).isGreaterThan(text);
    }

    private static String text(Frame frame) {
        return new String(frame.bytes(), StandardCharsets.US_ASCII);
    }
}
