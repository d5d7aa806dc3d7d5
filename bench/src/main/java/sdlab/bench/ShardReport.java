package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import sdlab.bench.jmh.ShardRoutingBenchmark;
import sdlab.bench.shard.ImbalanceRow;

/** The tables and JSON of {@code bench shard}. */
final class ShardReport {
    private ShardReport() {}

    static String imbalanceText(Machine start, List<ImbalanceRow> rows) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Token imbalance of a consistent-hashing ring, RANDOM token placement (Cassandra before 3.0's"
                        + " allocation algorithm; Cassandra 4.0 lowered num_tokens from 256 to 16 together with"
                        + " allocate_tokens_for_local_replication_factor, CASSANDRA-13701). %d placements per line."
                        + "%nMachine: %s.%n%n",
                rows.isEmpty() ? 0 : rows.getFirst().placements(),
                start.describe()));
        text.append(String.format(
                Locale.ROOT,
                "%5s %6s | %16s %8s %8s | %8s %8s %8s | %17s | %10s %10s%n",
                "nodes",
                "tokens",
                "max/mean median",
                "p99",
                "worst",
                "sd/mean",
                "1/sqrtT",
                "beta",
                "join moved/ideal",
                "sampled |z|",
                "moved |z|"));
        for (ImbalanceRow row : rows) {
            text.append(String.format(
                    Locale.ROOT,
                    "%5d %6d | %16.3f %8.3f %8.3f | %8.3f %8.3f %8.3f | %8.3f p99 %5.3f | %10.2f %10.2f%n",
                    row.nodes(),
                    row.tokens(),
                    row.maxOverMeanMedian(),
                    row.maxOverMeanP99(),
                    row.maxOverMeanWorst(),
                    row.shareSdOverMean(),
                    row.textbookSdOverMean(),
                    row.betaSdOverMean(),
                    row.movedOverIdealMedian(),
                    row.movedOverIdealP99(),
                    row.sampled().worstShareZ(),
                    Math.abs(row.sampled().movedZ())));
        }
        text.append("\nmax/mean: the most loaded node's share of the ring over the mean share 1/n, exact from the"
                + " arcs; median, 99th percentile (nearest rank) and worst over the placements. sd/mean: the"
                + " shares' standard deviation over the mean (root mean square over placements), beside the"
                + " textbook 1/sqrt(T) (share sd about 1/(n sqrt T)) and the exact sqrt((n-1)/(nT+1)) of a share that is"
                + " Beta(T, (n-1)T) (beta). join moved/ideal: the keys that change owner"
                + " when one node joins with its own random tokens, over the ideal 1/(n+1); median and p99.\n");
        int sampled = rows.isEmpty() ? 0 : rows.getFirst().sampled().keys();
        if (sampled > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "sampled |z|: %,d uniform random keys routed on the first placement; the largest gap between a"
                            + " node's count and its exact share, in binomial standard deviations (below about 4"
                            + " agrees within sampling error). moved |z|: the same for the keys moved on the join.%n",
                    sampled));
        }
        return text.toString();
    }

    static String imbalanceJson(Machine start, List<ImbalanceRow> rows) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = header(mapper, start, "shard").put("tokenPlacement", "random");
        ArrayNode array = root.putArray("rows");
        for (ImbalanceRow row : rows) {
            array.addObject()
                    .put("nodes", row.nodes())
                    .put("tokens", row.tokens())
                    .put("placements", row.placements())
                    .put("maxOverMeanMedian", row.maxOverMeanMedian())
                    .put("maxOverMeanP99", row.maxOverMeanP99())
                    .put("maxOverMeanWorst", row.maxOverMeanWorst())
                    .put("shareSdOverMean", row.shareSdOverMean())
                    .put("textbookSdOverMean", row.textbookSdOverMean())
                    .put("betaSdOverMean", row.betaSdOverMean())
                    .put("joinMovedOverIdealMedian", row.movedOverIdealMedian())
                    .put("joinMovedOverIdealP99", row.movedOverIdealP99())
                    .put("sampledKeys", row.sampled().keys())
                    .put("sampledWorstShareZ", row.sampled().worstShareZ())
                    .put("sampledMovedShare", row.sampled().movedShare())
                    .put("sampledMovedZ", row.sampled().movedZ());
        }
        return write(mapper, root);
    }

    static String routingText(Machine start, List<double[]> scores) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Routing cost per request: ownerOf(key) over 12 shards, random 'user:<hex>' keys (JMH, a forked JVM"
                        + " per partitioner).%nMachine: %s.%n%n%-12s %20s%n",
                start.describe(),
                "partitioner",
                "ns per ownerOf"));
        for (int i = 0; i < scores.size(); i++) {
            text.append(String.format(
                    Locale.ROOT, "%-12s %20s%n", ShardRoutingBenchmark.PARTITIONERS.get(i), withError(scores.get(i))));
        }
        text.append("modulo: hash mod 12. ring-T: consistent hashing, T tokens per shard. range-R: R ranges."
                + " +- is JMH's 99.9 % error.\n");
        return text.toString();
    }

    static String routingJson(Machine start, List<double[]> scores) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = header(mapper, start, "shard-routing");
        ArrayNode array = root.putArray("partitioners");
        for (int i = 0; i < scores.size(); i++) {
            ObjectNode entry = array.addObject()
                    .put("name", ShardRoutingBenchmark.PARTITIONERS.get(i))
                    .put("nanosPerOwnerOf", scores.get(i)[0]);
            if (!Double.isNaN(scores.get(i)[1])) {
                entry.put("error", scores.get(i)[1]);
            }
        }
        return write(mapper, root);
    }

    private static ObjectNode header(ObjectMapper mapper, Machine start, String benchmark) {
        return mapper.createObjectNode()
                .put("benchmark", benchmark)
                .put("cores", start.cores())
                .put("loadAverage", start.loadAverage())
                .put("java", start.javaVersion());
    }

    private static String withError(double[] score) {
        return Double.isNaN(score[1])
                ? String.format(Locale.ROOT, "%.1f", score[0])
                : String.format(Locale.ROOT, "%.1f +- %.1f", score[0], score[1]);
    }

    private static String write(ObjectMapper mapper, ObjectNode root) {
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
