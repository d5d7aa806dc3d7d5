package sdlab.chapters.coord;

import static sdlab.chapters.coord.LockMeasurements.LOST_UPDATES;
import static sdlab.chapters.coord.LockMeasurements.NOTIFICATIONS;
import static sdlab.chapters.coord.LockMeasurements.OUT_OF_ORDER;
import static sdlab.chapters.coord.LockMeasurements.OVERLAPPING_HOLDS;
import static sdlab.chapters.coord.LockMeasurements.RELEASES;
import static sdlab.chapters.coord.LockVariant.EPHEMERAL;
import static sdlab.chapters.coord.LockVariant.FENCED;
import static sdlab.chapters.coord.LockVariant.LEASE;
import static sdlab.chapters.coord.LockVariant.SEQUENTIAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 5 claims, each a predicate over one seed's runs of the six variants.
 *
 * <p>The assertions are the mechanisms' guarantees and limits, measured: the store that checks
 * tokens loses no increment and applies no write out of order; without the check a paused holder's
 * write loses increments; no recipe keeps holders from overlapping in real time, fenced or not;
 * the sequential recipe wakes fewer waiters per release than the plain lock; a read after sync is
 * never stale, one without it sometimes is. The hypotheses are the question's options: "this lock
 * keeps the counter exact".
 */
final class LockClaims {
    static final String FENCED_KEEPS_COUNT = "theFencedLockLosesNoIncrement";
    static final String UNFENCED_LOSE = "withoutATokenCheckAPausedHolderLosesIncrements";
    static final String HOLDERS_OVERLAP = "noRecipeKeepsHoldersApartInRealTime";
    static final String SEQUENTIAL_NO_HERD = "theSequentialRecipeWakesFewerWaitersThanThePlainLock";
    static final String SYNC_FRESH = "aReadAfterSyncIsNeverStale";
    static final String NO_SYNC_STALE = "aReadWithoutSyncFromALaggingServerIsStale";

    private static final List<String> UNFENCED = List.of(EPHEMERAL, SEQUENTIAL, LEASE);

    private LockClaims() {}

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                FENCED_KEEPS_COUNT,
                "Where the store checks the token on reads and writes (sequential-fenced), no increment is lost and"
                        + " no write lands after one with a higher token.",
                (seed, runs) -> exact(runs.get(FENCED)).map(why -> FENCED + ": " + why)));
        claims.add(Claim.someSeed(
                UNFENCED_LOSE,
                "Where the store does not check the token (ephemeral, sequential, ttl-lease), a holder that paused"
                        + " past its session writes over its successor's increments.",
                (seed, runs) -> someOf(runs, UNFENCED, LOST_UPDATES, "lost increments")));
        claims.add(Claim.someSeed(
                HOLDERS_OVERLAP,
                "Even with the fenced lock (sequential-fenced) two clients both believe they hold it: the token"
                        + " guards the data, not the belief.",
                (seed, runs) -> someOf(runs, List.of(FENCED), OVERLAPPING_HOLDS, "overlapping holds")));
        claims.add(Claim.everySeed(
                SEQUENTIAL_NO_HERD,
                "Each waiter watching its predecessor (sequential) is woken less often per release than every waiter"
                        + " watching /lock (ephemeral).",
                (seed, runs) -> fewerWakeups(runs.get(SEQUENTIAL), runs.get(EPHEMERAL))));
        claims.add(Claim.everySeed(
                SYNC_FRESH,
                "A read after sync (read-sync) returns every write acknowledged before it began, even from a lagging"
                        + " server.",
                (seed, runs) -> noneOf(runs.get(ReadVariant.SYNC), ReadScenario.STALE_READS, "stale reads")));
        claims.add(Claim.someSeed(
                NO_SYNC_STALE,
                "A read without sync (read-no-sync), answered by a lagging server, misses a write already"
                        + " acknowledged.",
                (seed, runs) -> someOf(runs, List.of(ReadVariant.NO_SYNC), ReadScenario.STALE_READS, "stale reads")));
        for (LockVariant variant : LockVariant.all()) {
            claims.add(Claim.hypothesis(
                    keepsCount(variant.name()),
                    variant.name() + " keeps the counter exact: no increment lost, no write out of token order.",
                    (seed, runs) -> exact(runs.get(variant.name()))));
        }
        return List.copyOf(claims);
    }

    static List<Question.Option> options() {
        return List.of(
                option(
                        "A. a plain ephemeral znode, waiters watch it",
                        EPHEMERAL,
                        "One holder at a time as the servers see it; a paused holder still writes when it wakes, and"
                                + " every release wakes every waiter."),
                option(
                        "B. ephemeral-sequential znodes, each waiter watches its predecessor",
                        SEQUENTIAL,
                        "No herd, but the same paused holder writes over its successor's work."),
                option(
                        "C. B with the lock znode's czxid as a fencing token that the store checks",
                        FENCED,
                        "The paused holder still believes it holds the lock, but the store refuses its token once the"
                                + " successor has used a higher one."),
                option(
                        "D. a TTL lease the holder renews and trusts by its own clock",
                        LEASE,
                        "The holder checks its lease before it reads, but a pause between the check and the write is"
                                + " invisible to it."));
    }

    static String keepsCount(String variant) {
        return "keepsTheCounterExact[" + variant + "]";
    }

    private static Question.Option option(String label, String variant, String explanation) {
        return new Question.Option(label, variant, List.of(keepsCount(variant)), explanation);
    }

    private static Optional<String> exact(SeedRun run) {
        long lost = run.counter(LOST_UPDATES);
        long outOfOrder = run.counter(OUT_OF_ORDER);
        if (lost == 0 && outOfOrder == 0) {
            return Optional.empty();
        }
        return Optional.of(
                "%d increments lost, %d writes out of token order; %s".formatted(lost, outOfOrder, firstFindings(run)));
    }

    private static Optional<String> fewerWakeups(SeedRun sequential, SeedRun plain) {
        double sequentialRate = perRelease(sequential);
        double plainRate = perRelease(plain);
        if (sequentialRate < plainRate) {
            return Optional.empty();
        }
        return Optional.of("%.2f notifications per release with the sequential recipe, %.2f with the plain lock"
                .formatted(sequentialRate, plainRate));
    }

    static double perRelease(SeedRun run) {
        return (double) run.counter(NOTIFICATIONS) / Math.max(1, run.counter(RELEASES));
    }

    private static Optional<String> noneOf(SeedRun run, String counter, String what) {
        return run.counter(counter) == 0
                ? Optional.empty()
                : Optional.of("%d %s; %s".formatted(run.counter(counter), what, firstFindings(run)));
    }

    private static Optional<String> someOf(
            Map<String, SeedRun> runs, List<String> variants, String counter, String what) {
        for (String variant : variants) {
            if (runs.get(variant).counter(counter) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of("no " + what + " in " + String.join(", ", variants));
    }

    private static String firstFindings(SeedRun run) {
        return String.join(
                "; ",
                run.findings().stream()
                        .filter(f -> !f.startsWith("fault:"))
                        .limit(2)
                        .toList());
    }
}
