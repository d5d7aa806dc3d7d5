package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes memcached's reply lines straight into a connection's reply buffer: the fixed lines as
 * prepared bytes, numbers as ASCII digits without a {@code String} in between.
 */
final class MemcachedReplies {
    static final byte[] END = line("END");
    static final byte[] STORED = line("STORED");
    static final byte[] NOT_STORED = line("NOT_STORED");
    static final byte[] EXISTS = line("EXISTS");
    static final byte[] NOT_FOUND = line("NOT_FOUND");
    static final byte[] DELETED = line("DELETED");
    static final byte[] TOUCHED = line("TOUCHED");
    static final byte[] OK = line("OK");
    static final byte[] ERROR = line("ERROR");
    static final byte[] BAD_FORMAT = line("CLIENT_ERROR bad command line format");
    static final byte[] BAD_DATA_CHUNK = line("CLIENT_ERROR bad data chunk");
    static final byte[] INVALID_EXPTIME = line("CLIENT_ERROR invalid exptime argument");
    static final byte[] TOO_LARGE = line("SERVER_ERROR object too large for cache");
    static final byte[] OUT_OF_MEMORY = line("SERVER_ERROR out of memory storing object");
    static final byte[] VALUE = MemcachedCommandLine.ascii("VALUE ");

    private static final short CRLF = ('\r' << 8) | '\n';

    private MemcachedReplies() {}

    static void crlf(ByteBuf out) {
        out.writeShort(CRLF);
    }

    /** A line made at run time: the rare replies (stats, version, errors with details). */
    static void line(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.ISO_8859_1);
        crlf(out);
    }

    /** {@code value} as unsigned decimal digits. */
    static void decimal(ByteBuf out, long value) {
        int digits = digits(value);
        out.ensureWritable(digits);
        int end = out.writerIndex() + digits;
        int i = end - 1;
        long rest = value;
        if (rest < 0) { // above Long.MAX_VALUE as unsigned: one unsigned step leaves a positive rest
            rest = Long.divideUnsigned(value, 10);
            out.setByte(i--, '0' + (int) (value - rest * 10));
        }
        for (; i >= out.writerIndex(); i--) {
            out.setByte(i, '0' + (int) (rest % 10));
            rest /= 10;
        }
        out.writerIndex(end);
    }

    /** {@code value} as signed decimal digits: the meta protocol's time to live, -1 for never. */
    static void signedDecimal(ByteBuf out, long value) {
        if (value < 0) {
            out.writeByte('-');
            decimal(out, -value);
        } else {
            decimal(out, value);
        }
    }

    /** How many decimal digits the unsigned {@code value} has. */
    static int digits(long value) {
        int digits = 1;
        for (long rest = Long.divideUnsigned(value, 10); rest != 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static byte[] line(String text) {
        return MemcachedCommandLine.ascii(text + "\r\n");
    }
}
