package sdlab.chapters.cache.redismemcached;

import static sdlab.chapters.cache.redismemcached.ServerMeasurements.EVICTION_GETS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.EVICTION_HITS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.LOAD_REQUESTS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.LOSS_WINDOW_MS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.PARSE_NANOS;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.THROUGHPUT;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WIRE_BYTES;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITES_ACKNOWLEDGED;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITES_KEPT;
import static sdlab.chapters.cache.redismemcached.ServerMeasurements.WRITES_LOST;
import static sdlab.chapters.cache.redismemcached.ServerVariant.MEMCACHED;
import static sdlab.chapters.cache.redismemcached.ServerVariant.MEMCACHED_BINARY;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS_AOF_ALWAYS;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS_AOF_EVERYSEC;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS_AOF_NO;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS_EXACT_LRU;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS_LFU;
import static sdlab.chapters.cache.redismemcached.ServerVariant.REDIS_RDB;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 11 claims, each a predicate over one seed's runs of every variant.
 *
 * <p>The assertions are the chapter's argument: without persistence a restart empties the node,
 * whatever its eviction policy, protocol or thread count; {@code appendfsync always} loses no
 * acknowledged write; the lazier policies lose writes, within the bounds their periods set; and
 * the other features change what they are meant to change (hit ratio, throughput, bytes) by the
 * measured amounts. The hypotheses are the question's options: "keys survive a restart with this
 * feature", one per option, measured on the variant that has the feature.
 */
final class ServerClaims {
    static final String RESTART_EMPTIES = "restartEmptiesEveryNodeWithoutPersistence";
    static final String AOF_ALWAYS_KEEPS = "aofAlwaysKeepsEveryAcknowledgedWrite";
    static final String EVERYSEC_BOUND = "aofEverysecLosesAtMostAboutOneSecond";
    static final String SNAPSHOT_BOUND = "snapshotsLoseAtMostOnePeriod";
    static final String LAZIER_LOSE = "lazierPoliciesLoseAcknowledgedWrites";
    static final String THREADS_THROUGHPUT = "workerThreadsMultiplyThroughput";
    static final String SAMPLED_LRU = "sampledLruHitsAlmostAsOftenAsExactLru";
    static final String LFU_BEATS_LRU = "lfuHitsMoreOftenThanLruOnSkewedKeys";
    static final String PROTOCOL_BYTES = "protocolsDifferByFewBytesPerRequest";
    static final String PARSE_SMALL = "parsingIsASmallShareOfServiceTime";

    static final String SURVIVES_LRU = "keysSurviveRestartWithLruEviction";
    static final String SURVIVES_BINARY = "keysSurviveRestartWithBinaryProtocol";
    static final String SURVIVES_THREADS = "keysSurviveRestartWithManyCores";
    static final String SURVIVES_PERSISTENCE = "keysSurviveRestartWithPersistence";

    /** Hit ratios of sampled and exact LRU differ by at most this, in absolute terms. */
    static final double SAMPLED_LRU_GAP_MAX = 0.03;
    /** Bytes per request of any two protocols differ by at most this factor. */
    static final double PROTOCOL_BYTES_RATIO_MAX = 1.3;
    /** Parsing takes at most this share of a request's service time. */
    static final double PARSE_SHARE_MAX = 0.05;

    private ServerClaims() {}

    static List<Claim> all(ParamValues values) {
        List<Claim> claims = new ArrayList<>(persistenceClaims(values));
        claims.addAll(featureClaims(values));
        claims.add(survives(SURVIVES_LRU, REDIS, "LRU eviction (Redis's allkeys-lru)"));
        claims.add(survives(SURVIVES_BINARY, MEMCACHED_BINARY, "the binary protocol"));
        claims.add(survives(SURVIVES_THREADS, MEMCACHED, "many worker threads"));
        claims.add(survives(SURVIVES_PERSISTENCE, REDIS_AOF_ALWAYS, "RDB-AOF persistence (AOF, fsync always)"));
        return List.copyOf(claims);
    }

