package sdlab.chapters.shard;

import static sdlab.chapters.shard.PartitioningMeasurements.DATA_MAX_OVER_MEAN;
import static sdlab.chapters.shard.PartitioningMeasurements.EDGES_WITHIN;
import static sdlab.chapters.shard.PartitioningMeasurements.LOAD_MAX_OVER_MEAN;
import static sdlab.chapters.shard.PartitioningMeasurements.MOVED_OVER_MINIMUM;
import static sdlab.chapters.shard.PartitioningMeasurements.MOVED_SHARE;
import static sdlab.chapters.shard.PartitioningMeasurements.NEIGHBOURS_TOGETHER;
import static sdlab.chapters.shard.PartitioningMeasurements.NOT_OWNED;
import static sdlab.chapters.shard.PartitioningMeasurements.POINT_LATENCY;
import static sdlab.chapters.shard.PartitioningMeasurements.SCAN_FAN_OUT;
import static sdlab.chapters.shard.PartitioningMeasurements.SCAN_LATENCY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 15 claims, each a predicate over one seed's runs of the sixteen variants.
 *
 * <p>The assertions are what the measurement stands behind: hash schemes with a good hash spread uniform access and
 * data evenly, and so do ranges cut at equal key counts; monotonic inserts heat one range shard and not a hash shard;
 * a range scan asks few shards where hash asks all; a join moves about K/N' keys with virtual nodes and most keys
 * with modulo; one token per shard spreads data worse than many; no request is ever served by a shard that does not
 * own its key. The hypotheses are the question's options and its premise, judged on every seed.
 */
final class PartitioningClaims {
    static final String HASH_EVEN = "hashSpreadsUniformAccessAndDataEvenly";
    static final String RANGE_EVEN = "rangesSpreadUniformAccessAndDataEvenlyToo";
    static final String MONOTONIC_HEATS_RANGE = "monotonicInsertsHeatOneRangeShardNotAHashShard";
    static final String SCANS_FEW_SHARDS = "aRangeScanAsksFewShardsWhereHashAsksAll";
    static final String SCANS_FASTER = "rangeScansAreFasterThanHashScans";
    static final String JOIN_MINIMUM = "aJoinMovesAboutTheMinimumWithVirtualNodesAndMostKeysWithModulo";
    static final String ONE_TOKEN_UNEVEN = "oneTokenPerShardSpreadsDataWorseThanVirtualNodes";
    static final String OWNER_SERVES = "noRequestIsServedByAShardThatDoesNotOwnItsKey";
    static final String HOT_KEY_FOUND_ONLINE = "theShardsTopKNamesTheMostPopularUser";

    static final String PLANNER = "hashAsksNoMoreShardsPerQuery";
    static final String COMPRESSION = "hashKeepsNeighbouringKeysTogether";
    static final String EVENS = "hashEvensDataAndTrafficAcrossShards";
    static final String FOREIGN_KEYS = "hashPutsRelatedUsersOnOneShard";
    static final String PREMISE = "hashOutperformsRangesUnderUniformAccess";

    /** A busiest shard within this multiple of the mean counts as even; per-100 ms windows carry sampling noise. */
    static final double EVEN_LOAD = 1.35;
    /** Data is counted once, over every key, so the bound is tighter. */
    static final double EVEN_DATA = 1.15;
    /**
     * 256 random tokens per shard even the ring out only statistically: over 40 seeds two clusters had a shard 22%
     * fuller than the mean (seed 16), so virtual nodes get the load bound for their data too.
     */
    static final double EVEN_DATA_VNODES = EVEN_LOAD;
    /** How much busier the hottest range shard must be than the hottest hash shard under monotonic inserts. */
    static final double HOTTER = 1.25;
    /** A p99 that is better by less than this share counts as no better. */
    static final double CLEARLY = 0.10;

    private PartitioningClaims() {}

    static List<Claim> all(ParamValues values) {
        List<Claim> claims = new ArrayList<>(assertions(values));
        claims.addAll(hypotheses(values));
        return List.copyOf(claims);
    }

