package sdlab.bench.repl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A blocking RESP2 connection for the bench: one command, then its reply, as a closed-loop client sends them. It reads
 * simple strings, errors, integers and bulk strings: what SET and INFO answer. Not a general Redis client.
 */
final class RespConnection implements AutoCloseable {
    private static final int BULK_BYTES_MAX = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespConnection(int port, Duration timeout) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /**
     * Sends {@code args} as one command and returns the reply as text.
     *
     * @throws IOException when the reply is an error (its text is the message) or the connection fails
     */
    String call(String... args) throws IOException {
        out.write(encode(args));
        out.flush();
        return readReply();
    }

    /** The command as a RESP array of bulk strings. */
    static byte[] encode(String... args) {
        StringBuilder text = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            text.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String readReply() throws IOException {
        String line = readLine();
        if (line.isEmpty()) {
            throw new IOException("an empty reply line");
        }
        String rest = line.substring(1);
        return switch (line.charAt(0)) {
            case '+', ':' -> rest;
            case '-' -> throw new IOException(rest);
            case '$' -> readBulk(Integer.parseInt(rest));
            default -> throw new IOException("an unexpected reply: " + line);
        };
    }

    private String readBulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        if (length > BULK_BYTES_MAX) {
            throw new IOException("a bulk reply of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length + 2); // the payload and its CR LF
        if (bytes.length != length + 2) {
            throw new IOException("the connection closed inside a reply");
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before a reply");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection the bench is done with: nothing to do about a failure
        }
    }
}
