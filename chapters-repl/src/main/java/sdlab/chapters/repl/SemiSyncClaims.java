package sdlab.chapters.repl;

import static sdlab.chapters.repl.SemiSyncMeasurements.COMMIT_LATENCY;
import static sdlab.chapters.repl.SemiSyncMeasurements.FALLBACKS;
import static sdlab.chapters.repl.SemiSyncMeasurements.LOST;
import static sdlab.chapters.repl.SemiSyncMeasurements.LOST_AFTER_FALLBACK;
import static sdlab.chapters.repl.SemiSyncMeasurements.LOST_AFTER_REPLICA_ACK;
import static sdlab.chapters.repl.SemiSyncMeasurements.PHANTOM_READS_UNACKNOWLEDGED;
import static sdlab.chapters.repl.SemiSyncMeasurements.READ_LATENCY;
import static sdlab.chapters.repl.SemiSyncMeasurements.RELAY_SYNC;
import static sdlab.chapters.repl.SemiSyncMeasurements.RESUMES;
import static sdlab.chapters.repl.SemiSyncMeasurements.ROUND_TRIP;
import static sdlab.chapters.repl.SemiSyncVariant.AFTER_COMMIT;
import static sdlab.chapters.repl.SemiSyncVariant.AFTER_SYNC;
import static sdlab.chapters.repl.SemiSyncVariant.ASYNC;
import static sdlab.chapters.repl.SemiSyncVariant.ON;
import static sdlab.chapters.repl.SemiSyncVariant.REMOTE_APPLY;
import static sdlab.chapters.repl.SemiSyncVariant.REMOTE_WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 19 claims, each a predicate over one seed's runs of the six variants.
 *
 * <p>The assertions are the modes' promises and their limits, measured after a crash and a failover: no commit that a
 * replica acknowledged as flushed is lost; AFTER_SYNC shows no reader a write before it is acknowledged; and yet
 * async loses acknowledged commits, remote_write loses them when the replicas lose power too, AFTER_COMMIT shows
 * readers writes that are then lost, and the timeout makes semi-sync asynchronous. The hypotheses are the question's
 * options about semi-sync's commit latency, each judged on every seed against the measured latencies.
 */
final class SemiSyncClaims {
    static final String NO_FLUSHED_COMMIT_LOST = "noCommitAReplicaAcknowledgedAsFlushedIsLost";
    static final String AFTER_SYNC_HIDES_UNACKNOWLEDGED = "waitingBeforeVisibilityShowsNoReaderAWriteThatIsThenLost";
    static final String AFTER_COMMIT_SHOWS_LOST = "afterCommitShowsReadersWritesThatAreThenLost";
    static final String ASYNC_LOSES = "asyncLosesAcknowledgedCommits";
    static final String REMOTE_WRITE_LOSES = "remoteWriteLosesAcknowledgedCommitsWhenReplicasLosePower";
    static final String TIMEOUT_FALLS_BACK = "theTimeoutMakesSemiSyncAsynchronousAndLosesWhatItAcknowledged";
    static final String RESUMES_AFTER_CATCH_UP = "semiSyncResumesOnceAReplicaCatchesUp";
    static final String SYNC_LEVELS_ORDERED = "noSyncLevelCommitsFasterThanAWeakerOne";

    static final String AS_FAST_AS_ASYNC = "semiSyncCommitsAsFastAsAsync";
    static final String ROUND_TRIP_AND_FSYNC = "semiSyncAddsOneRoundTripAndOneReplicaFsync";
    static final String WAITS_FOR_APPLY = "semiSyncWaitsAsLongAsReplicasApplying";
    static final String READS_SLOWER = "semiSyncSlowsReadsNotWrites";

    /** Within this share a latency counts as unchanged. */
    private static final double SAME = 0.10;

    /** Two sync levels whose medians differ by less than this share of sync-on's may come in either order. */
    private static final double SAME_LEVEL = 0.05;
    /**
     * What the added latency may hold beyond the round trip, in replica relay-log syncs: the sync itself, less what
     * the primary's own group commit absorbs (a commit that no longer waits for the primary's next sync), more what a
     * sync already in flight on the replica adds.
     */
    private static final double SYNCS_MIN = 0.5;

    private static final double SYNCS_MAX = 1.5;

    private static final List<String> FLUSH_ACKED = List.of(AFTER_COMMIT, AFTER_SYNC, ON, REMOTE_APPLY);
    private static final List<String> HIDDEN_UNTIL_ACKED = List.of(AFTER_SYNC, REMOTE_WRITE, ON, REMOTE_APPLY);

    private SemiSyncClaims() {}