    private static String v(Scheme scheme, AccessPattern pattern) {
        return PartitioningVariant.name(scheme, pattern);
    }

    private static List<Claim> assertions(ParamValues values) {
        int shards = values.get(PartitioningParams.SHARDS);
        int tokens = values.get(PartitioningParams.TOKENS);
        return List.of(
                Claim.everySeed(
                        HASH_EVEN,
                        "Under uniform access, hash modulo N keeps the busiest shard within 1.35x the mean shard's"
                                + " work (per 100 ms) and the fullest within 1.15x the mean's keys; consistent hashing"
                                + " with " + tokens + " random tokens per shard keeps both within 1.35x.",
                        (seed, runs) -> even(runs, v(Scheme.MODULO, AccessPattern.UNIFORM))
                                .or(() -> even(
                                        runs, v(Scheme.RING_VIRTUAL_NODES, AccessPattern.UNIFORM), EVEN_DATA_VNODES))),
                Claim.everySeed(
                        RANGE_EVEN,
                        "Under uniform access, ranges cut at equal key counts are as even: busiest shard within 1.35x,"
                                + " fullest within 1.15x. Uniform random access does not need a hash to spread.",
                        (seed, runs) -> even(runs, v(Scheme.RANGE, AccessPattern.UNIFORM))),
                Claim.everySeed(
                        MONOTONIC_HEATS_RANGE,
                        "Under monotonic inserts the busiest range shard works at least 1.25x as hard, relative to the"
                                + " mean, as the busiest hash shard, load splits and moves notwithstanding: every new"
                                + " key lands in the last range.",
                        (seed, runs) -> hotter(runs)),
                Claim.everySeed(
                        SCANS_FEW_SHARDS,
                        "A range scan of consecutive users asks at most 1.5 shards on average with ranges, and every"
                                + " shard (" + shards + " or more) with hash modulo N and with consistent hashing.",
                        (seed, runs) -> fewShards(runs, shards)),
                Claim.everySeed(
                        SCANS_FASTER,
                        "The median range scan is over 10% faster with ranges than with hash modulo N: one shard's"
                                + " work instead of the slowest of all shards'. (The p99 is lower too on most seeds, but"
                                + " a split during the window can lift the range scans' tail above hash's.)",
                        (seed, runs) -> lower(
                                runs,
                                v(Scheme.RANGE, AccessPattern.SCANS),
                                v(Scheme.MODULO, AccessPattern.SCANS),
                                SCAN_LATENCY,
                                50)),
                Claim.everySeed(
                        JOIN_MINIMUM,
                        "When a shard joins, consistent hashing with " + tokens + " tokens per shard moves 0.75 to 1.25"
                                + " times the least possible, K/(N+1) keys; hash modulo N moves over 60% of all keys.",
                        (seed, runs) -> joinMoves(runs)),
                Claim.everySeed(
                        ONE_TOKEN_UNEVEN,
                        "With one token per shard the fullest shard holds more, relative to the mean, than with virtual"
                                + " nodes.",
                        (seed, runs) -> higher(
                                runs,
                                v(Scheme.RING_ONE_TOKEN, AccessPattern.UNIFORM),
                                v(Scheme.RING_VIRTUAL_NODES, AccessPattern.UNIFORM),
                                DATA_MAX_OVER_MEAN)),
                Claim.everySeed(
                        HOT_KEY_FOUND_ONLINE,
                        "Under zipfian access, the shards' space-saving top-k summaries (16 counters each), merged,"
                                + " name the workload's most popular user as the hottest key, under every scheme.",
                        (seed, runs) -> hotKeyFound(runs)),
                Claim.everySeed(
                        OWNER_SERVES,
                        "No request, in any variant, is served by a shard whose table gives the key to another: routers"
                                + " refresh their cached table after splits, moves and the join.",
                        (seed, runs) -> noneServedByNonOwner(runs)));
    }

