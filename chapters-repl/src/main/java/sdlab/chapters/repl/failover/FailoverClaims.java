package sdlab.chapters.repl.failover;

import static sdlab.chapters.repl.failover.FailoverMeasurements.CONFLICTING;
import static sdlab.chapters.repl.failover.FailoverMeasurements.DUAL_PRIMARY_MS;
import static sdlab.chapters.repl.failover.FailoverMeasurements.FAILOVERS;
import static sdlab.chapters.repl.failover.FailoverMeasurements.FALSE;
import static sdlab.chapters.repl.failover.FailoverMeasurements.FAULT_PREFIX;
import static sdlab.chapters.repl.failover.FailoverMeasurements.LOST;
import static sdlab.chapters.repl.failover.FailoverMeasurements.MISSED;
import static sdlab.chapters.repl.failover.FailoverVariant.LEASE;
import static sdlab.chapters.repl.failover.FailoverVariant.LEASE_FENCED;
import static sdlab.chapters.repl.failover.FailoverVariant.PORT;
import static sdlab.chapters.repl.failover.FailoverVariant.QUERY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sdlab.chapters.repl.failover.FailoverFaults.Kind;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 12 claims, each a predicate over one seed's runs of the four variants, all of which meet the seed's
 * fault.
 *
 * <p>The assertions are what each check does, measured: the port check never fails over a primary that is paused or
 * stuck on its disk, and so leaves the service down; it and the query check both let two primaries commit when the
 * manager is cut off from the primary's side; the query check replaces primaries that were still serving; a lease
 * without fencing lets a paused primary commit what it had taken; the fenced lease never lets two primaries commit
 * and loses no acknowledged write. The hypotheses are the question's options about the port check.
 */
final class FailoverClaims {
    static final String FENCED_ONE_PRIMARY = "fencedLeaseNeverLetsTwoPrimariesCommit";
    static final String FENCED_LOSES_NOTHING = "fencedLeaseLosesNoAcknowledgedWrite";
    static final String PORT_NEVER_FAILS_OVER_HUNG = "portCheckNeverFailsOverAPausedOrStuckPrimary";
    static final String PORT_MISSES = "portCheckLeavesTheServiceDownWhileThePrimaryHangs";
    static final String PORT_SPLITS = "portCheckLetsTwoPrimariesCommitAndLosesAcknowledgedWrites";
    static final String QUERY_SPLITS = "queryCheckLetsTwoPrimariesCommitToo";
    static final String QUERY_FALSE = "queryCheckReplacesAPrimaryThatWasStillServing";
    static final String LEASE_UNFENCED_COMMITS = "leaseWithoutFencingLetsADeposedPrimaryCommit";
    static final String LEASE_ONE_SERVER = "leaseKeepsTwoPrimariesFromServingAtOnce";

    static final String NOTHING = "portCheckRisksNothing";
    static final String MISSES_AND_SPLITS = "portCheckMissesHungPrimariesAndSplitsWhenCutOff";
    static final String TOO_MANY = "portCheckFailsOverMoreThanAQueryCheck";
    static final String AS_GOOD = "portCheckFailsOverExactlyWhenAQueryCheckDoes";

