package sdlab.chapters.repl.readreplica;

import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.ADDED_TIME;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.FALLBACKS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.LEADER_CHANGES;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.MEAN_AFTER;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.MEAN_BEFORE;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.NEW_EXCESS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.NEW_HITS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.NEW_LOOKUPS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.OLD_HITS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.OLD_LOOKUPS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.OWN_WRITE_MISSED;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.READS_CATCHING_UP;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.READS_TO_NEW_CATCHING_UP;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.STALENESS;
import static sdlab.chapters.repl.readreplica.ReadReplicaMeasurements.STALE_FROM_NEW;
import static sdlab.chapters.repl.readreplica.ReadReplicaVariant.EVEN;
import static sdlab.chapters.repl.readreplica.ReadReplicaVariant.LAG_AWARE;
import static sdlab.chapters.repl.readreplica.ReadReplicaVariant.LEAST_LATENCY;
import static sdlab.chapters.repl.readreplica.ReadReplicaVariant.READ_YOUR_WRITES;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 8 claims, each a predicate over one seed's runs of the variants.
 *
 * <p>The assertions are the policies' promises, checked from the client history rather than from what replicas say
 * of themselves: read-your-writes never misses a client's own write; lag-aware routing bounds how stale a read can
 * be; even balancing does serve stale reads from a catching-up replica; and a replica copied from a snapshot starts
 * with a colder cache than the one that has served all along. The hypotheses are the question's options about why a
 * second replica can raise the mean read latency, each judged on every seed against the measured latencies.
 */
final class ReadReplicaClaims {
    static final String READ_YOUR_WRITES_HOLDS = "readYourWritesNeverMissesTheClientsOwnWrite";
    static final String LAG_AWARE_BOUNDED = "lagAwareRoutingKeepsStalenessWithinTheBound";
    static final String EVEN_SERVES_STALE = "evenBalancingServesStaleReadsFromTheCatchingUpReplica";
    static final String NEW_REPLICA_COLD = "theNewReplicaStartsWithAColderCache";

    static final String LAG_WAITS = "waitingForTheLaggingReplicaRaisesReadLatency";
    static final String FAVOURS_NEW = "aLatencySeekingBalancerPilesReadsOntoTheNewReplica";
    static final String COLD_CACHE = "theNewReplicasCacheMissesRaiseReadLatency";
    static final String ELECTIONS = "leaderElectionsRaiseReadLatency";

    /** A mean counts as raised above this share. */
    private static final double RISE = 0.10;
    /** The share of the added read time that an explanation must account for. */
    private static final double EXPLAINS = 0.5;

    private ReadReplicaClaims() {}

