package sdlab.chapters.repl.redundancy;

import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.CONFLICTING;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.ENTRIES_COPIED;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.FAILOVER;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.LOST;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.LOST_BEFORE_STOP;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.PRIMARY_DOWN;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.READ_DOWNTIME;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.REPLICATION_BYTES;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.REPLICATION_MESSAGES;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.RESTORE;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.STEADY_WRITES;
import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.WRITE_DOWNTIME;
import static sdlab.chapters.repl.redundancy.RedundancyVariant.ACTIVE_ACTIVE;
import static sdlab.chapters.repl.redundancy.RedundancyVariant.COLD_STANDBY;
import static sdlab.chapters.repl.redundancy.RedundancyVariant.PRIMARY_STANDBY;
import static sdlab.chapters.repl.redundancy.RedundancyVariant.READ_REPLICAS;
import static sdlab.chapters.repl.redundancy.RedundancyVariant.SINGLE_PRIMARY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 3 claims, each a predicate over one seed's runs of the four patterns.
 *
 * <p>The assertions are what each pattern does through a rolling maintenance, measured from the client history, and
 * what it sends, counted from the network: active-active alone keeps writes going; the others stop them, read
 * replicas for as long as the primary is down, a hot standby for its detection and promotion, a cold one until its
 * restore ends; a cold standby loses what it had not archived, and only that; active-active alone acknowledges
 * conflicting writes. On traffic, the doubling is not active-active's alone: a hot standby and a cold standby copy
 * each write once too, read replicas once per replica. The hypotheses are the question's options, each judged on
 * every seed against the pattern's downtime and copies.
 */
final class RedundancyClaims {
    static final String ACTIVE_ACTIVE_AVAILABLE = "activeActiveKeepsWritesAvailableThroughTheMaintenance";
    static final String SINGLE_PRIMARY_STOPS = "everySinglePrimaryPatternStopsWritesDuringTheMaintenance";
    static final String READ_REPLICAS_WAIT = "readReplicasStopWritesForAsLongAsThePrimaryIsDown";
    static final String READ_REPLICAS_READ = "readReplicasKeepReadsAvailable";
    static final String STANDBY_DETECTION = "theHotStandbyTakesOverWithinTheDetectionTime";
    static final String COLD_AFTER_RESTORE = "aColdStandbyTakesWritesOnlyOnceItsRestoreIsOver";
    static final String NO_LOSS = "noPatternButTheColdStandbyLosesAnAcknowledgedWrite";
    static final String COLD_LOSES = "aColdStandbyLosesWritesItHadNotArchived";
    static final String COLD_LOSES_ONLY_LAST = "aColdStandbyLosesOnlyWhatTheLastArchiveTimeoutHeld";
    static final String CONFLICTS = "activeActiveAcknowledgesConflictingWrites";
    static final String NO_CONFLICTS = "noSinglePrimaryPatternAcknowledgesConflictingWrites";
    static final String COPY_ONCE = "activeActivePrimaryStandbyAndColdStandbyEachCopyEveryWriteOnce";
    static final String COPY_PER_REPLICA = "readReplicasCopyEveryWriteOncePerReplica";
    static final String SAME_BYTES = "activeActiveSendsAboutTheReplicationBytesOfPrimaryStandby";
    static final String FEWER_MESSAGES = "aColdStandbyCopiesInAFewMessagesPerTimeout";

    static final String ZERO_DOWNTIME_DOUBLED = "zeroDowntimeMaintenanceAtTwiceTheWriteTraffic";

    /** "Once": the copies per acknowledged write, between these (re-shipments and heartbeat rows add a little). */
    private static final double ONCE_MIN = 0.9;

    private static final double ONCE_MAX = 1.2;
    /** "About the same" replication bytes: within this share of primary/standby's. */
    private static final double SAME_BYTES_SHARE = 0.25;
    /** "A few messages": a cold standby's replication messages per write, at most this share of a hot standby's. */
    private static final double FEW_MESSAGES_SHARE = 0.1;

    private RedundancyClaims() {}

