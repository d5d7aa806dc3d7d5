package sdlab.traffic.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sdlab.traffic.gateway.HostileRequestCorpus.Probe;
import sdlab.traffic.gateway.RecordingBackend.Received;

/**
 * Sends one probe to a proxy, followed by a request that closes the connection, and records
 * what came back to the client and what the backend parsed. Two proxies given the same probe
 * can then be compared outcome by outcome.
 *
 * @param statuses the status codes the client received, in order
 * @param backendSaw each request the backend parsed, as method, decoded path, query, lower-case
 *     host without port, and body
 * @param silent whether the client stopped waiting (the proxy neither answered nor closed in time)
 * @param parsedTargets the targets of the requests the backend parsed, in order
 * @param answeredTargets the targets named by the backend's responses that reached the client, in order
 */
record ProbeRun(
        List<Integer> statuses,
        List<String> backendSaw,
        boolean silent,
        List<String> parsedTargets,
        List<String> answeredTargets) {
    static final String CLOSER = "GET /closer HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final Pattern TARGET_FIELD = Pattern.compile("(?i)\r\nX-Target: ([^\r]*)\r\n");

    /** Runs {@code probe} against the proxy on {@code port} whose only upstream is {@code backend}. */
    static ProbeRun of(Probe probe, int port, RecordingBackend backend, int readTimeoutMs) throws IOException {
        backend.clear();
        String answer;
        boolean silent = false;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMs);
            try {
                socket.getOutputStream().write((probe.bytes() + CLOSER).getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (SocketException closedEarly) {
                // the proxy refused and closed before reading it all; what it answered is still read
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException timeout) {
                silent = true;
            } catch (SocketException reset) {
                // a reset after the answer: the answer counts
            }
            answer = received.toString(StandardCharsets.ISO_8859_1);
        }
        List<Integer> statuses = new ArrayList<>();
        Matcher status = STATUS_LINE.matcher(answer);
        while (status.find()) {
            statuses.add(Integer.parseInt(status.group(1)));
        }
        // The backend may still be parsing what the proxy sent last; give it a moment.
        sleepQuietly(20);
        List<String> answered = new ArrayList<>();
        Matcher target = TARGET_FIELD.matcher(answer);
        while (target.find()) {
            answered.add(target.group(1));
        }
        List<Received> parsed = backend.requests();
        return new ProbeRun(
                statuses,
                parsed.stream().map(ProbeRun::view).toList(),
                silent,
                parsed.stream().map(Received::target).toList(),
                answered);
    }

    /** A request as the backend parsed it, in a form two proxies' choices of escaping cannot tell apart. */
    static String view(Received request) {
        String target = request.target();
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String decoded = percentDecoded(path);
        String host =
                request.header("host") == null ? "-" : request.header("host").toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return request.method() + " " + decoded + (query < 0 ? "" : " ?" + target.substring(query + 1)) + " host="
                + host + " body=" + request.bodyText().length() + ":"
                + Integer.toHexString(request.bodyText().hashCode());
    }

    /**
     * The bytes a path names, each escape decoded and each raw character taken as the byte it was
     * sent as: a proxy that escapes a raw byte and one that forwards it raw send the same path.
     */
    private static String percentDecoded(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int high = c == '%' && i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the proxy and the backend fell out of step: the backend parsed a request whose
     * response did not come back to this client in its turn. That response waits in the upstream
     * connection for whichever client uses it next: the mark of a smuggled request.
     */
    boolean outOfStep() {
        return !parsedTargets.equals(answeredTargets);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
