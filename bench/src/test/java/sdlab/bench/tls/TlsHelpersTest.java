package sdlab.bench.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pieces of the TLS benchmark that need no gateway: its HTTP exchange and CPU reading. */
class TlsHelpersTest {
    @Test
    void anExchangeSendsAGetAndReadsExactlyOneResponse() throws IOException {
        // Status from the status line; the body is consumed by Content-Length, leaving the next response unread.
        String responses =
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 429 Too Many\r\ncontent-length: 0\r\n\r\n";
        ByteArrayInputStream in = new ByteArrayInputStream(responses.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(HttpExchange.get(in, out, "127.0.0.1", "/")).isEqualTo(200);
        assertThat(HttpExchange.get(in, out, "127.0.0.1", "/")).isEqualTo(429);
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(2));
    }

    @Test
    void aResponseWithoutLengthIsAnError() {
        // The minimal client refuses what it cannot frame rather than hang.
        ByteArrayInputStream in = new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> HttpExchange.get(in, new ByteArrayOutputStream(), "h", "/"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("without Content-Length");
    }

    @Test
    void cpuTimeOfThisProcessIsReadableAndNeverDecreases() {
        // /proc/<pid>/stat gives a non-negative CPU time that only grows.
        long pid = ProcessHandle.current().pid();
        long before = ProcessCpu.nanos(pid);
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += i % 7;
        }
        long after = ProcessCpu.nanos(pid);

        assertThat(sum).isPositive();
        assertThat(before).isGreaterThanOrEqualTo(0);
        assertThat(after).isGreaterThanOrEqualTo(before);
    }
}
