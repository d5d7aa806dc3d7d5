package sdlab.cache.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A socket that speaks raw bytes, for what client libraries hide: RESP3 types, inline commands,
 * protocol errors, memcached lines. Replies are rendered as text, one RESP value at a time.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawClient send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command as a RESP array of bulk strings. */
    RawClient command(String... args) {
        StringBuilder frame = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            frame.append('$')
                    .append(arg.getBytes(StandardCharsets.ISO_8859_1).length)
                    .append("\r\n")
                    .append(arg)
                    .append("\r\n");
        }
        return send(frame.toString());
    }

    /** Reads one line without its CRLF. */
    String line() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalStateException(
                            "connection closed after: " + buffer.toString(StandardCharsets.ISO_8859_1));
                }
                if (previous == '\r' && b == '\n') {
                    byte[] bytes = buffer.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                }
                buffer.write(b);
                previous = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one RESP2/RESP3 value and renders it: "+OK", "-ERR ...", ":1", "$v" for bulk, "_" for null, "[a, b]" etc. */
    String reply() {
        String line = line();
        char type = line.charAt(0);
        String rest = line.substring(1);
        return switch (type) {
            case '+', '-', ':', '_', '#', ',' -> line;
            case '$' -> rest.equals("-1") ? "$nil" : "$" + bulk(Integer.parseInt(rest));
            case '=' -> "=" + bulk(Integer.parseInt(rest));
            case '*', '~', '>' -> rest.equals("-1") ? "*nil" : type + aggregate(Integer.parseInt(rest));
            case '%' -> "%" + aggregate(2 * Integer.parseInt(rest));
            default -> throw new IllegalStateException("not RESP: " + line);
        };
    }

    /** Reads replies until the server closes the connection; returns them (empty if none). */
    List<String> repliesUntilClosed() {
        List<String> replies = new ArrayList<>();
        while (true) {
            try {
                in.mark(1);
                if (in.read() < 0) {
                    return replies;
                }
                in.reset();
                replies.add(reply());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** True if the server closed the connection (reading gives end of stream). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads and discards until the server closes (true) or nothing arrives within the timeout (false). */
    boolean drainUntilClosed() {
        byte[] sink = new byte[64 * 1024];
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** True if some of a reply has arrived and not been read yet. */
    boolean replyWaiting() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends our sending side, so that the server sees end of input. */
    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void timeoutMillis(int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bulk(int length) {
        try {
            byte[] bytes = in.readNBytes(length + 2);
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String aggregate(int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(reply());
        }
        return items.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing to do
        }
    }
}
