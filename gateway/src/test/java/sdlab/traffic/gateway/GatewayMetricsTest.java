package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    /**
     * One line of the Prometheus text format: a comment, or a sample whose label values are
     * quoted strings in which only {@code \\}, {@code \"} and {@code \n} escapes appear.
     */
    private static final Pattern LINE = Pattern.compile("# TYPE [a-z_]+ (counter|gauge|histogram)"
            + "|[a-z_]+(\\{[a-z]+=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\"(,[a-z]+=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})?"
            + " [0-9.E+-]+");

    @Test
    void labelValuesFromTheConfigurationAreEscaped() {
        GatewayMetrics metrics = new GatewayMetrics();
        String route = "quote\" back\\slash\nnewline";
        metrics.request(route, 200, 1_000_000);
        metrics.rateLimited("limit\"1");
        metrics.upstreamFailure("host\\1:80");

        String text = metrics.render();

        assertThat(text)
                .contains("sdlab_gateway_requests_total{route=\"quote\\\" back\\\\slash\\nnewline\",code=\"2xx\"} 1\n")
                .contains("sdlab_gateway_rate_limited_total{limit=\"limit\\\"1\"} 1\n")
                .contains("sdlab_gateway_upstream_failures_total{server=\"host\\\\1:80\"} 1\n");
        assertThat(List.of(text.split("\n")))
                .allSatisfy(line -> assertThat(line).matches(LINE));
    }

    @Test
    void histogramBucketsAreCumulativeWithPlainDecimalBounds() {
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.request("r", 200, 300_000); // 0.3 ms: the first bucket (le 0.0005)
        metrics.request("r", 200, 7_000_000); // 7 ms: le 0.01
        metrics.request("r", 503, 20_000_000_000L); // 20 s: only +Inf

        String text = metrics.render();

        assertThat(text)
                .contains("sdlab_gateway_request_duration_seconds_bucket{route=\"r\",le=\"0.0005\"} 1\n")
                .contains("sdlab_gateway_request_duration_seconds_bucket{route=\"r\",le=\"0.005\"} 1\n")
                .contains("sdlab_gateway_request_duration_seconds_bucket{route=\"r\",le=\"0.01\"} 2\n")
                .contains("sdlab_gateway_request_duration_seconds_bucket{route=\"r\",le=\"10\"} 2\n")
                .contains("sdlab_gateway_request_duration_seconds_bucket{route=\"r\",le=\"+Inf\"} 3\n")
                .contains("sdlab_gateway_request_duration_seconds_count{route=\"r\"} 3\n")
                .contains("sdlab_gateway_requests_total{route=\"r\",code=\"5xx\"} 1\n")
                .doesNotContain("E-");
    }
}