    /** The claims for these parameters: without readers, nothing shows read availability. */
    static List<Claim> all(ParamValues values) {
        List<Claim> claims = new ArrayList<>(availability(values));
        claims.addAll(data(values));
        claims.addAll(traffic(values));
        claims.addAll(hypotheses());
        if (values.get(RedundancyParams.READERS) == 0) {
            claims.removeIf(claim -> claim.name().equals(READ_REPLICAS_READ));
        }
        return List.copyOf(claims);
    }

    private static List<Claim> availability(ParamValues values) {
        double downMs = values.get(RedundancyParams.DOWN).toNanos() / 1e6;
        double detectionMs = (values.get(RedundancyParams.FAILURES) + 1)
                * values.get(RedundancyParams.CHECK_INTERVAL).toNanos()
                / 1e6;
        return List.of(
                Claim.everySeed(
                        ACTIVE_ACTIVE_AVAILABLE,
                        "active-active: from the first stop to the end, no stretch of 50 ms without an acknowledged"
                                + " write: the clients of the stopped primary turn to the other.",
                        (seed, runs) -> at(runs, ACTIVE_ACTIVE, WRITE_DOWNTIME) == 0
                                ? Optional.empty()
                                : Optional.of("%s: %.0f ms without a write; %s"
                                        .formatted(
                                                ACTIVE_ACTIVE,
                                                at(runs, ACTIVE_ACTIVE, WRITE_DOWNTIME),
                                                findings(runs.get(ACTIVE_ACTIVE))))),
                Claim.everySeed(
                        SINGLE_PRIMARY_STOPS,
                        "read-replicas, primary-standby and cold-standby each have stretches of 50 ms or more without"
                                + " an acknowledged write during the maintenance.",
                        (seed, runs) -> SINGLE_PRIMARY.stream()
                                .filter(variant -> at(runs, variant, WRITE_DOWNTIME) == 0)
                                .findFirst()
                                .map(variant -> variant + ": no write downtime")),
                Claim.everySeed(
                        READ_REPLICAS_WAIT,
                        "read-replicas: no write is acknowledged while the primary is down (--down), since nothing"
                                + " promotes a replica.",
                        (seed, runs) -> at(runs, READ_REPLICAS, PRIMARY_DOWN) >= downMs
                                ? Optional.empty()
                                : Optional.of("%s: %.0f ms without a write from the primary's stop, below its %.0f ms"
                                        .formatted(READ_REPLICAS, at(runs, READ_REPLICAS, PRIMARY_DOWN), downMs))),
                Claim.everySeed(
                        READ_REPLICAS_READ,
                        "read-replicas: no stretch of 50 ms without an answered read, the primary's stop included: a"
                                + " reader whose replica stops turns to the next.",
                        (seed, runs) -> at(runs, READ_REPLICAS, READ_DOWNTIME) == 0
                                ? Optional.empty()
                                : Optional.of("%s: %.0f ms without a read"
                                        .formatted(READ_REPLICAS, at(runs, READ_REPLICAS, READ_DOWNTIME)))),
                Claim.everySeed(
                        STANDBY_DETECTION,
                        "primary-standby: the standby is promoted within the failed checks the manager waits for and"
                                + " one more interval of the primary's stop.",
                        (seed, runs) -> at(runs, PRIMARY_STANDBY, FAILOVER) <= detectionMs
                                ? Optional.empty()
                                : Optional.of("%s: promoted %.0f ms after the stop, beyond %.0f ms"
                                        .formatted(PRIMARY_STANDBY, at(runs, PRIMARY_STANDBY, FAILOVER), detectionMs))),
                Claim.everySeed(
                        COLD_AFTER_RESTORE,
                        "cold-standby: from the primary's stop, writes stop for at least the standby's restore (its"
                                + " start, the fetch from the archive and the replay).",
                        (seed, runs) -> at(runs, COLD_STANDBY, PRIMARY_DOWN) >= at(runs, COLD_STANDBY, RESTORE)
                                ? Optional.empty()
                                : Optional.of("%s: %.0f ms without a write, the restore took %.0f ms"
                                        .formatted(
                                                COLD_STANDBY,
                                                at(runs, COLD_STANDBY, PRIMARY_DOWN),
                                                at(runs, COLD_STANDBY, RESTORE)))));
    }

