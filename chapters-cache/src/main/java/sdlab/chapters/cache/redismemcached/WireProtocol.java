package sdlab.chapters.cache.redismemcached;

import java.nio.charset.StandardCharsets;
import sdlab.cache.persist.GrowableBytes;
import sdlab.cache.persist.RespCommandWriter;

/**
 * The three ways chapter 11 frames a GET and a SET on the wire, encoded byte for byte: Redis's
 * RESP, memcached's text protocol and memcached's binary protocol.
 *
 * <p>Besides the bytes, each request frame says how many of its bytes a server must scan one by
 * one to find where a field ends (a CR LF, a space). That is the part of parsing that grows with
 * the request: payloads whose length is announced up front are copied, not scanned, and the binary
 * protocol's fixed 24-byte header is read at fixed offsets. The chapter's parse cost is this count
 * times a modelled cost per scanned byte; it is not a measurement of a real parser.
 */
enum WireProtocol {
    /** Redis's RESP: arrays of length-prefixed bulk strings; the length lines are scanned. */
    RESP {
        @Override
        Frame get(String key) {
            return resp(new byte[][] {ascii("GET"), ascii(key)});
        }

        @Override
        Frame set(String key, byte[] value) {
            return resp(new byte[][] {ascii("SET"), ascii(key), value});
        }

        @Override
        int getReplyBytes(String key, byte[] valueOrNull) {
            return valueOrNull == null
                    ? "$-1\r\n".length()
                    : 1 + digits(valueOrNull.length) + 2 + valueOrNull.length + 2;
        }

        @Override
        int setReplyBytes() {
            return "+OK\r\n".length();
        }
    },

    /** memcached's text protocol: a command line scanned up to its CR LF, then a counted data block. */
    MEMCACHED_TEXT {
        @Override
        Frame get(String key) {
            byte[] line = ascii("get " + key + "\r\n");
            return new Frame(line, line.length);
        }

        @Override
        Frame set(String key, byte[] value) {
            byte[] line = ascii("set " + key + " 0 0 " + value.length + "\r\n");
            GrowableBytes out = new GrowableBytes(line.length + value.length + 2);
            out.writeBytes(line);
            out.writeBytes(value);
            out.writeBytes(CRLF);
            return new Frame(out.toByteArray(), line.length);
        }

        @Override
        int getReplyBytes(String key, byte[] valueOrNull) {
            int end = "END\r\n".length();
            if (valueOrNull == null) {
                return end;
            }
            // VALUE <key> <flags> <bytes>, the data block, then END: the text protocol echoes the key.
            String header = "VALUE " + key + " 0 " + valueOrNull.length + "\r\n";
            return header.length() + valueOrNull.length + 2 + end;
        }

        @Override
        int setReplyBytes() {
            return "STORED\r\n".length();
        }
    },

    /** memcached's binary protocol: a fixed 24-byte header with the lengths, then extras, key and value. */
    MEMCACHED_BINARY {
        @Override
        Frame get(String key) {
            return new Frame(binary(OPCODE_GET, new byte[0], ascii(key), new byte[0]), 0);
        }

        @Override
        Frame set(String key, byte[] value) {
            // Extras of a SET: 4 bytes of flags, 4 bytes of expiration (0: never).
            return new Frame(binary(OPCODE_SET, new byte[8], ascii(key), value), 0);
        }

        @Override
        int getReplyBytes(String key, byte[] valueOrNull) {
            // A hit carries 4 bytes of flags and the value; a miss carries status 1 and the text "Not found".
            return valueOrNull == null
                    ? BINARY_HEADER_BYTES + "Not found".length()
                    : BINARY_HEADER_BYTES + 4 + valueOrNull.length;
        }

        @Override
        int setReplyBytes() {
            return BINARY_HEADER_BYTES;
        }
    };

    static final int BINARY_HEADER_BYTES = 24;
    private static final int MAGIC_REQUEST = 0x80;
    private static final int OPCODE_GET = 0x00;
    private static final int OPCODE_SET = 0x01;
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * One request as sent.
     *
     * @param bytes the encoded request
     * @param scannedBytes how many of them a server scans byte by byte for delimiters
     */
    record Frame(byte[] bytes, int scannedBytes) {
        int length() {
            return bytes.length;
        }
    }

    /** The request {@code GET key}. */
    abstract Frame get(String key);

    /** The request {@code SET key value}. */
    abstract Frame set(String key, byte[] value);

    /** Bytes of the reply to {@code GET key} that found {@code valueOrNull} (null: a miss). */
    abstract int getReplyBytes(String key, byte[] valueOrNull);

    /** Bytes of the reply to a SET that stored its value. */
    abstract int setReplyBytes();

    private static Frame resp(byte[][] argv) {
        int scanned = 1 + digits(argv.length) + 2;
        for (byte[] arg : argv) {
            scanned += 1 + digits(arg.length) + 2;
        }
        return new Frame(RespCommandWriter.encode(argv), scanned);
    }

    private static byte[] binary(int opcode, byte[] extras, byte[] key, byte[] value) {
        int bodyBytes = extras.length + key.length + value.length;
        GrowableBytes out = new GrowableBytes(BINARY_HEADER_BYTES + bodyBytes);
        out.writeByte(MAGIC_REQUEST);
        out.writeByte(opcode);
        out.writeByte(key.length >>> 8);
        out.writeByte(key.length);
        out.writeByte(extras.length);
        out.writeByte(0); // data type: raw bytes
        out.writeBytes(new byte[2]); // vbucket id
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.writeByte(bodyBytes >>> shift);
        }
        out.writeBytes(new byte[4]); // opaque: echoed back, unused here
        out.writeBytes(new byte[8]); // CAS: none
        out.writeBytes(extras);
        out.writeBytes(key);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }
}
