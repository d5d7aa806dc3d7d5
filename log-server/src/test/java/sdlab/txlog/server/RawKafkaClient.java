package sdlab.txlog.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A bare socket to the broker, for what kafka-clients never sends: hand-made, repeated and broken requests. */
final class RawKafkaClient implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private int correlationIdLast;

    RawKafkaClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Sends a request with header v2 and returns the answer's body after its header ({@code taggedHeader}: v1, which
     * every API but ApiVersions uses).
     */
    ByteBuffer call(int apiKey, int version, byte[] body, boolean taggedHeader) throws IOException {
        int correlationId = ++correlationIdLast;
        TestWriter header = new TestWriter()
                .int16(apiKey)
                .int16(version)
                .int32(correlationId)
                .int16(4)
                .raw("test".getBytes())
                .unsignedVarint(0);
        sendFrame(concat(header.bytes(), body));
        ByteBuffer answer = ByteBuffer.wrap(readFrame());
        if (answer.getInt() != correlationId) {
            throw new IOException("the answer's correlation id does not match");
        }
        if (taggedHeader) {
            answer.get();
        }
        return answer;
    }

    /** Writes a size prefix and the bytes as they are. */
    void sendFrame(byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] readFrame() throws IOException {
        int size = in.readInt();
        byte[] frame = new byte[size];
        in.readFully(frame);
        return frame;
    }

    /** Whether the broker closed the connection (within the socket timeout). */
    boolean closedByBroker() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the peer
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
