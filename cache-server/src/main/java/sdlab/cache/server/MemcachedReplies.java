package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedKey;

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

    /** The longest {@link #valueHeader}: "VALUE ", a key, three numbers of up to 20 digits, spaces and CRLF. */
    static final int VALUE_HEADER_BYTES_MAX = 6 + MemcachedKey.BYTES_MAX + 3 * 21 + 2;

    private static final short CRLF = ('\r' << 8) | '\n';
    private static final long TEN_TO_THE_19 = Long.parseUnsignedLong("10000000000000000000");

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
        if (value >= 0 && value < 10) {
            out.writeByte('0' + (int) value);
            return;
        }
        int digits = digits(value);
        out.ensureWritable(digits);
        int end = out.writerIndex() + digits;
        long rest = value;
        int i = end - 1;
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
        if (value < 0) { // 2^63 and above, as unsigned: 19 or 20 digits
            return Long.compareUnsigned(value, TEN_TO_THE_19) >= 0 ? 20 : 19;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    /**
     * Puts the header line of one {@code get} value, {@code VALUE <key> <flags> <bytes>
     * [<cas>]\r\n}, into {@code header} from index 0 and returns its length: built in an array
     * and written with one copy, since it is the hottest line of the port. {@code header} must
     * hold {@link #VALUE_HEADER_BYTES_MAX} bytes.
     */
    static int valueHeader(byte[] header, byte[] key, int keyStart, int keyLength, Item item, boolean withCas) {
        System.arraycopy(VALUE, 0, header, 0, VALUE.length);
        System.arraycopy(key, keyStart, header, VALUE.length, keyLength);
        int at = VALUE.length + keyLength;
        header[at++] = ' ';
        at = putDecimal(header, at, item.flags());
        header[at++] = ' ';
        at = putDecimal(header, at, item.value().length);
        if (withCas) {
            header[at++] = ' ';
            at = putDecimal(header, at, item.cas());
        }
        header[at++] = '\r';
        header[at++] = '\n';
        return at;
    }

    /** Puts {@code value}'s unsigned decimal digits at {@code at}; returns the index after them. */
    static int putDecimal(byte[] to, int at, long value) {
        int end = at + digits(value);
        int i = end - 1;
        long rest = value;
        if (rest < 0) { // above Long.MAX_VALUE as unsigned: one unsigned step leaves a positive rest
            rest = Long.divideUnsigned(value, 10);
            to[i--] = (byte) ('0' + (value - rest * 10));
        }
        for (; i >= at; i--) {
            to[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return end;
    }

    private static byte[] line(String text) {
        return MemcachedCommandLine.ascii(text + "\r\n");
    }
}
