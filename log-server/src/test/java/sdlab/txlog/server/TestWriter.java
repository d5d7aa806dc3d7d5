package sdlab.txlog.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds request bodies and record batches byte by byte, independently of the broker's own writer. */
final class TestWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestWriter int8(int v) {
        out.write(v);
        return this;
    }

    TestWriter int16(int v) {
        return int8(v >>> 8).int8(v);
    }

    TestWriter int32(int v) {
        return int16(v >>> 16).int16(v);
    }

    TestWriter int64(long v) {
        return int32((int) (v >>> 32)).int32((int) v);
    }

    TestWriter unsignedVarint(int v) {
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
        return this;
    }

    /** A zigzag varint, as record fields inside a batch are written. */
    TestWriter varint(int v) {
        return unsignedVarint((v << 1) ^ (v >> 31));
    }

    TestWriter compactString(String s) {
        if (s == null) {
            return unsignedVarint(0);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return unsignedVarint(bytes.length + 1).raw(bytes);
    }

    TestWriter compactBytes(byte[] bytes) {
        return unsignedVarint(bytes.length + 1).raw(bytes);
    }

    TestWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
