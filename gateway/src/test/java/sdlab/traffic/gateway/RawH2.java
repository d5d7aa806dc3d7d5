package sdlab.traffic.gateway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/2 client in clear text (prior knowledge) that writes frames byte by byte, so a test can
 * send what a well-behaved client library refuses to: a body that contradicts
 * {@code content-length}, connection-specific fields, line breaks inside a field. Header blocks
 * are HPACK literals without indexing or Huffman coding (RFC 7541, section 6.2.2), which every
 * decoder must accept. It reads frame types only, not the response's header block.
 */
final class RawH2 implements AutoCloseable {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int TYPE_DATA = 0x0;
    private static final int TYPE_HEADERS = 0x1;
    private static final int TYPE_RST_STREAM = 0x3;
    private static final int TYPE_SETTINGS = 0x4;
    private static final int TYPE_GOAWAY = 0x7;
    private static final int FLAG_END_STREAM = 0x1;
    private static final int FLAG_ACK = 0x1;
    private static final int FLAG_END_HEADERS = 0x4;

    /** How a stream ended, as far as frame types tell. */
    enum Outcome {
        /** A HEADERS frame came back on the stream: the gateway answered it. */
        ANSWERED,
        /** The stream was reset, or the connection closed with GOAWAY or EOF, before any answer. */
        REFUSED
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    RawH2(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        out.write(PREFACE);
        frame(TYPE_SETTINGS, 0, 0, new byte[0]);
    }

    /** Sends a HEADERS frame on {@code streamId}; {@code fields} alternate names and values, pseudo-fields first. */
    void headers(int streamId, boolean endStream, String... fields) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            block.write(0x00); // literal without indexing, new name
            literal(block, fields[i]);
            literal(block, fields[i + 1]);
        }
        frame(TYPE_HEADERS, FLAG_END_HEADERS | (endStream ? FLAG_END_STREAM : 0), streamId, block.toByteArray());
    }

    void data(int streamId, boolean endStream, String data) throws IOException {
        frame(TYPE_DATA, endStream ? FLAG_END_STREAM : 0, streamId, data.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads frames until {@code streamId} is answered or refused. */
    Outcome await(int streamId) throws IOException {
        try {
            while (true) {
                int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int stream = in.readInt() & 0x7fff_ffff;
                in.readNBytes(length);
                if (type == TYPE_SETTINGS && (flags & FLAG_ACK) == 0) {
                    frame(TYPE_SETTINGS, FLAG_ACK, 0, new byte[0]);
                } else if (stream == streamId && type == TYPE_HEADERS) {
                    return Outcome.ANSWERED;
                } else if ((stream == streamId && type == TYPE_RST_STREAM) || type == TYPE_GOAWAY) {
                    return Outcome.REFUSED;
                }
            }
        } catch (EOFException | SocketTimeoutException | java.net.SocketException ended) {
            return Outcome.REFUSED;
        }
    }

    private static void literal(ByteArrayOutputStream block, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < 127) {
            block.write(bytes.length); // H = 0: no Huffman coding
        } else {
            block.write(127);
            int rest = bytes.length - 127;
            while (rest >= 128) {
                block.write((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            block.write(rest);
        }
        block.writeBytes(bytes);
    }

    private void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
        byte[] head = {
            (byte) (payload.length >>> 16),
            (byte) (payload.length >>> 8),
            (byte) payload.length,
            (byte) type,
            (byte) flags,
            (byte) (streamId >>> 24),
            (byte) (streamId >>> 16),
            (byte) (streamId >>> 8),
            (byte) streamId
        };
        out.write(head);
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