    private static List<Claim> data(ParamValues values) {
        double archiveMs = values.get(RedundancyParams.ARCHIVE_EVERY).toNanos() / 1e6;
        return List.of(
                Claim.everySeed(
                        NO_LOSS,
                        "read-replicas, primary-standby (semi-sync AFTER_SYNC) and active-active hold every write"
                                + " they acknowledged (checked from the client history at the end).",
                        (seed, runs) -> List.of(READ_REPLICAS, PRIMARY_STANDBY, ACTIVE_ACTIVE).stream()
                                .filter(variant -> runs.get(variant).counter(LOST) > 0)
                                .findFirst()
                                .map(variant -> "%s: %d acknowledged writes lost; %s"
                                        .formatted(
                                                variant,
                                                runs.get(variant).counter(LOST),
                                                findings(runs.get(variant))))),
                Claim.someSeed(
                        COLD_LOSES,
                        "cold-standby loses acknowledged writes: those its primary took after its last archive"
                                + " timeout.",
                        (seed, runs) -> runs.get(COLD_STANDBY).counter(LOST) > 0
                                ? Optional.empty()
                                : Optional.of("no acknowledged write lost in " + COLD_STANDBY)),
                Claim.everySeed(
                        COLD_LOSES_ONLY_LAST,
                        "cold-standby: every write it loses was acknowledged within one archive timeout before the"
                                + " primary's stop: the archive holds the rest (as long as the standby takes over before"
                                + " the old primary is back).",
                        (seed, runs) -> {
                            double before = at(runs, COLD_STANDBY, LOST_BEFORE_STOP);
                            return Double.isNaN(before) || before < archiveMs
                                    ? Optional.empty()
                                    : Optional.of("%s: a write acknowledged %.0f ms before the stop was lost, the"
                                                    .formatted(COLD_STANDBY, before)
                                            + " archive timeout is %.0f ms; %s"
                                                    .formatted(archiveMs, findings(runs.get(COLD_STANDBY))));
                        }),
                Claim.someSeed(
                        CONFLICTS,
                        "active-active acknowledges conflicting writes: two clients told they wrote one key, at two"
                                + " primaries, while both writes were in flight.",
                        (seed, runs) -> runs.get(ACTIVE_ACTIVE).counter(CONFLICTING) > 0
                                ? Optional.empty()
                                : Optional.of("no conflicting writes in " + ACTIVE_ACTIVE)),
                Claim.everySeed(
                        NO_CONFLICTS,
                        "read-replicas, primary-standby and cold-standby never acknowledge two writes of one key at two"
                                + " primaries at once, the failover included.",
                        (seed, runs) -> SINGLE_PRIMARY.stream()
                                .filter(variant -> runs.get(variant).counter(CONFLICTING) > 0)
                                .findFirst()
                                .map(variant -> "%s: %d conflicting writes; %s"
                                        .formatted(
                                                variant,
                                                runs.get(variant).counter(CONFLICTING),
                                                findings(runs.get(variant))))));
    }