    private static List<Claim> hypotheses(ParamValues values) {
        return List.of(
                Claim.hypothesis(
                        PLANNER,
                        "A range scan asks no more shards with hash modulo N than with ranges.",
                        (seed, runs) -> atMost(
                                runs,
                                v(Scheme.MODULO, AccessPattern.SCANS),
                                v(Scheme.RANGE, AccessPattern.SCANS),
                                SCAN_FAN_OUT)),
                Claim.hypothesis(
                        COMPRESSION,
                        "Hash modulo N keeps at least as many neighbouring keys on one shard as ranges do (what prefix"
                                + " and delta compression of sorted keys feed on).",
                        (seed, runs) -> atLeast(
                                runs,
                                v(Scheme.MODULO, AccessPattern.UNIFORM),
                                v(Scheme.RANGE, AccessPattern.UNIFORM),
                                NEIGHBOURS_TOGETHER)),
                Claim.hypothesis(
                        EVENS,
                        "Hash modulo N keeps the busiest shard within 1.35x the mean's work and the fullest within 1.15x"
                                + " the mean's keys under uniform access.",
                        (seed, runs) -> even(runs, v(Scheme.MODULO, AccessPattern.UNIFORM))),
                Claim.hypothesis(
                        FOREIGN_KEYS,
                        "Hash modulo N puts both users of 90% of follow edges on one shard, so references between rows"
                                + " stay within a shard.",
                        (seed, runs) -> {
                            double within = value(runs, v(Scheme.MODULO, AccessPattern.UNIFORM), EDGES_WITHIN);
                            return within >= 0.9
                                    ? Optional.empty()
                                    : Optional.of("%.1f%% of follow edges within one shard".formatted(100 * within));
                        }),
                Claim.hypothesis(
                        PREMISE,
                        "Under uniform access hash modulo N outperforms ranges: its point p99 is over 10% lower.",
                        (seed, runs) -> lower(
                                runs,
                                v(Scheme.MODULO, AccessPattern.UNIFORM),
                                v(Scheme.RANGE, AccessPattern.UNIFORM),
                                POINT_LATENCY,
                                99)));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. it simplifies the query planner",
                        v(Scheme.MODULO, AccessPattern.SCANS),
                        List.of(PLANNER),
                        "Hashing scatters neighbouring keys, so a range query must ask every shard: more to plan, not"
                                + " less."),
                new Question.Option(
                        "B. it enables compression",
                        v(Scheme.MODULO, AccessPattern.UNIFORM),
                        List.of(COMPRESSION),
                        "Compression of sorted keys feeds on neighbours stored together; hashing separates them."),
                new Question.Option(
                        "C. it evens data and traffic across shards",
                        v(Scheme.MODULO, AccessPattern.UNIFORM),
                        List.of(EVENS),
                        "Measured: the busiest and the fullest shard stay close to the mean. But ranges cut at equal"
                                + " key counts do as well under uniform access (" + RANGE_EVEN + "); hashing earns"
                                + " its keep with skewed and monotonic keys."),
                new Question.Option(
                        "D. it eliminates foreign keys",
                        v(Scheme.MODULO, AccessPattern.UNIFORM),
                        List.of(FOREIGN_KEYS),
                        "Two related users land on one shard only by chance, 1 in N: references cross shards as"
                                + " often as with ranges."));
    }

    static double value(Map<String, SeedRun> runs, String variant, String metric) {
        return runs.get(variant).value(metric);
    }

    static double percentileMs(Map<String, SeedRun> runs, String variant, String histogram, double percentile) {
        var h = runs.get(variant).histogram(histogram);
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    private static Optional<String> even(Map<String, SeedRun> runs, String variant) {
        return even(runs, variant, EVEN_DATA);
    }

    private static Optional<String> even(Map<String, SeedRun> runs, String variant, double dataBound) {
        double load = value(runs, variant, LOAD_MAX_OVER_MEAN);
        double data = value(runs, variant, DATA_MAX_OVER_MEAN);
        return load <= EVEN_LOAD && data <= dataBound
                ? Optional.empty()
                : Optional.of("%s: busiest shard %.2fx the mean's work, fullest %.2fx the mean's keys"
                        .formatted(variant, load, data));
    }

    private static Optional<String> hotter(Map<String, SeedRun> runs) {
        double range = value(runs, v(Scheme.RANGE, AccessPattern.MONOTONIC), LOAD_MAX_OVER_MEAN);
        double hash = value(runs, v(Scheme.MODULO, AccessPattern.MONOTONIC), LOAD_MAX_OVER_MEAN);
        return range >= HOTTER * hash
                ? Optional.empty()
                : Optional.of("busiest shard %.2fx the mean with ranges, %.2fx with hash".formatted(range, hash));
    }

    private static Optional<String> fewShards(Map<String, SeedRun> runs, int shards) {
        double range = value(runs, v(Scheme.RANGE, AccessPattern.SCANS), SCAN_FAN_OUT);
        for (Scheme scheme : List.of(Scheme.MODULO, Scheme.RING_ONE_TOKEN, Scheme.RING_VIRTUAL_NODES)) {
            double hash = value(runs, v(scheme, AccessPattern.SCANS), SCAN_FAN_OUT);
            if (hash < shards) {
                return Optional.of("%s: a scan asks %.2f shards".formatted(v(scheme, AccessPattern.SCANS), hash));
            }
        }
        return range <= 1.5 ? Optional.empty() : Optional.of("ranges: a scan asks %.2f shards".formatted(range));
    }

    private static Optional<String> joinMoves(Map<String, SeedRun> runs) {
        double vnodes = value(runs, v(Scheme.RING_VIRTUAL_NODES, AccessPattern.UNIFORM), MOVED_OVER_MINIMUM);
        double modulo = value(runs, v(Scheme.MODULO, AccessPattern.UNIFORM), MOVED_SHARE);
        return vnodes >= 0.75 && vnodes <= 1.25 && modulo > 0.6
                ? Optional.empty()
                : Optional.of("virtual nodes moved %.2fx the minimum; modulo moved %.1f%% of the keys"
                        .formatted(vnodes, 100 * modulo));
    }

    private static Optional<String> hotKeyFound(Map<String, SeedRun> runs) {
        for (Scheme scheme : Scheme.values()) {
            SeedRun run = runs.get(v(scheme, AccessPattern.ZIPFIAN));
            if (run.value(PartitioningMeasurements.HOT_KEY_FOUND) != 1) {
                return Optional.of(v(scheme, AccessPattern.ZIPFIAN) + ": " + String.join("; ", run.findings()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> noneServedByNonOwner(Map<String, SeedRun> runs) {
        for (var entry : runs.entrySet()) {
            long count = entry.getValue().counter(NOT_OWNED);
            if (count > 0) {
                return Optional.of("%s: %d requests served by a shard that does not own the key; %s"
                        .formatted(
                                entry.getKey(),
                                count,
                                entry.getValue().findings().getFirst()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lower(
            Map<String, SeedRun> runs, String better, String worse, String histogram, double percentile) {
        double low = percentileMs(runs, better, histogram, percentile);
        double high = percentileMs(runs, worse, histogram, percentile);
        return low < high * (1 - CLEARLY)
                ? Optional.empty()
                : Optional.of("p%.0f %.2f ms in %s, %.2f ms in %s".formatted(percentile, low, better, high, worse));
    }

    private static Optional<String> higher(Map<String, SeedRun> runs, String high, String low, String metric) {
        double a = value(runs, high, metric);
        double b = value(runs, low, metric);
        return a > b ? Optional.empty() : Optional.of("%s %.3f in %s, %.3f in %s".formatted(metric, a, high, b, low));
    }

    private static Optional<String> atMost(Map<String, SeedRun> runs, String a, String b, String metric) {
        double x = value(runs, a, metric);
        double y = value(runs, b, metric);
        return x <= y ? Optional.empty() : Optional.of("%s %.3f in %s, %.3f in %s".formatted(metric, x, a, y, b));
    }

    private static Optional<String> atLeast(Map<String, SeedRun> runs, String a, String b, String metric) {
        double x = value(runs, a, metric);
        double y = value(runs, b, metric);
        return x >= y ? Optional.empty() : Optional.of("%s %.3f in %s, %.3f in %s".formatted(metric, x, a, y, b));
    }
}
