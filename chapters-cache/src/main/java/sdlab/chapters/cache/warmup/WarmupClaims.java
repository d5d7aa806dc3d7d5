package sdlab.chapters.cache.warmup;

import static sdlab.chapters.cache.warmup.WarmupMeasurements.CACHED_RECORDS;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.COLD_MISSES;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.DB_ROWS;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.READS;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.READS_FROM_CACHE;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.READ_LATENCY;
import static sdlab.chapters.cache.warmup.WarmupMeasurements.WRITES;
import static sdlab.chapters.cache.warmup.WarmupVariant.LAZY;
import static sdlab.chapters.cache.warmup.WarmupVariant.PREPOPULATE;
import static sdlab.chapters.cache.warmup.WarmupVariant.TTL_ZERO;
import static sdlab.chapters.cache.warmup.WarmupVariant.WRITE_THROUGH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 13 claims, each a predicate over one seed's runs of the four variants.
 *
 * <p>The assertions are the chapter's mechanics: pre-population leaves no cold miss and pays for
 * it with memory and rows read; write-through warms at most one record per write; a TTL of zero
 * caches nothing. The hypotheses are the question's options, one each: "this policy gives the
 * lowest p99 read latency after the deploy".
 */
final class WarmupClaims {
    static final String NO_COLD_MISS = "prepopulationLeavesNoColdMiss";
    static final String WHOLE_DATA_SET = "prepopulationHoldsTheWholeDataSet";
    static final String WRITE_THROUGH_WARMS_WRITTEN = "writeThroughWarmsAtMostOneRecordPerWrite";
    static final String TTL_ZERO_CACHES_NOTHING = "ttlZeroSendsEveryReadToTheDatabase";

    private WarmupClaims() {}

    static List<Claim> all(ParamValues values) {
        int keys = values.get(WarmupParams.KEYS);
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                NO_COLD_MISS,
                "With pre-population, no read after the deploy finds its record missing from a cache that never had"
                        + " it.",
                (seed, runs) -> noColdMiss(runs.get(PREPOPULATE))));
        claims.add(Claim.everySeed(
                WHOLE_DATA_SET,
                "Pre-population reads all " + keys + " records from the database and keeps them in memory (less any"
                        + " a write deleted), far more than lazy loading keeps.",
                (seed, runs) -> wholeDataSet(runs.get(PREPOPULATE), runs.get(LAZY), keys)));
        claims.add(Claim.everySeed(
                WRITE_THROUGH_WARMS_WRITTEN,
                "Write-through avoids at most one cold miss per write compared with lazy loading on the same requests.",
                (seed, runs) -> writeThroughBound(runs.get(WRITE_THROUGH), runs.get(LAZY))));
        claims.add(Claim.everySeed(
                        TTL_ZERO_CACHES_NOTHING,
                        "With a TTL of zero, nothing stays in the cache and every read goes to the database.",
                        (seed, runs) -> cachesNothing(runs.get(TTL_ZERO)))
                .illustrating("an entry whose TTL is zero expires as it is written, so the variant caches nothing by"
                        + " construction; the run only confirms the cache honours the TTL"));
        for (WarmupVariant variant : WarmupVariant.all(values)) {
            claims.add(Claim.hypothesis(
                    lowestP99(variant.name()),
                    variant.name() + " gives the lowest p99 read latency of the four in the window after the deploy.",
                    (seed, runs) -> lowestTail(runs, variant.name())));
        }
        return List.copyOf(claims);
    }

    /** The question's options, each measured on its own variant. */
    static List<Question.Option> options() {
        return List.of(
                option("lazy loading", LAZY, "The first read of each record misses and waits for the database."),
                option(
                        "batch pre-population at deploy",
                        PREPOPULATE,
                        "The whole data set is in the cache before the first request arrives."),
                option(
                        "write-through",
                        WRITE_THROUGH,
                        "Records enter the cache when they are written; rarely written records stay cold."),
                option("TTL of zero", TTL_ZERO, "Nothing is cached: every read waits for the database."));
    }

    static String lowestP99(String variant) {
        return "lowestColdStartP99[" + variant + "]";
    }

    private static Question.Option option(String label, String variant, String explanation) {
        return new Question.Option(label, variant, List.of(lowestP99(variant)), explanation);
    }

    private static Optional<String> noColdMiss(SeedRun run) {
        if (run.counter(COLD_MISSES) == 0) {
            return Optional.empty();
        }
        return Optional.of("%d of %d reads were cold misses; %s"
                .formatted(run.counter(COLD_MISSES), run.counter(READS), String.join("; ", run.findings())));
    }

    private static Optional<String> wholeDataSet(SeedRun prepopulate, SeedRun lazy, int keys) {
        double held = prepopulate.value(CACHED_RECORDS);
        boolean readAll = prepopulate.counter(DB_ROWS) >= keys;
        if (readAll && held >= keys - prepopulate.counter(WRITES) && held > lazy.value(CACHED_RECORDS)) {
            return Optional.empty();
        }
        return Optional.of("pre-population read %d rows and holds %.0f records; lazy loading holds %.0f"
                .formatted(prepopulate.counter(DB_ROWS), held, lazy.value(CACHED_RECORDS)));
    }

    private static Optional<String> writeThroughBound(SeedRun writeThrough, SeedRun lazy) {
        long avoided = lazy.counter(COLD_MISSES) - writeThrough.counter(COLD_MISSES);
        if (avoided <= writeThrough.counter(WRITES)) {
            return Optional.empty();
        }
        return Optional.of("write-through had %d fewer cold misses than lazy loading with only %d writes"
                .formatted(avoided, writeThrough.counter(WRITES)));
    }

    private static Optional<String> cachesNothing(SeedRun run) {
        if (run.counter(READS_FROM_CACHE) == 0 && run.value(CACHED_RECORDS) == 0) {
            return Optional.empty();
        }
        return Optional.of("%d reads came from the cache, which holds %.0f records"
                .formatted(run.counter(READS_FROM_CACHE), run.value(CACHED_RECORDS)));
    }

    private static Optional<String> lowestTail(Map<String, SeedRun> runs, String variant) {
        long own = p99Nanos(runs.get(variant));
        for (Map.Entry<String, SeedRun> other : runs.entrySet()) {
            long theirs = p99Nanos(other.getValue());
            if (!other.getKey().equals(variant) && theirs < own) {
                return Optional.of("p99 %.1f ms for %s, %.1f ms for %s"
                        .formatted(own / 1e6, variant, theirs / 1e6, other.getKey()));
            }
        }
        return Optional.empty();
    }

    private static long p99Nanos(SeedRun run) {
        Histogram latency = run.histogram(READ_LATENCY);
        return latency.getTotalCount() == 0 ? Long.MAX_VALUE : latency.getValueAtPercentile(99);
    }
}
