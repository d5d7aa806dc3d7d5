package sdlab.traffic.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deliberately plain HTTP/1.1 backend over raw sockets, the kind a smuggled request fools: it
 * frames each request the way common servers do (chunked if {@code Transfer-Encoding} says so,
 * else {@code Content-Length}, else no body), keeps connections alive, and reads whatever bytes
 * follow a request as the next request. It records every request it parses, and answers each
 * with 200, an {@code X-Target} field and a body naming the target it answered, so a client can
 * tell whose response it got. A target ending in {@code /close-delimited} is answered without a
 * length, ended by closing the connection; one ending in {@code /nominating} with a
 * {@code Connection} field that names {@code Content-Length}.
 */
final class RecordingBackend implements AutoCloseable {
    private static final int SOCKET_TIMEOUT_MS = 30_000;
    private static final int LINE_BYTES_MAX = 1 << 16;
    private static final int BODY_BYTES_MAX = 16 << 20;

    /** One request as this backend parsed it; header names in lower case, in arrival order. */
    record Received(String method, String target, String version, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private final ServerSocket listener;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    RecordingBackend() throws IOException {
        listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("recording-backend").start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    /** Every request parsed so far, in order of parsing. */
    List<Received> requests() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Received request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                byte[] body = ("target=" + request.target() + "\n").getBytes(StandardCharsets.ISO_8859_1);
                if (request.target().endsWith("/close-delimited")) {
                    // The oldest framing: no length, the body ends when the connection does.
                    out.write(("HTTP/1.1 200 OK\r\nX-Target: " + request.target() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    return;
                }
                // A response may name its own length in Connection; it must still reach the client framed.
                String nomination = request.target().endsWith("/nominating") ? "Connection: Content-Length\r\n" : "";
                String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Target: " + request.target() + "\r\n"
                        + nomination + "Content-Length: " + body.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (!request.method().equals("HEAD")) {
                    out.write(body);
                }
                out.flush();
            }
        } catch (IOException | RuntimeException endOfConnection) {
            // a closed or garbled connection ends here; what was parsed is recorded
        } finally {
            connections.remove(socket);
        }
    }

    /** The next request on the connection, or null at its end. */
    private static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        if (parts.length != 3) {
            return null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String field = line(in); field != null && !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                field.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(field.substring(colon + 1).trim());
            }
        }
        String coding =
                headers.containsKey("transfer-encoding") ? String.join(",", headers.get("transfer-encoding")) : "";
        byte[] body;
        if (coding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length").get(0).trim());
            body = in.readNBytes(Math.min(length, BODY_BYTES_MAX));
        } else {
            body = new byte[0];
        }
        return new Received(parts[0], parts[1], parts[2], headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("connection ended inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not recorded
                }
                return body.toByteArray();
            }
            if (body.size() + size > BODY_BYTES_MAX) {
                throw new IOException("body too large");
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    /** One line without its CRLF (or bare LF), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= LINE_BYTES_MAX) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