    /** The claims for these parameters: without readers, nothing can show what a reader sees. */
    static List<Claim> all(ParamValues values) {
        List<Claim> claims = new ArrayList<>(all());
        if (values.get(SemiSyncParams.READERS) == 0) {
            claims.removeIf(claim -> claim.name().equals(AFTER_COMMIT_SHOWS_LOST));
        }
        return List.copyOf(claims);
    }

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>(assertions());
        claims.addAll(hypotheses());
        return List.copyOf(claims);
    }

    /** The modes' promises and limits. */
    private static List<Claim> assertions() {
        return List.of(
                Claim.everySeed(
                        NO_FLUSHED_COMMIT_LOST,
                        "After the failover, the promoted replica holds every commit that a replica had acknowledged as"
                                + " flushed (semisync-after-commit, semisync-after-sync, sync-on, sync-remote-apply),"
                                + " power loss or not.",
                        (seed, runs) -> noneOf(
                                runs,
                                FLUSH_ACKED,
                                LOST_AFTER_REPLICA_ACK,
                                "commits lost after a" + " replica acknowledged them")),
                Claim.everySeed(
                        AFTER_SYNC_HIDES_UNACKNOWLEDGED,
                        "Where a commit becomes visible only once replicas acknowledge it (semisync-after-sync and the"
                                + " sync levels), no reader on the primary sees a write that was never acknowledged and"
                                + " is then lost.",
                        (seed, runs) -> noneOf(
                                runs,
                                HIDDEN_UNTIL_ACKED,
                                PHANTOM_READS_UNACKNOWLEDGED,
                                "reads of" + " unacknowledged writes that were then lost")),
                Claim.someSeed(
                        AFTER_COMMIT_SHOWS_LOST,
                        "semisync-after-commit shows readers on the primary a write that no client was told committed"
                                + " and that the failover then loses.",
                        (seed, runs) -> someOf(runs, AFTER_COMMIT, PHANTOM_READS_UNACKNOWLEDGED, "such reads")),
                Claim.someSeed(
                        ASYNC_LOSES,
                        "async loses commits it acknowledged when the primary crashes.",
                        (seed, runs) -> someOf(runs, ASYNC, LOST, "acknowledged commits lost")),
                Claim.someSeed(
                        REMOTE_WRITE_LOSES,
                        "sync-remote-write loses acknowledged commits when the replicas lose power with the primary:"
                                + " they had written the entry, not flushed it.",
                        (seed, runs) -> someOf(runs, REMOTE_WRITE, LOST, "acknowledged commits lost")),
                Claim.someSeed(
                        TIMEOUT_FALLS_BACK,
                        "When replicas do not answer within the timeout, semi-sync falls back to asynchronous, and even"
                                + " semisync-after-sync then loses commits it acknowledged.",
                        (seed, runs) -> runs.get(AFTER_SYNC).counter(FALLBACKS) > 0
                                        && runs.get(AFTER_SYNC).counter(LOST_AFTER_FALLBACK) > 0
                                ? Optional.empty()
                                : Optional.of("no fallback that lost a commit in " + AFTER_SYNC)),
                Claim.someSeed(
                        RESUMES_AFTER_CATCH_UP,
                        "semisync-after-sync switches back on once a replica has caught up after a fallback.",
                        (seed, runs) -> someOf(runs, AFTER_SYNC, RESUMES, "resumes")),
                Claim.everySeed(
                        SYNC_LEVELS_ORDERED,
                        "No sync level's median commit is faster than a weaker level's: sync-remote-write <= sync-on <="
                                + " sync-remote-apply, within 5% of sync-on's median (equal where a level adds nothing,"
                                + " as remote_apply with --apply 0).",
                        (seed, runs) -> syncLevelsOrdered(runs)));
    }

    /** The question's options about semi-sync's commit latency, one hypothesis each. */
    private static List<Claim> hypotheses() {
        return List.of(
                Claim.hypothesis(
                        AS_FAST_AS_ASYNC,
                        "semisync-after-sync's median commit is within 10% of async's.",
                        (seed, runs) -> asFastAsAsync(runs)),
                Claim.hypothesis(
                        ROUND_TRIP_AND_FSYNC,
                        "semisync-after-sync's median commit exceeds async's by one round trip to a replica plus half"
                                + " to one and a half of the replica's relay-log syncs (medians as measured in the"
                                + " run): the wait is the network and the replica's disk.",
                        (seed, runs) -> addsRoundTripAndFsync(runs)),
                Claim.hypothesis(
                        WAITS_FOR_APPLY,
                        "semisync-after-sync's median commit is at least as slow as sync-remote-apply's, which waits for a"
                                + " replica to apply it.",
                        (seed, runs) -> waitsForApply(runs)),
                Claim.hypothesis(
                        READS_SLOWER,
                        "semisync-after-sync makes the median read on the primary over 10% slower than async's, and"
                                + " the median commit within 10% of async's.",
                        (seed, runs) -> readsSlowerWritesNot(runs)));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. none: a commit returns as fast as with asynchronous replication",
                        AFTER_SYNC,
                        List.of(AS_FAST_AS_ASYNC),
                        "The commit waits for a replica: that cannot be free unless the wait is hidden in other waits."),
                new Question.Option(
                        "B. each commit waits for one replica's acknowledgement: a network round trip plus the replica's"
                                + " relay-log sync",
                        AFTER_SYNC,
                        List.of(ROUND_TRIP_AND_FSYNC),
                        "Measured against the round trips and relay-log syncs of the same run: the addition is a round"
                                + " trip plus part of a sync, since the primary's group commit absorbs some of it."),
                new Question.Option(
                        "C. each commit waits until the replicas have applied the change",
                        AFTER_SYNC,
                        List.of(WAITS_FOR_APPLY),
                        "A semi-sync replica acknowledges once the entry is in its relay log, before applying it;"
                                + " remote_apply is the mode that waits for that."),
                new Question.Option(
                        "D. reads get slower, writes do not",
                        AFTER_SYNC,
                        List.of(READS_SLOWER),
                        "Reads on the primary never wait for replicas; commits do."));
    }

    static double p50Ms(SeedRun run, String histogram) {
        var h = run.histogram(histogram);
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1e6;
    }

    private static Optional<String> asFastAsAsync(Map<String, SeedRun> runs) {
        double semi = p50Ms(runs.get(AFTER_SYNC), COMMIT_LATENCY);
        double async = p50Ms(runs.get(ASYNC), COMMIT_LATENCY);
        return semi <= async * (1 + SAME)
                ? Optional.empty()
                : Optional.of(AFTER_SYNC + ": median commit %.3f ms, async's %.3f ms".formatted(semi, async));
    }

    private static Optional<String> addsRoundTripAndFsync(Map<String, SeedRun> runs) {
        SeedRun semi = runs.get(AFTER_SYNC);
        double added = p50Ms(semi, COMMIT_LATENCY) - p50Ms(runs.get(ASYNC), COMMIT_LATENCY);
        double roundTrip = p50Ms(semi, ROUND_TRIP);
        double sync = p50Ms(semi, RELAY_SYNC);
        double syncs = (added - roundTrip) / sync;
        if (syncs >= SYNCS_MIN && syncs <= SYNCS_MAX) {
            return Optional.empty();
        }
        return Optional.of(AFTER_SYNC
                + ": added %.3f ms to the median commit, a round trip (%.3f ms) plus %.2f relay-log syncs (%.3f ms)"
                        .formatted(added, roundTrip, syncs, sync));
    }

    private static Optional<String> waitsForApply(Map<String, SeedRun> runs) {
        double semi = p50Ms(runs.get(AFTER_SYNC), COMMIT_LATENCY);
        double apply = p50Ms(runs.get(REMOTE_APPLY), COMMIT_LATENCY);
        return semi >= apply
                ? Optional.empty()
                : Optional.of(
                        AFTER_SYNC + ": median commit %.3f ms, sync-remote-apply's %.3f ms".formatted(semi, apply));
    }

    private static Optional<String> readsSlowerWritesNot(Map<String, SeedRun> runs) {
        double semiRead = p50Ms(runs.get(AFTER_SYNC), READ_LATENCY);
        double asyncRead = p50Ms(runs.get(ASYNC), READ_LATENCY);
        Optional<String> writes = asFastAsAsync(runs);
        if (semiRead > asyncRead * (1 + SAME) && writes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AFTER_SYNC
                + ": median read %.3f ms, async's %.3f ms; %s"
                        .formatted(semiRead, asyncRead, writes.orElse("commits as fast as async")));
    }

    private static Optional<String> syncLevelsOrdered(Map<String, SeedRun> runs) {
        double write = p50Ms(runs.get(REMOTE_WRITE), COMMIT_LATENCY);
        double on = p50Ms(runs.get(ON), COMMIT_LATENCY);
        double apply = p50Ms(runs.get(REMOTE_APPLY), COMMIT_LATENCY);
        double noise = on * SAME_LEVEL;
        return write <= on + noise && on <= apply + noise
                ? Optional.empty()
                : Optional.of(REMOTE_WRITE
                        + ": median commit %.3f ms, sync-on's %.3f ms, sync-remote-apply's %.3f ms"
                                .formatted(write, on, apply));
    }

    private static Optional<String> noneOf(
            Map<String, SeedRun> runs, List<String> variants, String counter, String what) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run.counter(counter) > 0) {
                return Optional.of("%s: %d %s; %s".formatted(variant, run.counter(counter), what, findings(run)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> someOf(Map<String, SeedRun> runs, String variant, String counter, String what) {
        return runs.get(variant).counter(counter) > 0 ? Optional.empty() : Optional.of("no " + what + " in " + variant);
    }

    private static String findings(SeedRun run) {
        return String.join("; ", run.findings().stream().limit(3).toList());
    }
}
