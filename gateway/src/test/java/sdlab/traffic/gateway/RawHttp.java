package sdlab.traffic.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 client over a raw socket for tests that send what no well-behaved client would:
 * bytes go out exactly as written, and responses are read one at a time, framed by their own
 * Content-Length or chunked coding.
 */
final class RawHttp implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5_000;

    /**
     * One response: its status (0 if the connection closed or went silent before a status line
     * arrived), its head and its body.
     */
    record Response(int status, String head, String body) {
        static final Response NONE = new Response(0, "", "");

        boolean headerContains(String text) {
            return head.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends {@code request} on a new connection and reads one response. */
    static Response once(int port, String request) throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            connection.send(request);
            return connection.read();
        }
    }

    void send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The next response, or {@link Response#NONE} if the connection ends or stays silent first. */
    Response read() throws IOException {
        String head;
        try {
            head = head();
        } catch (SocketTimeoutException | java.net.SocketException silentOrReset) {
            return Response.NONE;
        }
        if (head == null) {
            return Response.NONE;
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        String body;
        if (lower.contains("transfer-encoding: chunked")) {
            body = chunkedBody();
        } else {
            int at = lower.indexOf("content-length:");
            int length = at < 0
                    ? 0
                    : Integer.parseInt(
                            lower.substring(at + 15, lower.indexOf('\r', at)).trim());
            body = new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
        return status == 100 ? read() : new Response(status, head, body);
    }

    /** Everything the peer sends until it closes the connection (a read timeout fails the caller). */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Whether the peer has closed the connection (reads end of stream within the timeout). */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toString(StandardCharsets.ISO_8859_1);
            }
            body.write(in.readNBytes(length));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