    static List<Claim> all(ParamValues values) {
        long limitNanos = values.get(ReadReplicaParams.LAG_BOUND).toNanos()
                + 2 * values.get(ReadReplicaParams.PROBE).toNanos();
        return List.of(
                Claim.everySeed(
                        READ_YOUR_WRITES_HOLDS,
                        "With read-your-writes, no read returns a value older than a write the same client had"
                                + " acknowledged before it began (checked from the client history).",
                        (seed, runs) -> none(runs.get(READ_YOUR_WRITES), OWN_WRITE_MISSED, "reads missing own write")),
                Claim.everySeed(
                        LAG_AWARE_BOUNDED,
                        "With lag-aware routing, no read is staler than the lag bound plus two poll periods (how long"
                                + " before the read began a newer write had been acknowledged).",
                        (seed, runs) -> stalenessWithin(runs.get(LAG_AWARE), limitNanos)),
                Claim.someSeed(
                        EVEN_SERVES_STALE,
                        "Even balancing serves stale reads from the new replica while it catches up.",
                        (seed, runs) -> runs.get(EVEN).counter(STALE_FROM_NEW) > 0
                                ? Optional.empty()
                                : Optional.of("no stale read from the new replica in " + EVEN)),
                Claim.everySeed(
                        NEW_REPLICA_COLD,
                        "Under even balancing, the new replica's cache hit ratio after the join is below the old"
                                + " replica's.",
                        (seed, runs) -> colder(runs.get(EVEN))),
                Claim.hypothesis(
                        LAG_WAITS,
                        "Read-your-writes' mean read after the join is over 10% above even balancing's, and reads fell"
                                + " back to the primary after waiting for the new replica: lag costs time when reads"
                                + " must see recent writes.",
                        (seed, runs) -> lagWaits(runs)),
                Claim.hypothesis(
                        FAVOURS_NEW,
                        "Least-latency sends the new replica a larger share of the reads while it catches up than"
                                + " even balancing does, and its mean read after the join is over 10% above its mean"
                                + " before.",
                        (seed, runs) -> favoursNew(runs)),
                Claim.hypothesis(
                        COLD_CACHE,
                        "Under even balancing the mean read after the join is over 10% above the mean before, the new"
                                + " replica's hit ratio is below the old one's, and the reads sent to the new replica"
                                + " account for at least half of the added read time.",
                        (seed, runs) -> coldCache(runs.get(EVEN))),
                Claim.hypothesis(
                        ELECTIONS,
                        "A leader election (a promotion or a step-down) happened while the mean read rose.",
                        (seed, runs) -> elections(runs)));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. replica lag and staleness: the new replica lags, and reads that must be fresh wait for it",
                        READ_YOUR_WRITES,
                        List.of(LAG_WAITS),
                        "Lag costs read latency only where a read waits for it (read-your-writes); otherwise it costs"
                                + " staleness, not time."),
                new Question.Option(
                        "B. a balancer that favours the new, idle replica",
                        LEAST_LATENCY,
                        List.of(FAVOURS_NEW),
                        "A least-latency balancer counts an untried replica as fast and sends it reads until its"
                                + " average catches up with its cold cache."),
                new Question.Option(
                        "C. cache-aside misses doubling: the new replica starts cold",
                        EVEN,
                        List.of(COLD_CACHE),
                        "The new replica's buffer cache is empty after the snapshot; its reads and its applier read"
                                + " pages from disk until the working set is in memory."),
                new Question.Option(
                        "D. leader elections",
                        EVEN,
                        List.of(ELECTIONS),
                        "Adding a read replica does not touch the leader: no node changed role in any run."));
    }

    private static Optional<String> none(SeedRun run, String counter, String what) {
        return run.counter(counter) == 0
                ? Optional.empty()
                : Optional.of("%d %s; %s".formatted(run.counter(counter), what, findings(run)));
    }

    private static Optional<String> stalenessWithin(SeedRun run, long limitNanos) {
        var h = run.histogram(STALENESS);
        if (h.getTotalCount() == 0 || h.getMaxValue() <= limitNanos) {
            return Optional.empty();
        }
        return Optional.of("a read %.1f ms stale, above the %.1f ms limit; %s"
                .formatted(h.getMaxValue() / 1e6, limitNanos / 1e6, findings(run)));
    }

    private static Optional<String> colder(SeedRun run) {
        double fresh = ratio(run, NEW_HITS, NEW_LOOKUPS);
        double old = ratio(run, OLD_HITS, OLD_LOOKUPS);
        return fresh < old
                ? Optional.empty()
                : Optional.of("new replica's hit ratio %.3f, old's %.3f".formatted(fresh, old));
    }

    private static Optional<String> lagWaits(Map<String, SeedRun> runs) {
        SeedRun ryw = runs.get(READ_YOUR_WRITES);
        double rywMean = ryw.value(MEAN_AFTER);
        double evenMean = runs.get(EVEN).value(MEAN_AFTER);
        if (rywMean > evenMean * (1 + RISE) && ryw.counter(FALLBACKS) > 0) {
            return Optional.empty();
        }
        return Optional.of("read-your-writes' mean after %.3f ms, even's %.3f ms, %d fallbacks"
                .formatted(rywMean, evenMean, ryw.counter(FALLBACKS)));
    }

    private static Optional<String> favoursNew(Map<String, SeedRun> runs) {
        SeedRun least = runs.get(LEAST_LATENCY);
        double leastShare = ratio(least, READS_TO_NEW_CATCHING_UP, READS_CATCHING_UP);
        double evenShare = ratio(runs.get(EVEN), READS_TO_NEW_CATCHING_UP, READS_CATCHING_UP);
        boolean rose = least.value(MEAN_AFTER) > least.value(MEAN_BEFORE) * (1 + RISE);
        if (leastShare > evenShare && rose) {
            return Optional.empty();
        }
        return Optional.of("least-latency sent the new replica %.1f%% of the reads while it caught up (even %.1f%%);"
                        .formatted(100 * leastShare, 100 * evenShare)
                + " mean read %.3f ms before, %.3f ms after"
                        .formatted(least.value(MEAN_BEFORE), least.value(MEAN_AFTER)));
    }

    private static Optional<String> coldCache(SeedRun even) {
        boolean rose = even.value(MEAN_AFTER) > even.value(MEAN_BEFORE) * (1 + RISE);
        double added = even.value(ADDED_TIME);
        double onNew = even.value(NEW_EXCESS);
        if (rose && colder(even).isEmpty() && added > 0 && onNew >= EXPLAINS * added) {
            return Optional.empty();
        }
        return Optional.of("even: mean read %.3f ms before, %.3f ms after; %.1f ms added, %.1f ms of it on the new"
                        .formatted(even.value(MEAN_BEFORE), even.value(MEAN_AFTER), added, onNew)
                + " replica; hit ratio new %.3f, old %.3f"
                        .formatted(ratio(even, NEW_HITS, NEW_LOOKUPS), ratio(even, OLD_HITS, OLD_LOOKUPS)));
    }

    private static Optional<String> elections(Map<String, SeedRun> runs) {
        long changes = runs.values().stream()
                .mapToLong(run -> run.counter(LEADER_CHANGES))
                .sum();
        SeedRun even = runs.get(EVEN);
        boolean rose = even.value(MEAN_AFTER) > even.value(MEAN_BEFORE) * (1 + RISE);
        return changes > 0 && rose
                ? Optional.empty()
                : Optional.of("%d leader changes in all variants; even's mean read %.3f ms before, %.3f ms after"
                        .formatted(changes, even.value(MEAN_BEFORE), even.value(MEAN_AFTER)));
    }

    static double ratio(SeedRun run, String numerator, String denominator) {
        long below = run.counter(denominator);
        return below == 0 ? 0 : (double) run.counter(numerator) / below;
    }

    private static String findings(SeedRun run) {
        return String.join("; ", run.findings().stream().limit(3).toList());
    }
}
