package sdlab.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a client's bytes into requests, the two forms Redis reads: a RESP array of bulk strings
 * ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}, what redis-cli and every client library send) and an inline command
 * ({@code GET k\r\n}, what a person types into telnet or nc).
 *
 * <p>An incomplete request is left in the buffer and parsed again from its start when more bytes come: requests
 * here are small (the bounds below), so the re-reading costs little, and the decoder keeps no state between reads.
 * Input that breaks the protocol, or a bound, becomes a {@link RespRequest.Malformed} with Redis's error text, after
 * which the decoder reads nothing more: the connection answers it and closes, as Redis does.
 */
public final class RespRequestDecoder extends ByteToMessageDecoder {
    /** Arguments per command, at most: the doors' commands take few (an MSET of 500 keys takes 1,001). */
    public static final int ARGS_MAX = 1024;
    /** The longest inline command or header line, in bytes, as Redis's 64 KiB. */
    public static final int LINE_BYTES_MAX = 64 * 1024;

    /** What the parsing methods return when the request has not all arrived yet. */
    private static final List<String> INCOMPLETE = null;

    /** The longest bulk argument, in bytes: each door sets its own, from what its store can carry. */
    private final int bulkBytesMax;

    private boolean broken;

    /** A decoder that refuses a bulk argument longer than {@code bulkBytesMax} bytes. */
    public RespRequestDecoder(int bulkBytesMax) {
        if (bulkBytesMax < 1) {
            throw new IllegalArgumentException("a bulk bound is positive, got " + bulkBytesMax);
        }
        this.bulkBytesMax = bulkBytesMax;
    }

    public int bulkBytesMax() {
        return bulkBytesMax;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!broken && in.isReadable()) {
            int start = in.readerIndex();
            RespRequest request;
            try {
                List<String> args = in.getByte(start) == '*' ? array(in) : inline(in);
                if (args == null) {
                    in.readerIndex(start);
                    return;
                }
                if (args.isEmpty()) {
                    continue; // an empty inline line or an empty array: Redis ignores both
                }
                request = new RespRequest.Command(args);
            } catch (ProtocolException e) {
                broken = true;
                in.skipBytes(in.readableBytes());
                request = new RespRequest.Malformed(e.getMessage());
            }
            out.add(request);
        }
        if (broken) {
            in.skipBytes(in.readableBytes());
        }
    }

    private List<String> array(ByteBuf in) throws ProtocolException {
        String header = line(in, "too big mbulk count string");
        if (header == null) {
            return INCOMPLETE;
        }
        long count = number(header.substring(1), "invalid multibulk length");
        if (count > ARGS_MAX) {
            throw new ProtocolException(
                    "invalid multibulk length (this door takes at most " + ARGS_MAX + " arguments)");
        }
        List<String> args = new ArrayList<>((int) Math.max(count, 0));
        for (long i = 0; i < count; i++) {
            if (!in.isReadable()) {
                return INCOMPLETE;
            }
            if (in.getByte(in.readerIndex()) != '$') {
                throw new ProtocolException("expected '$', got '" + (char) in.getByte(in.readerIndex()) + "'");
            }
            String bulkHeader = line(in, "too big bulk count string");
            if (bulkHeader == null) {
                return INCOMPLETE;
            }
            long length = number(bulkHeader.substring(1), "invalid bulk length");
            if (length < 0) {
                throw new ProtocolException("invalid bulk length");
            }
            if (length > bulkBytesMax) {
                throw new ProtocolException(
                        "bulk length " + length + " above this door's limit of " + bulkBytesMax + " bytes");
            }
            if (in.readableBytes() < length + 2) {
                return INCOMPLETE;
            }
            byte[] bytes = new byte[(int) length];
            in.readBytes(bytes);
            if (in.readByte() != '\r' || in.readByte() != '\n') {
                throw new ProtocolException("a bulk string of " + length + " bytes must end with CR LF");
            }
            args.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return args;
    }

    private static List<String> inline(ByteBuf in) throws ProtocolException {
        String text = line(in, "too big inline request");
        if (text == null) {
            return INCOMPLETE;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.indexOf('"') >= 0 || trimmed.indexOf('\'') >= 0) {
            throw new ProtocolException("quoted inline arguments are not supported here; send a RESP array");
        }
        List<String> args = Arrays.asList(trimmed.split("[ \t]+"));
        if (args.size() > ARGS_MAX) {
            throw new ProtocolException("too many inline arguments");
        }
        return args;
    }

    /** The next line without its end (LF, optionally after CR), or null if it has not all arrived. */
    private static String line(ByteBuf in, String tooLong) throws ProtocolException {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (end < 0) {
            if (in.readableBytes() > LINE_BYTES_MAX) {
                throw new ProtocolException(tooLong);
            }
            return null;
        }
        int length = end - in.readerIndex();
        if (length > LINE_BYTES_MAX) {
            throw new ProtocolException(tooLong);
        }
        String text = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static long number(String text, String invalid) throws ProtocolException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ProtocolException(invalid);
        }
    }

    /** Input that is no RESP request; the message is the text after {@code Protocol error: }. */
    static final class ProtocolException extends Exception {
        ProtocolException(String reason) {
            super(reason, null, false, false);
        }
    }
}
