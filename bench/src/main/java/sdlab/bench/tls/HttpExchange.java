package sdlab.bench.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 GET over an open stream, minimal on purpose: the request line and a Host header
 * out, then the status line, headers and a Content-Length body in. Enough for the gateway's
 * echo responses; anything else (chunked bodies, no length) is an error.
 */
final class HttpExchange {
    private static final int HEAD_BYTES_MAX = 16_384;

    private HttpExchange() {}

    /** Sends {@code GET path} and returns the response's status code after reading its body. */
    static int get(InputStream in, OutputStream out, String host, String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        long length = contentLength(head);
        long skipped = 0;
        while (skipped < length) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside the response body");
                }
                n = 1;
            }
            skipped += n;
        }
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the response head ended");
            }
            head.write(b);
            if (head.size() > HEAD_BYTES_MAX) {
                throw new IOException("response head longer than " + HEAD_BYTES_MAX + " bytes");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        throw new IOException(
                "response without Content-Length: " + head.lines().findFirst().orElse(""));
    }
}