    private FailoverClaims() {}

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>(assertions());
        claims.addAll(hypotheses());
        return List.copyOf(claims);
    }

    private static List<Claim> assertions() {
        return List.of(
                Claim.everySeed(
                        FENCED_ONE_PRIMARY,
                        "lease-fenced: no two nodes ever commit different client writes at the same log position."
                                + " (A paused primary may still acknowledge, as it resumes, writes its replicas had"
                                + " taken before the pause and the new primary holds: that shows as a millisecond with"
                                + " two primaries, not as a conflict.)",
                        (seed, runs) -> zeroIn(runs.get(LEASE_FENCED), LEASE_FENCED, CONFLICTING)),
                Claim.everySeed(
                        FENCED_LOSES_NOTHING,
                        "lease-fenced: every write a client heard \"ok\" for is in the final primary's log after the"
                                + " fault heals.",
                        (seed, runs) -> zeroIn(runs.get(LEASE_FENCED), LEASE_FENCED, LOST)),
                Claim.everySeed(
                        PORT_NEVER_FAILS_OVER_HUNG,
                        "port: on seeds where the primary is paused past the threshold or stuck on its disk, the"
                                + " manager never fails over: the kernel still accepts the connection.",
                        (seed, runs) -> !hangs(runs.get(PORT)) || runs.get(PORT).counter(FAILOVERS) == 0
                                ? Optional.empty()
                                : Optional.of("port failed over %d times on a hang; %s"
                                        .formatted(runs.get(PORT).counter(FAILOVERS), findings(runs.get(PORT))))),
                someSeed(
                        PORT_MISSES,
                        "port: a missed failover: writes stopped for longer than twice the detection"
                                + " time and the manager promoted nobody.",
                        PORT,
                        MISSED),
                Claim.someSeed(
                        PORT_SPLITS,
                        "port: two primaries commit at the same positions and acknowledged writes are lost when the"
                                + " cut heals.",
                        (seed, runs) -> runs.get(PORT).counter(CONFLICTING) > 0
                                        && runs.get(PORT).counter(LOST) > 0
                                ? Optional.empty()
                                : Optional.of("no conflict with a loss in port")),
                someSeed(QUERY_SPLITS, "query: two primaries commit at once.", QUERY, DUAL_PRIMARY_MS),
                someSeed(
                        QUERY_FALSE,
                        "query: the manager replaces a primary that committed a client write within the detection time"
                                + " before the promotion (it was slow, or only out of the manager's sight).",
                        QUERY,
                        FALSE),
                Claim.everySeed(
                        LEASE_ONE_SERVER,
                        "lease: two primaries never serve at once for longer than 50 ms (what a paused primary's"
                                + " writes in flight take to commit when it resumes): the primary stops taking writes"
                                + " before its lease can pass to another.",
                        (seed, runs) -> runs.get(LEASE).counter(DUAL_PRIMARY_MS) <= FailoverMeasurements.SERVING_GAP_MS
                                ? Optional.empty()
                                : Optional.of("lease: %d ms with two primaries; %s"
                                        .formatted(
                                                runs.get(LEASE).counter(DUAL_PRIMARY_MS), findings(runs.get(LEASE))))),
                someSeed(
                        LEASE_UNFENCED_COMMITS,
                        "lease without fencing: two primaries commit different writes at the same position, one after the"
                                + " other: the old one before its lease ran out, writes the promoted replica never"
                                + " received (replication is async), or after a pause, the write it had taken before"
                                + " it.",
                        LEASE,
                        CONFLICTING));
    }

    private static List<Claim> hypotheses() {
        return List.of(
                Claim.hypothesis(
                        NOTHING,
                        "port: no missed failover, no two primaries and no acknowledged write lost, on every seed.",
                        (seed, runs) -> zeroIn(runs.get(PORT), PORT, MISSED, CONFLICTING, LOST)),
                Claim.hypothesis(
                        MISSES_AND_SPLITS,
                        "port: wherever the primary hangs (a long pause, a stuck disk) the failover is missed, and"
                                + " wherever the manager's side is cut from the primary's (a zone split) two primaries"
                                + " commit.",
                        (seed, runs) -> missesAndSplits(runs.get(PORT))),
                Claim.hypothesis(
                        TOO_MANY,
                        "port: more failovers than with the query check.",
                        (seed, runs) -> runs.get(PORT).counter(FAILOVERS)
                                        > runs.get(QUERY).counter(FAILOVERS)
                                ? Optional.empty()
                                : Optional.of("port %d failovers, query %d"
                                        .formatted(
                                                runs.get(PORT).counter(FAILOVERS),
                                                runs.get(QUERY).counter(FAILOVERS)))),
                Claim.hypothesis(
                        AS_GOOD,
                        "port: exactly as many failovers as the query check, on every seed.",
                        (seed, runs) -> runs.get(PORT).counter(FAILOVERS)
                                        == runs.get(QUERY).counter(FAILOVERS)
                                ? Optional.empty()
                                : Optional.of("%s: port %d failovers, query %d"
                                        .formatted(
                                                kind(runs.get(PORT)),
                                                runs.get(PORT).counter(FAILOVERS),
                                                runs.get(QUERY).counter(FAILOVERS)))));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. none: a closed port is the only failure that matters",
                        PORT,
                        List.of(NOTHING),
                        "A process can stop serving with its port open: a pause, a dead disk, a cut on the far side."),
                new Question.Option(
                        "B. a primary that is hung, paused or stuck on its disk keeps its port open, so the failover"
                                + " never happens and the service is down while it looks healthy; and a check that"
                                + " cannot reach the primary fails over while it still serves its side (split brain)",
                        PORT,
                        List.of(MISSES_AND_SPLITS),
                        "Measured on every seed of those faults; the split brain is not the port check's alone: the"
                                + " query check does it too, and only a lease that the primary honours, with a token the"
                                + " replicas check, prevents it."),
                new Question.Option(
                        "C. port checks fail over too often",
                        PORT,
                        List.of(TOO_MANY),
                        "The port check fails over less, not more: it misses what it should catch."),
                new Question.Option(
                        "D. a port check is as good as an application check",
                        PORT,
                        List.of(AS_GOOD),
                        "They differ exactly on the faults that leave the port open: pauses and disks."));
    }

    private static Claim someSeed(String name, String description, String variant, String counter) {
        return Claim.someSeed(
                name,
                description,
                (seed, runs) -> runs.get(variant).counter(counter) > 0
                        ? Optional.empty()
                        : Optional.of("no " + counter + " in " + variant));
    }

    private static Optional<String> missesAndSplits(SeedRun port) {
        if (hangs(port) && port.counter(MISSED) == 0) {
            return Optional.of("%s without a missed failover; %s".formatted(kind(port), findings(port)));
        }
        if (port.counter(FAULT_PREFIX + Kind.ZONE_SPLIT.label()) > 0 && port.counter(CONFLICTING) == 0) {
            return Optional.of("zone split without conflicting writes; " + findings(port));
        }
        return Optional.empty();
    }

    private static boolean hangs(SeedRun run) {
        for (Kind kind : Kind.values()) {
            if (kind.hangs() && run.counter(FAULT_PREFIX + kind.label()) > 0) {
                return true;
            }
        }
        return false;
    }

    private static String kind(SeedRun run) {
        for (Kind kind : Kind.values()) {
            if (run.counter(FAULT_PREFIX + kind.label()) > 0) {
                return kind.label();
            }
        }
        return "no fault";
    }

    private static Optional<String> zeroIn(SeedRun run, String variant, String... counters) {
        for (String counter : counters) {
            if (run.counter(counter) > 0) {
                return Optional.of("%s: %s = %d; %s".formatted(variant, counter, run.counter(counter), findings(run)));
            }
        }
        return Optional.empty();
    }

    private static String findings(SeedRun run) {
        return String.join("; ", run.findings());
    }
}
