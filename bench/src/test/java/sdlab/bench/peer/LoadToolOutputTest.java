package sdlab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load tools' outputs, as recorded from real runs on this machine, read into figures. */
class LoadToolOutputTest {
    static String sample(String name) {
        try (InputStream in = LoadToolOutputTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void redisBenchmarkCsvGivesEachTestsRateAndP99() {
        // redis-benchmark 7's --csv: columns found by name, p99 in milliseconds.
        Map<String, LoadFigures> figures = RedisBenchmarkCsv.parse(sample("redis-benchmark-csv.txt"));

        assertThat(figures).containsOnlyKeys("SET", "GET");
        assertThat(figures.get("SET")).isEqualTo(new LoadFigures(408163.28, 6.887, 0));
        assertThat(figures.get("GET")).isEqualTo(new LoadFigures(476190.47, 3.943, 0));
    }

    @Test
    void redisBenchmarksDefaultTestsKeepTheirNamesAndOrder() {
        // The default set (captured from redis-benchmark 7.0 against redis-server): LRANGE and MSET lines carry a note.
        Map<String, LoadFigures> figures = RedisBenchmarkCsv.parse(sample("redis-benchmark-default-csv.txt"));

        assertThat(figures.keySet())
                .containsExactly(
                        "PING_INLINE",
                        "PING_MBULK",
                        "SET",
                        "LPUSH (NEEDED TO BENCHMARK LRANGE)",
                        "LRANGE_100 (FIRST 100 ELEMENTS)",
                        "MSET (10 KEYS)");
        assertThat(figures.get("MSET (10 KEYS)")).isEqualTo(new LoadFigures(2433.09, 19.135, 0));
    }

    @Test
    void aServerErrorMakesTheRunNoFigure() {
        // redis-benchmark 7 stops at the first error reply; the rows before it are not kept as figures.
        assertThatThrownBy(() -> RedisBenchmarkCsv.parse(sample("redis-benchmark-error.txt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Error from server: OOM");
    }

    @Test
    void aTestTooFastToTimeIsNoFigure() {
        // redis-benchmark divides by the elapsed milliseconds: a test that took none is printed at "inf" requests per
        // second, which the parser refuses by name instead of failing on the number.
        String output =
                """
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "PING_INLINE","inf","0.071","0.016","0.063","0.127","0.175","0.191"
                """;
        assertThatThrownBy(() -> RedisBenchmarkCsv.parse(output))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PING_INLINE at inf")
                .hasMessageContaining("too fast to time");
    }

    @Test
    void redisBenchmarkWithoutCsvIsRejectedWithItsOutput() {
        // The -q form has no percentiles: the parser says so instead of guessing.
        assertThatThrownBy(() -> RedisBenchmarkCsv.parse("SET: 58479.53 requests per second, p50=0.551 msec"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no redis-benchmark CSV header");
    }

    @Test
    void memaslapGivesTpsAndTheP99BucketsUpperBound() {
        // 297182 events; the 294211th (99%) falls in the bucket (2^13, 2^14] µs, reported as 16.384 ms.
        LoadFigures figures = MemaslapOutput.parse(sample("memaslap.txt"));

        assertThat(figures.opsPerSecond()).isEqualTo(73516);
        assertThat(figures.latencyMsP99()).isEqualTo(16.384);
    }

    @Test
    void memaslapErrorRepliesAreCountedAsErrors() {
        // A run against a node that refused memaslap's keys (six of its error lines kept): each one counts.
        LoadFigures figures = MemaslapOutput.parse(sample("memaslap-errors.txt"));

        assertThat(figures.errors()).isEqualTo(6);
        assertThat(MemaslapOutput.parse(sample("memaslap.txt")).errors()).isZero();
    }

    @Test
    void memaslapWithoutStatisticsIsRejected() {
        // Without -S memaslap prints no histogram, so no p99 can be read.
        assertThatThrownBy(() -> MemaslapOutput.parse("Run time: 4.0s Ops: 310899 TPS: 77697 Net_rate: 15.7M/s\n"))
                .hasMessageContaining("run it with -S");
    }

    @Test
    void wrkGivesRequestsPerSecondAndTheP99LineInMilliseconds() {
        // wrk --latency: "99%   75.94ms"; no error lines means no errors.
        LoadFigures figures = WrkOutput.parse(sample("wrk-latency.txt"));

        assertThat(figures).isEqualTo(new LoadFigures(37211.34, 75.94, 0));
    }

    @Test
    void wrkErrorLinesAreCountedAndMicrosecondsConverted() {
        // Non-2xx responses and every kind of socket error count as errors.
        String output =
                """
                  Latency Distribution
                     50%  206.00us
                     99%  850.00us
                  Socket errors: connect 1, read 2, write 3, timeout 4
                  Non-2xx or 3xx responses: 10
                Requests/sec:  1000.50
                """;

        assertThat(WrkOutput.parse(output)).isEqualTo(new LoadFigures(1000.50, 0.85, 20));
    }

    @Test
    void h2loadGivesItsRateAndTheLogsP99() {
        // The summary gives req/s and failures; the request log's third column gives p99.
        LoadFigures figures = H2loadOutput.parse(sample("h2load.txt"), sample("h2load-log.txt"));

        assertThat(figures.opsPerSecond()).isEqualTo(19738.00);
        assertThat(figures.errors()).isZero();
        assertThat(figures.latencyMsP99()).isCloseTo(nearestRankP99Millis(sample("h2load-log.txt")), within(1e-9));
    }

    @Test
    void h2loadP99IsTheNearestRank() {
        // 100 requests of 1..100 µs: p99 is the 99th smallest.
        StringBuilder log = new StringBuilder();
        for (int i = 100; i >= 1; i--) {
            log.append("1795832136982607\t200\t").append(i).append('\n');
        }

        assertThat(H2loadOutput.p99Micros(log.toString())).isEqualTo(99);
    }

    private static double nearestRankP99Millis(String log) {
        long[] sorted = log.lines()
                .mapToLong(l -> Long.parseLong(l.split("\t")[2]))
                .sorted()
                .toArray();
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0;
    }
}
