package sdlab.cache.persist;

/**
 * Writes a command as a RESP array of bulk strings, the format of Redis's append-only file
 * and of every client request: {@code *3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n}.
 */
public final class RespCommandWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private RespCommandWriter() {}

    public static void write(ByteOutput out, byte[][] argv) {
        out.writeByte('*');
        writeDecimal(out, argv.length);
        out.writeBytes(CRLF);
        for (byte[] arg : argv) {
            out.writeByte('$');
            writeDecimal(out, arg.length);
            out.writeBytes(CRLF);
            out.writeBytes(arg);
            out.writeBytes(CRLF);
        }
    }

    /** The encoding of one command as a new array. */
    public static byte[] encode(byte[][] argv) {
        GrowableBytes out = new GrowableBytes(64);
        write(out, argv);
        return out.toByteArray();
    }

    /** Writes a non-negative number in decimal without allocating. */
    static void writeDecimal(ByteOutput out, long value) {
        assert value >= 0 : "negative length";
        if (value < 10) {
            out.writeByte('0' + (int) value);
            return;
        }
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.writeByte('0' + (int) (value / divisor % 10));
        }
    }
}
