package sdlab.chapters.txlog.lag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 22 claims, each a predicate over one seed's runs of the five variants. A metric tracks latency when
 * its correlation with the per-window p95 reaches {@link #TRACKS}; the assertions say which metric does under which
 * disturbance, the hypotheses are the question's options, each tried on every disturbance that makes latency spike.
 */
final class LagClaims {
    /** The correlation from which a metric is said to track p95 latency. */
    static final double TRACKS = 0.7;

    static final String LAG_TRACKS_STALLS = "consumerLagTracksP95WhenConsumersSlowPauseOrRebalance";
    static final String LAG_TRACKS_BEST = "consumerLagTracksP95BetterThanTheOtherThreeMetrics";
    static final String STALLS_SPIKE = "slowPausedAndRebalancingConsumersSpikeP95ByAtLeast200Ms";
    static final String DLQ_ONLY_POISON = "deadLetterSizeGrowsOnlyWithPoisonMessages";
    static final String TTL_SILENT = "ttlViolationsStayAtZeroWhileP95Spikes";
    static final String LSO_IS_HW = "withoutTransactionsLagBehindTheLsoEqualsLagBehindTheHighWatermark";

    static final String DLQ_TRACKS = "deadLetterSizeTrendsUpWithP95";
    static final String LAG_TRACKS = "consumerLagTrendsUpWithP95";
    static final String TTL_TRACKS = "ttlViolationsTrendUpWithP95";
    static final String IDLE_TRACKS = "brokerCpuIdleTrendsUpWithP95";

    static final List<Disturbance> STALLS = List.of(Disturbance.SLOW, Disturbance.GC_PAUSE, Disturbance.REBALANCE);
    static final List<Disturbance> SPIKING =
            List.of(Disturbance.SLOW, Disturbance.GC_PAUSE, Disturbance.REBALANCE, Disturbance.POISON);
    static final List<Metric> OPTIONS =
            List.of(Metric.DLQ_SIZE, Metric.LAG_RECORDS, Metric.TTL_VIOLATIONS, Metric.BROKER_IDLE);
    static final double SPIKE_MS = 200;

    private LagClaims() {}

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                LAG_TRACKS_STALLS,
                "Consumer lag (log end minus committed offset) correlates with the per-window p95 by at least " + TRACKS
                        + " when consumers slow down, pause for GC or rebalance.",
                (seed, runs) -> tracks(runs, STALLS, Metric.LAG_RECORDS)));
        claims.add(Claim.everySeed(
                LAG_TRACKS_BEST,
                "Under those three, consumer lag correlates with p95 more closely than dead-letter size, TTL"
                        + " violations and broker CPU idle do.",
                (seed, runs) -> best(runs)));
        claims.add(Claim.everySeed(
                STALLS_SPIKE,
                "Under those three, the worst window's p95 is at least 200 ms above the healthy run's worst window.",
                (seed, runs) -> spikes(runs)));
        claims.add(Claim.everySeed(
                DLQ_ONLY_POISON,
                "The dead-letter topic stays empty unless poison messages arrive; with them it fills.",
                (seed, runs) -> dlqOnlyPoison(runs)));
        claims.add(Claim.everySeed(
                TTL_SILENT,
                "With a 5 s TTL no record expires in any variant: a 200 ms spike is far below the TTL, so TTL"
                        + " violations cannot show it.",
                (seed, runs) -> ttlSilent(runs)));
        claims.add(Claim.everySeed(
                LSO_IS_HW,
                "With no transactions in the topic the last stable offset is the high watermark, so lag behind the"
                        + " LSO and lag behind the high watermark move together.",
                (seed, runs) -> lsoIsHw(runs)));
        for (Metric metric : OPTIONS) {
            Claim claim = Claim.hypothesis(
                    hypothesis(metric),
                    metric.id + " correlates with p95 by at least " + TRACKS
                            + " under every disturbance that spikes it (slow, GC pause, rebalance, poison).",
                    (seed, runs) -> tracks(runs, SPIKING, metric));
            claims.add(
                    metric == Metric.BROKER_IDLE
                            ? claim.illustrating("broker idle is the measured appends and requests priced at"
                                    + " --produce-cost and --request-cost, not a measured CPU")
                            : claim);
        }
        return List.copyOf(claims);
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. dead-letter size",
                        Disturbance.POISON.variant,
                        List.of(DLQ_TRACKS),
                        "The dead-letter topic grows only when records fail every attempt; a slow, paused or"
                                + " rebalancing consumer sends nothing there."),
                new Question.Option(
                        "B. consumer lag",
                        Disturbance.SLOW.variant,
                        List.of(LAG_TRACKS),
                        "Latency under steady load is time spent waiting in the queue, and lag is the queue."),
                new Question.Option(
                        "C. TTL violations",
                        Disturbance.SLOW.variant,
                        List.of(TTL_TRACKS),
                        "A record violates its TTL only once it waits longer than the TTL, seconds or more; a 200 ms"
                                + " spike never gets there."),
                new Question.Option(
                        "D. broker CPU idle",
                        Disturbance.REBALANCE.variant,
                        List.of(IDLE_TRACKS),
                        "The broker is not the bottleneck: the producers' load on it is steady, and a stalled"
                                + " consumer only fetches less."));
    }

    static String hypothesis(Metric metric) {
        return switch (metric) {
            case DLQ_SIZE -> DLQ_TRACKS;
            case LAG_RECORDS -> LAG_TRACKS;
            case TTL_VIOLATIONS -> TTL_TRACKS;
            case BROKER_IDLE -> IDLE_TRACKS;
            default -> throw new IllegalArgumentException("not an option: " + metric);
        };
    }

    private static Optional<String> tracks(Map<String, SeedRun> runs, List<Disturbance> which, Metric metric) {
        List<String> misses = new ArrayList<>();
        for (Disturbance d : which) {
            double corr = runs.get(d.variant).value(metric.correlationKey());
            if (corr < TRACKS) {
                misses.add("%s: correlation %.2f".formatted(d.variant, corr));
            }
        }
        return misses.isEmpty() ? Optional.empty() : Optional.of(metric.id + " " + String.join("; ", misses));
    }

    private static Optional<String> best(Map<String, SeedRun> runs) {
        for (Disturbance d : STALLS) {
            SeedRun run = runs.get(d.variant);
            double lag = run.value(Metric.LAG_RECORDS.correlationKey());
            for (Metric other : OPTIONS) {
                double corr = run.value(other.correlationKey());
                if (other != Metric.LAG_RECORDS && corr >= lag) {
                    return Optional.of(
                            "%s: %s correlates %.2f, consumer lag %.2f".formatted(d.variant, other.id, corr, lag));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> spikes(Map<String, SeedRun> runs) {
        double healthy = runs.get(Disturbance.HEALTHY.variant).value(LagMeasurements.P95_PEAK_MS);
        for (Disturbance d : STALLS) {
            double peak = runs.get(d.variant).value(LagMeasurements.P95_PEAK_MS);
            if (peak < healthy + SPIKE_MS) {
                return Optional.of("%s: worst p95 %.0f ms, healthy %.0f ms".formatted(d.variant, peak, healthy));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> dlqOnlyPoison(Map<String, SeedRun> runs) {
        for (Disturbance d : Disturbance.values()) {
            double dlq = runs.get(d.variant).value(Metric.DLQ_SIZE.maxKey());
            boolean poison = d == Disturbance.POISON;
            if (poison ? dlq == 0 : dlq > 0) {
                return Optional.of("%s: dead-letter topic holds %.0f records".formatted(d.variant, dlq));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ttlSilent(Map<String, SeedRun> runs) {
        for (Disturbance d : Disturbance.values()) {
            long expired = runs.get(d.variant).counter(LagMeasurements.EXPIRED);
            if (expired > 0) {
                return Optional.of("%s: %d records expired".formatted(d.variant, expired));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lsoIsHw(Map<String, SeedRun> runs) {
        for (Disturbance d : Disturbance.values()) {
            SeedRun run = runs.get(d.variant);
            double hw = run.value(Metric.LAG_RECORDS.maxKey());
            double lso = run.value(Metric.LAG_LSO.maxKey());
            if (hw != lso) {
                return Optional.of("%s: largest lag %.1f behind the high watermark, %.1f behind the LSO"
                        .formatted(d.variant, hw, lso));
            }
        }
        return Optional.empty();
    }
}