    /** What a crash and restart leave behind, policy by policy. */
    private static List<Claim> persistenceClaims(ParamValues values) {
        List<String> volatileNodes = ServerVariant.all(values).stream()
                .filter(v -> !v.persists())
                .map(ServerVariant::name)
                .toList();
        Duration fsyncMax = values.get(ServerParams.FSYNC_LATENCY);
        Duration everysecBound = Duration.ofSeconds(1).plus(fsyncMax);
        Duration snapshotBound = values.get(ServerParams.SNAPSHOT_EVERY).plus(fsyncMax);
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                RESTART_EMPTIES,
                "Every node without persistence (" + String.join(", ", volatileNodes)
                        + ") holds none of the writes acknowledged before the crash once it restarts.",
                (seed, runs) -> firstKeeping(runs, volatileNodes)));
        claims.add(Claim.everySeed(
                AOF_ALWAYS_KEEPS,
                "With appendfsync always, every write acknowledged before the crash is there after the restart.",
                (seed, runs) -> losesNothing(runs.get(REDIS_AOF_ALWAYS), REDIS_AOF_ALWAYS)));
        claims.add(Claim.everySeed(
                EVERYSEC_BOUND,
                "With appendfsync everysec, every lost write was acknowledged at most " + everysecBound.toMillis()
                        + " ms (one second plus the slowest sync) before the crash.",
                (seed, runs) -> lossWithin(runs.get(REDIS_AOF_EVERYSEC), REDIS_AOF_EVERYSEC, everysecBound)));
        claims.add(Claim.everySeed(
                SNAPSHOT_BOUND,
                "With RDB snapshots, every lost write was acknowledged at most " + snapshotBound.toMillis()
                        + " ms (one period plus the slowest sync) before the crash.",
                (seed, runs) -> lossWithin(runs.get(REDIS_RDB), REDIS_RDB, snapshotBound)));
        for (String variant : List.of(REDIS_RDB, REDIS_AOF_EVERYSEC, REDIS_AOF_NO)) {
            claims.add(Claim.someSeed(
                    LAZIER_LOSE + "[" + variant + "]",
                    "Persistence that acknowledges before the disk has the write (" + variant
                            + ") loses acknowledged writes in a machine crash.",
                    (seed, runs) -> runs.get(variant).counter(WRITES_LOST) > 0
                            ? Optional.empty()
                            : Optional.of(variant + " lost nothing on this seed")));
        }
        return claims;
    }

    /** What the other features change instead: throughput, hit ratio, bytes and parsing. */
    private static List<Claim> featureClaims(ParamValues values) {
        int threads = values.get(ServerParams.MEMCACHED_THREADS);
        int factor = Math.max(1, threads / 2);
        long requestNanos = values.get(ServerParams.REQUEST_COST).toNanos();
        return List.of(
                Claim.everySeed(
                                THREADS_THROUGHPUT,
                                "memcached's " + threads + " worker threads serve at least " + factor
                                        + " times the requests per second of Redis's one event loop, under the same load.",
                                (seed, runs) -> throughputAtLeast(runs, MEMCACHED, REDIS, factor))
                        .illustrating("both servers spend the same modelled --request-cost per request, so more"
                                + " workers serve proportionally more: the model's consequence, not a measured speed"),
                Claim.everySeed(
                        SAMPLED_LRU,
                        "Redis's sampled LRU hits within " + Math.round(SAMPLED_LRU_GAP_MAX * 100)
                                + " percentage points as often as exact LRU on the same key stream.",
                        (seed, runs) -> hitRatioGap(runs, REDIS, REDIS_EXACT_LRU)),
                Claim.everySeed(
                        LFU_BEATS_LRU,
                        "On keys of Zipfian popularity (exponent " + values.text(ServerParams.ZIPF)
                                + "), allkeys-lfu hits more often than allkeys-lru, sampled or exact.",
                        (seed, runs) -> lfuAhead(runs)),
                Claim.everySeed(
                        PROTOCOL_BYTES,
                        "RESP, memcached text and memcached binary put within a factor " + PROTOCOL_BYTES_RATIO_MAX
                                + " of each other's bytes on the wire per request.",
                        (seed, runs) -> bytesClose(runs, List.of(REDIS, MEMCACHED, MEMCACHED_BINARY))),
                Claim.everySeed(
                                PARSE_SMALL,
                                "In every protocol, parsing takes under " + Math.round(PARSE_SHARE_MAX * 100)
                                        + "% of a request's modelled service time.",
                                (seed, runs) -> parseSmall(runs, requestNanos))
                        .illustrating("it compares the bytes scanned priced at --parse-ns-per-byte with --request-cost,"
                                + " two inputs"));
    }

    /** The question's options, each measured on the variant with that feature. */
    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "LRU eviction",
                        REDIS,
                        List.of(SURVIVES_LRU),
                        "Eviction chooses which keys stay in memory while the process runs; the keys must still be"
                                + " there after a restart."),
                new Question.Option(
                        "binary protocol",
                        MEMCACHED_BINARY,
                        List.of(SURVIVES_BINARY),
                        "A framing changes bytes and parsing per request; the keys must still be there after a"
                                + " restart."),
                new Question.Option(
                        "RDB-AOF persistence",
                        REDIS_AOF_ALWAYS,
                        List.of(SURVIVES_PERSISTENCE),
                        "An append-only file synced before each acknowledgement must give back every acknowledged"
                                + " write after a restart."),
                new Question.Option(
                        "multi-core scalability",
                        MEMCACHED,
                        List.of(SURVIVES_THREADS),
                        "More worker threads serve more requests per second; the keys must still be there after a"
                                + " restart."));
    }

    private static Claim survives(String name, String variant, String feature) {
        return Claim.hypothesis(
                name,
                "With " + feature + " (" + variant + "), every write acknowledged before the crash survives the"
                        + " restart.",
                (seed, runs) -> losesNothing(runs.get(variant), variant));
    }

    private static Optional<String> losesNothing(SeedRun run, String variant) {
        if (run.counter(WRITES_ACKNOWLEDGED) == 0) {
            return Optional.of(variant + ": no write was acknowledged before the crash, nothing to check");
        }
        if (run.counter(WRITES_LOST) > 0) {
            return Optional.of("%s lost %d of %d acknowledged writes; %s"
                    .formatted(variant, run.counter(WRITES_LOST), run.counter(WRITES_ACKNOWLEDGED), first(run)));
        }
        return Optional.empty();
    }

    private static Optional<String> firstKeeping(Map<String, SeedRun> runs, List<String> variants) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run.counter(WRITES_ACKNOWLEDGED) == 0) {
                return Optional.of(variant + ": no write was acknowledged before the crash, nothing to check");
            }
            if (run.counter(WRITES_KEPT) > 0) {
                return Optional.of("%s kept %d writes across the restart; %s"
                        .formatted(variant, run.counter(WRITES_KEPT), first(run)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lossWithin(SeedRun run, String variant, Duration bound) {
        double windowMs = run.value(LOSS_WINDOW_MS);
        if (windowMs > bound.toMillis()) {
            return Optional.of("%s lost a write acknowledged %.1f ms before the crash; %s"
                    .formatted(variant, windowMs, first(run)));
        }
        return Optional.empty();
    }

    private static Optional<String> throughputAtLeast(
            Map<String, SeedRun> runs, String faster, String slower, double factor) {
        double fast = runs.get(faster).value(THROUGHPUT);
        double slow = runs.get(slower).value(THROUGHPUT);
        if (fast >= factor * slow) {
            return Optional.empty();
        }
        return Optional.of("%s served %.0f requests/s, %s %.0f: less than %.1f times"
                .formatted(faster, fast, slower, slow, factor));
    }

    private static Optional<String> hitRatioGap(Map<String, SeedRun> runs, String sampled, String exact) {
        double gap = hitRatio(runs.get(sampled)) - hitRatio(runs.get(exact));
        if (Math.abs(gap) <= SAMPLED_LRU_GAP_MAX) {
            return Optional.empty();
        }
        return Optional.of("hit ratio %.3f (%s) against %.3f (%s)"
                .formatted(hitRatio(runs.get(sampled)), sampled, hitRatio(runs.get(exact)), exact));
    }

    private static Optional<String> lfuAhead(Map<String, SeedRun> runs) {
        double lfu = hitRatio(runs.get(REDIS_LFU));
        double lru = Math.max(hitRatio(runs.get(REDIS)), hitRatio(runs.get(REDIS_EXACT_LRU)));
        if (lfu > lru) {
            return Optional.empty();
        }
        return Optional.of("allkeys-lfu hit %.3f of GETs, allkeys-lru %.3f".formatted(lfu, lru));
    }

    private static Optional<String> bytesClose(Map<String, SeedRun> runs, List<String> variants) {
        double least = Double.MAX_VALUE;
        double most = 0;
        for (String variant : variants) {
            double bytes = perRequest(runs.get(variant), WIRE_BYTES);
            least = Math.min(least, bytes);
            most = Math.max(most, bytes);
        }
        if (most <= PROTOCOL_BYTES_RATIO_MAX * least) {
            return Optional.empty();
        }
        return Optional.of("bytes per request range from %.1f to %.1f".formatted(least, most));
    }

    private static Optional<String> parseSmall(Map<String, SeedRun> runs, long requestNanos) {
        for (String variant : List.of(REDIS, MEMCACHED, MEMCACHED_BINARY)) {
            double parseNanos = perRequest(runs.get(variant), PARSE_NANOS);
            if (parseNanos > PARSE_SHARE_MAX * (requestNanos + parseNanos)) {
                return Optional.of(
                        "%s spends %.0f ns parsing per request of %d ns".formatted(variant, parseNanos, requestNanos));
            }
        }
        return Optional.empty();
    }

    static double hitRatio(SeedRun run) {
        long gets = run.counter(EVICTION_GETS);
        return gets == 0 ? 0 : (double) run.counter(EVICTION_HITS) / gets;
    }

    private static double perRequest(SeedRun run, String counter) {
        long requests = run.counter(LOAD_REQUESTS);
        return requests == 0 ? 0 : (double) run.counter(counter) / requests;
    }

    private static String first(SeedRun run) {
        return run.findings().isEmpty()
                ? "(no finding recorded)"
                : run.findings().getFirst();
    }
}