    private static List<Claim> traffic(ParamValues values) {
        int replicas = values.get(RedundancyParams.READ_REPLICAS);
        return List.of(
                Claim.everySeed(
                        COPY_ONCE,
                        "active-active, primary-standby and cold-standby each send every acknowledged write to one"
                                + " other store node: between 0.9 and 1.2 log entries copied per write in the steady"
                                + " state, counted from the network.",
                        (seed, runs) -> List.of(ACTIVE_ACTIVE, PRIMARY_STANDBY, COLD_STANDBY).stream()
                                .filter(variant -> !once(copies(runs.get(variant))))
                                .findFirst()
                                .map(variant ->
                                        "%s: %.2f copies per write".formatted(variant, copies(runs.get(variant))))),
                Claim.everySeed(
                        COPY_PER_REPLICA,
                        "read-replicas sends every acknowledged write to each replica: between 0.9 and 1.2 copies per"
                                + " write and replica.",
                        (seed, runs) -> once(copies(runs.get(READ_REPLICAS)) / replicas)
                                ? Optional.empty()
                                : Optional.of("%s: %.2f copies per write to %d replicas"
                                        .formatted(READ_REPLICAS, copies(runs.get(READ_REPLICAS)), replicas))),
                Claim.everySeed(
                        SAME_BYTES,
                        "active-active sends within 25% of primary-standby's replication bytes per write: its copy to"
                                + " the other primary costs what the copy to a standby does.",
                        (seed, runs) -> {
                            double active = per(runs.get(ACTIVE_ACTIVE), REPLICATION_BYTES);
                            double standby = per(runs.get(PRIMARY_STANDBY), REPLICATION_BYTES);
                            return Math.abs(active - standby) <= SAME_BYTES_SHARE * standby
                                    ? Optional.empty()
                                    : Optional.of("%s: %.0f replication bytes per write, %s: %.0f"
                                            .formatted(ACTIVE_ACTIVE, active, PRIMARY_STANDBY, standby));
                        }),
                Claim.everySeed(
                        FEWER_MESSAGES,
                        "cold-standby sends fewer than a tenth of primary-standby's replication messages per write:"
                                + " one segment per archive timeout instead of a shipment and its acknowledgements per"
                                + " commit.",
                        (seed, runs) -> {
                            double cold = per(runs.get(COLD_STANDBY), REPLICATION_MESSAGES);
                            double hot = per(runs.get(PRIMARY_STANDBY), REPLICATION_MESSAGES);
                            return cold < FEW_MESSAGES_SHARE * hot
                                    ? Optional.empty()
                                    : Optional.of("%s: %.3f replication messages per write, %s: %.3f"
                                            .formatted(COLD_STANDBY, cold, PRIMARY_STANDBY, hot));
                        }));
    }

    /** The question's options: each pattern, as the one with zero-downtime maintenance and doubled write traffic. */
    private static List<Claim> hypotheses() {
        return RedundancyVariant.all().stream()
                .map(variant -> Claim.hypothesis(
                        hypothesis(variant.name()),
                        variant.name() + " has no write downtime through the maintenance and sends every write to one"
                                + " other store node (0.9 to 1.2 copies per write).",
                        (seed, runs) -> zeroDowntimeDoubled(runs.get(variant.name()), variant.name())))
                .toList();
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. read replicas",
                        READ_REPLICAS,
                        List.of(hypothesis(READ_REPLICAS)),
                        "Writes wait for the primary's maintenance, and each write goes to every replica."),
                new Question.Option(
                        "B. primary/standby failover",
                        PRIMARY_STANDBY,
                        List.of(hypothesis(PRIMARY_STANDBY)),
                        "It doubles the write traffic as much as active-active does, but writes stop for the"
                                + " detection, the promotion and the semi-sync timeout."),
                new Question.Option(
                        "C. active-active multi-master",
                        ACTIVE_ACTIVE,
                        List.of(hypothesis(ACTIVE_ACTIVE)),
                        "The other primary takes every write while one is down; each write is copied once, as to a"
                                + " standby, and some writes conflict."),
                new Question.Option(
                        "D. cold standby",
                        COLD_STANDBY,
                        List.of(hypothesis(COLD_STANDBY)),
                        "It copies every write once too, in few messages, but writes stop until the standby has"
                                + " started and restored, and the last archive timeout's writes are lost."));
    }

    static String hypothesis(String variant) {
        return ZERO_DOWNTIME_DOUBLED + "[" + variant + "]";
    }

    private static Optional<String> zeroDowntimeDoubled(SeedRun run, String variant) {
        double down = run.value(WRITE_DOWNTIME);
        double copies = copies(run);
        if (down == 0 && once(copies)) {
            return Optional.empty();
        }
        return Optional.of("%s: %.0f ms without a write, %.2f copies per write".formatted(variant, down, copies));
    }

    /** Log entries sent between store nodes per write acknowledged in the steady state. */
    static double copies(SeedRun run) {
        return per(run, ENTRIES_COPIED);
    }

    private static boolean once(double copies) {
        return copies >= ONCE_MIN && copies <= ONCE_MAX;
    }

    private static double per(SeedRun run, String counter) {
        long writes = run.counter(STEADY_WRITES);
        return writes == 0 ? Double.NaN : (double) run.counter(counter) / writes;
    }

    private static double at(Map<String, SeedRun> runs, String variant, String value) {
        return runs.get(variant).value(value);
    }

    private static String findings(SeedRun run) {
        return String.join("; ", run.findings().stream().limit(4).toList());
    }
}
