package sdlab.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.jmh.ShardRoutingBenchmark;
import sdlab.bench.shard.ImbalanceRow;
import sdlab.bench.shard.RoutingJmh;

/** {@code sdlab bench shard}: how unevenly random tokens spread a ring, and what routing a request costs. */
@Command(
        name = "shard",
        mixinStandardHelpOptions = true,
        description = {
            "The hottest node's share of a consistent-hashing ring over the mean (max/mean) for each node count and"
                    + " token count (Cassandra's num_tokens), over many random token placements: the median and 99th"
                    + " percentile, exact from the ring's arcs and checked by routing random keys; and the data"
                    + " moved when one node joins, over the ideal 1/(n+1). Tokens are placed at random, as Cassandra"
                    + " placed them before 3.0's allocation algorithm. Under a minute with the defaults.",
            "With --routing: nanoseconds per ownerOf(key) for modulo, consistent hashing with 1/16/256 tokens per"
                    + " shard and range partitioning with 12 and 1,000 ranges, 12 shards, measured by JMH in a"
                    + " forked JVM per partitioner (about a minute).",
        })
final class ShardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--nodes",
            split = ",",
            defaultValue = "4,12,48",
            description = "Node counts (default: ${DEFAULT-VALUE}).")
    List<Integer> nodes;

    @Option(
            names = "--tokens",
            split = ",",
            defaultValue = "1,4,16,64,256",
            description = "Tokens per node (default: ${DEFAULT-VALUE}).")
    List<Integer> tokens;

    @Option(
            names = "--placements",
            defaultValue = "200",
            description = "Random token placements (token seeds) per line (default: ${DEFAULT-VALUE}).")
    int placements;

    @Option(
            names = "--sample-keys",
            defaultValue = "1000000",
            description = "Uniform random keys routed on the first placement to check the exact shares; 0 skips the"
                    + " check (default: ${DEFAULT-VALUE}).")
    int sampleKeys;

    @Option(names = "--routing", description = "Measure routing cost per request with JMH instead.")
    boolean routing;

    @Option(
            names = "--warmup-iterations",
            defaultValue = "3",
            description = "With --routing: untimed JMH iterations (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(
            names = "--iterations",
            defaultValue = "5",
            description = "With --routing: measured JMH iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--iteration-ms",
            defaultValue = "1000",
            description = "With --routing: length of each iteration in ms (default: ${DEFAULT-VALUE}).")
    int iterationMillis;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        validate();
        Machine start = Machine.now();
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime);
        PrintWriter out = spec.commandLine().getOut();
        if (routing) {
            RoutingJmh jmh = new RoutingJmh(warmupIterations, iterations, iterationMillis);
            List<double[]> scores = new ArrayList<>();
            for (String partitioner : ShardRoutingBenchmark.PARTITIONERS) {
                progress.accept("measuring ownerOf for " + partitioner);
                scores.add(jmh.measure(partitioner));
            }
            out.print(json ? ShardReport.routingJson(start, scores) : ShardReport.routingText(start, scores));
        } else {
            List<ImbalanceRow> rows = new ArrayList<>();
            for (int n : nodes) {
                for (int t : tokens) {
                    progress.accept(n + " nodes x " + t + " tokens, " + placements + " placements");
                    rows.add(ImbalanceRow.measure(n, t, placements, sampleKeys));
                }
            }
            out.print(json ? ShardReport.imbalanceJson(start, rows) : ShardReport.imbalanceText(start, rows));
        }
        out.flush();
        return 0;
    }

    private void validate() {
        for (int n : nodes) {
            if (n < 1 || n > 1000) {
                throw new ParameterException(spec.commandLine(), "--nodes must be 1-1000, got " + n);
            }
        }
        for (int t : tokens) {
            if (t < 1 || t > 4096) {
                throw new ParameterException(spec.commandLine(), "--tokens must be 1-4096, got " + t);
            }
        }
        if (placements < 1 || placements > 100_000) {
            throw new ParameterException(spec.commandLine(), "--placements must be 1-100000, got " + placements);
        }
        if (sampleKeys < 0 || sampleKeys > 100_000_000) {
            throw new ParameterException(spec.commandLine(), "--sample-keys must be 0-100000000, got " + sampleKeys);
        }
        if (warmupIterations < 0 || warmupIterations > 100 || iterations < 1 || iterations > 100) {
            throw new ParameterException(
                    spec.commandLine(), "--warmup-iterations must be 0-100 and --iterations 1-100");
        }
        if (iterationMillis < 10 || iterationMillis > 60_000) {
            throw new ParameterException(spec.commandLine(), "--iteration-ms must be 10-60000, got " + iterationMillis);
        }
    }
}
