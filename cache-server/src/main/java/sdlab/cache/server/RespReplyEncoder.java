package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sdlab.cache.BulkStrings;
import sdlab.cache.Reply;
import sdlab.cache.store.ScoreText;

/**
 * Encodes a {@link Reply} as RESP2 or RESP3 straight into the connection's output buffer. The
 * frequent replies ({@code +OK}, {@code $-1}, small integers) are pre-encoded bytes; numbers
 * are written digit by digit without building strings.
 */
final class RespReplyEncoder {
    private static final byte[] CRLF = {'\r', '\n'};
    /** {@code $}, up to ten digits of length, CR LF, and the CR LF after the string. */
    private static final int BULK_FRAMING_BYTES_MAX = 1 + 10 + 2 + 2;
    /** Room made ahead for a reply at most this big; a bigger one grows as it is written. */
    private static final int PRESIZE_BYTES_MAX = 8 << 20;

    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NIL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NIL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] SMALL_INTEGERS = new byte[256][];
    /** {@code $<length>\r\n} for the lengths most values have: one copy instead of digit-by-digit writes. */
    private static final byte[][] BULK_HEADERS = new byte[1024][];

    static {
        for (int i = 0; i < SMALL_INTEGERS.length; i++) {
            SMALL_INTEGERS[i] = (":" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        for (int i = 0; i < BULK_HEADERS.length; i++) {
            BULK_HEADERS[i] = ("$" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private RespReplyEncoder() {}

    static void encode(Reply reply, int protocol, ByteBuf out) {
        switch (reply) {
            case Reply.Simple s -> line(out, '+', s == Reply.OK ? null : s.text(), OK);
            case Reply.Error e -> line(out, '-', e.text(), null);
            case Reply.Int i -> integer(out, i.value());
            case Reply.Bulk b -> bulk(out, b.bytes());
            case Reply.Nil n -> out.writeBytes(protocol == 3 ? NULL3 : n == Reply.Nil.BULK ? NIL_BULK : NIL_ARRAY);
            case Reply.Array a -> aggregate(out, '*', a.items(), protocol);
            case Reply.DoubleValue d -> score(out, d.value(), protocol);
            case Reply.Pairs p -> pairs(out, p.flat(), protocol);
            case Reply.Set s -> aggregate(out, protocol == 3 ? '~' : '*', s.items(), protocol);
            case Reply.Map m -> map(out, m.flat(), protocol);
            case Reply.Verbatim v -> verbatim(out, v, protocol);
            case Reply.Push p -> aggregate(out, protocol == 3 ? '>' : '*', p.items(), protocol);
            case Reply.Sequence q -> q.replies().forEach(next -> encode(next, protocol, out));
            case Reply.Hangup h -> {}
            case Reply.Blocked b -> {}
        }
    }

    private static void line(ByteBuf out, char type, String text, byte[] preEncoded) {
        if (text == null) {
            out.writeBytes(preEncoded);
            return;
        }
        out.writeByte(type);
        // Status and error lines must stay single lines: a CR or LF in them would break framing.
        out.writeCharSequence(text.replace('\r', ' ').replace('\n', ' '), StandardCharsets.UTF_8);
        out.writeBytes(CRLF);
    }

    private static void integer(ByteBuf out, long value) {
        if (value >= 0 && value < SMALL_INTEGERS.length) {
            out.writeBytes(SMALL_INTEGERS[(int) value]);
            return;
        }
        out.writeByte(':');
        decimal(out, value);
        out.writeBytes(CRLF);
    }

    private static void bulk(ByteBuf out, byte[] bytes) {
        if (bytes.length < BULK_HEADERS.length) {
            out.writeBytes(BULK_HEADERS[bytes.length]);
        } else {
            out.writeByte('$');
            decimal(out, bytes.length);
            out.writeBytes(CRLF);
        }
        out.writeBytes(bytes);
        out.writeBytes(CRLF);
    }

    private static void aggregate(ByteBuf out, char type, List<Reply> items, int protocol) {
        header(out, type, items.size());
        if (items instanceof BulkStrings strings) {
            bulks(out, strings);
            return;
        }
        for (Reply item : items) {
            encode(item, protocol, out);
        }
    }

    /** RESP3 sends a double ({@code ,1.5}); RESP2 a bulk string, as Redis 7.0 does. */
    private static void score(ByteBuf out, double value, int protocol) {
        byte[] text = ScoreText.reply(value).getBytes(StandardCharsets.US_ASCII);
        if (protocol != 3) {
            bulk(out, text);
            return;
        }
        out.writeByte(',');
        out.writeBytes(text);
        out.writeBytes(CRLF);
    }

    /** RESP2: member, score, member, score; RESP3: an array of [member, score] arrays. */
    private static void pairs(ByteBuf out, List<Reply> flat, int protocol) {
        if (protocol != 3) {
            aggregate(out, '*', flat, protocol);
            return;
        }
        header(out, '*', flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            header(out, '*', 2);
            encode(flat.get(i), protocol, out);
            encode(flat.get(i + 1), protocol, out);
        }
    }

    private static void map(ByteBuf out, List<Reply> flat, int protocol) {
        if (protocol == 3) {
            header(out, '%', flat.size() / 2);
        } else {
            header(out, '*', flat.size());
        }
        for (Reply item : flat) {
            encode(item, protocol, out);
        }
    }

    private static void verbatim(ByteBuf out, Reply.Verbatim v, int protocol) {
        byte[] text = v.text().getBytes(StandardCharsets.UTF_8);
        if (protocol != 3) {
            bulk(out, text);
            return;
        }
        byte[] format = v.format().getBytes(StandardCharsets.US_ASCII);
        out.writeByte('=');
        decimal(out, format.length + 1 + text.length);
        out.writeBytes(CRLF);
        out.writeBytes(format);
        out.writeByte(':');
        out.writeBytes(text);
        out.writeBytes(CRLF);
    }

    /** An LRANGE's strings: room made once for all of them, then each written as it is. */
    private static void bulks(ByteBuf out, BulkStrings strings) {
        int count = strings.size();
        long bytesTotal = 0;
        for (int i = 0; i < count; i++) {
            bytesTotal += strings.bytes(i).length + BULK_FRAMING_BYTES_MAX;
        }
        out.ensureWritable((int) Math.min(bytesTotal, PRESIZE_BYTES_MAX));
        for (int i = 0; i < count; i++) {
            bulk(out, strings.bytes(i));
        }
    }

    private static void header(ByteBuf out, char type, int count) {
        out.writeByte(type);
        decimal(out, count);
        out.writeBytes(CRLF);
    }

    /** Writes {@code value} in decimal without allocating. */
    static void decimal(ByteBuf out, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                out.writeCharSequence("-9223372036854775808", StandardCharsets.US_ASCII);
                return;
            }
            out.writeByte('-');
            value = -value;
        }
        if (value < 10) {
            out.writeByte('0' + (int) value);
            return;
        }
        // Digits from the last: a division by the constant 10 compiles to a multiplication.
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        out.ensureWritable(digits);
        int start = out.writerIndex();
        for (int at = start + digits - 1; at >= start; at--) {
            out.setByte(at, '0' + (int) (value % 10));
            value /= 10;
        }
        out.writerIndex(start + digits);
    }
}
