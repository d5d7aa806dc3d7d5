package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sdlab.bench.peer.CacheComparison;
import sdlab.bench.peer.RequiredTool;

/** A tiny end-to-end run of {@code bench cache}: real servers, real tools, no timing asserted. */
class CacheCommandSmokeTest {
    @Test
    void benchCacheMeasuresBothServersAndLeavesNoServerRunning() throws Exception {
        // Every workload gets figures from both sides, and the servers it started are gone afterwards.
        Optional<String> missing = RequiredTool.missing(CacheComparison.TOOLS);
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElseThrow());
        long childrenBefore = ProcessHandle.current().descendants().count();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute(
                "cache", "-n", "2000", "--tests", "set,get", "--pipeline", "1,16", "--memaslap-seconds", "1", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("benchmark").asText()).isEqualTo("cache");
        assertThat(report.get("workloads"))
                .extracting(w -> w.get("name").asText())
                .containsExactly("SET -P 1", "GET -P 1", "SET -P 16", "GET -P 16", "memaslap 90% get");
        for (JsonNode workload : report.get("workloads")) {
            String name = workload.get("name").asText();
            assertThat(workload.get("sdlab").get("opsPerSecond").asDouble()).isPositive();
            assertThat(workload.get("peer").get("opsPerSecond").asDouble()).isPositive();
            // Both servers answered every request: figures of refused requests would compare nothing
            // (the node once refused all of memaslap's keys, which start with 0x10 bytes).
            assertThat(workload.get("sdlab").get("errors").asLong()).as(name).isZero();
            assertThat(workload.get("peer").get("errors").asLong()).as(name).isZero();
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .count())
                .isLessThanOrEqualTo(childrenBefore);
    }

    @Test
    void everyDefaultRedisBenchmarkTestRunsAgainstBothServersWithoutAnError() throws Exception {
        // redis-benchmark stops at the first error reply, and the parser refuses such a run: a full
        // report means the node answered every default test as redis-server did.
        Optional<String> missing = RequiredTool.missing(CacheComparison.TOOLS);
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElseThrow());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute(
                // 10,000 requests: with 1,000, a pipelined PING can finish within redis-benchmark's millisecond clock,
                // and a rate of "inf" is not a figure.
                "cache", "--only", "redis-benchmark", "-n", "10000", "--pipeline", "16", "--rounds", "1", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("workloads"))
                .extracting(w -> w.get("name").asText())
                .containsExactly(
                        "PING_INLINE -P 16",
                        "PING_MBULK -P 16",
                        "SET -P 16",
                        "GET -P 16",
                        "INCR -P 16",
                        "LPUSH -P 16",
                        "RPUSH -P 16",
                        "LPOP -P 16",
                        "RPOP -P 16",
                        "SADD -P 16",
                        "HSET -P 16",
                        "SPOP -P 16",
                        "ZADD -P 16",
                        "ZPOPMIN -P 16",
                        "LPUSH (NEEDED TO BENCHMARK LRANGE) -P 16",
                        "LRANGE_100 (FIRST 100 ELEMENTS) -P 16",
                        "LRANGE_300 (FIRST 300 ELEMENTS) -P 16",
                        "LRANGE_500 (FIRST 500 ELEMENTS) -P 16",
                        "LRANGE_600 (FIRST 600 ELEMENTS) -P 16",
                        "MSET (10 KEYS) -P 16");
    }

    @Test
    void onlyMemaslapMeasuresTheMemcachedPortAlone() throws Exception {
        // --only memaslap starts no redis-server and reports the memaslap row only.
        Optional<String> missing = RequiredTool.missing(CacheComparison.TOOLS);
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElseThrow());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("cache", "--only", "memaslap", "--memaslap-seconds", "1", "--rounds", "1", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("workloads"))
                .extracting(w -> w.get("name").asText())
                .containsExactly("memaslap 90% get");
        assertThat(err.toString()).doesNotContain("redis-server");
    }

    @Test
    void aMissingToolIsNamedWithItsPackage() {
        // The line a user sees when a peer is not installed names the apt package to install.
        Optional<String> message = RequiredTool.missing(
                java.util.List.of(new RequiredTool("sdlab-no-such-tool", "sdlab-no-such-package")));

        assertThat(message)
                .hasValue("missing sdlab-no-such-tool: install with 'apt-get install -y sdlab-no-such-package'");
    }
}
