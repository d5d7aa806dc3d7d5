package sdlab.chapters.repl.redundancy;

import static sdlab.chapters.repl.redundancy.RedundancyMeasurements.*;

import java.util.List;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.repl.ReplConfig;

/** Chapter 3: which redundancy pattern keeps writes available through a rolling maintenance, and what it sends. */
public final class RedundancyExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "redundancy",
            3,
            "Redundancy patterns: read replicas, primary/standby, active-active, cold standby",
            "Each pattern under a closed loop of writers and readers, then a rolling maintenance that stops each of its"
                    + " running nodes in turn: client-visible downtime for writes and reads, acknowledged writes lost,"
                    + " conflicting writes, failover and restore time, and the messages and bytes sent per client"
                    + " write, counted from the network.");

    private static final String QUESTION =
            "Redundancy patterns: which pattern gives zero-downtime maintenance but doubles write traffic?";

    private final ReplConfig.Bug bug;

    /** The chapter as users run it. */
    public RedundancyExperiment() {
        this(ReplConfig.Bug.NONE);
    }

    /** The chapter with a planted bug in every store node, for tests that show a claim can fail. */
    RedundancyExperiment(ReplConfig.Bug bug) {
        this.bug = bug;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return RedundancyParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return RedundancyVariant.all().stream().map(v -> v.toVariant(values)).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        RedundancyVariant chosen = RedundancyVariant.named(variant.name());
        return RedundancyMeasurements.measure(RedundancyScenario.run(chosen, bug, values, seed, options), options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        WRITE_DOWNTIME,
                        "time without an acknowledged write (stretches of 50 ms or more) during the maintenance, per seed",
                        WRITE_DOWNTIME),
                MetricSpec.meanPerSeed(
                        PRIMARY_DOWN,
                        "of which from the last stop (the primary's, or the second primary's) on, per seed",
                        PRIMARY_DOWN),
                MetricSpec.meanPerSeed(
                        WRITE_GAP, "longest stretch without an acknowledged write, ms per seed", WRITE_GAP),
                MetricSpec.meanPerSeed(
                        CLIENT_WRITE_GAP,
                        "longest stretch one writer went without an acknowledged write of its own, ms per seed",
                        CLIENT_WRITE_GAP),
                MetricSpec.meanPerSeed(
                        READ_DOWNTIME,
                        "time without an answered read (stretches of 50 ms or more) during the maintenance, per seed",
                        READ_DOWNTIME),
                MetricSpec.meanPerSeed(READ_GAP, "longest stretch without an answered read, ms per seed", READ_GAP),
                MetricSpec.meanPerSeed(
                        FAILOVER, "from the primary's stop to its successor taking over, ms per seed", FAILOVER),
                MetricSpec.meanPerSeed(
                                RESTORE,
                                "cold standby: from the order to take over to the end of the restore (start, fetch,"
                                        + " replay), ms per seed",
                                RESTORE)
                        .derivedFrom("boot", "apply"),
                MetricSpec.meanPerSeed(ACKNOWLEDGED, "writes acknowledged to their client, per seed", ACKNOWLEDGED),
                MetricSpec.meanPerSeed(LOST, "acknowledged writes missing at the end, per seed", LOST),
                MetricSpec.seedsWith("seedsLosingAcknowledged", "seeds where an acknowledged write was lost", LOST),
                MetricSpec.meanPerSeed(
                        CONFLICTING,
                        "acknowledged writes overlapping another primary's acknowledged write of the key, per seed",
                        CONFLICTING),
                MetricSpec.seedsWith("seedsWithConflicts", "seeds with conflicting writes", CONFLICTING),
                MetricSpec.ratio(
                        "writeMessagesPerWrite",
                        "client write requests and their answers per acknowledged write, steady state",
                        WRITE_MESSAGES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "writeBytesPerWrite",
                        "their bytes as the real cluster's wire format frames them, per acknowledged write",
                        WRITE_BYTES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "copiesPerWrite",
                        "log entries sent from one store node to another per acknowledged write: the copies made",
                        ENTRIES_COPIED,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "copyBytesPerWrite",
                        "bytes of the messages carrying those entries, per acknowledged write",
                        COPY_BYTES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "feedbackBytesPerWrite",
                        "bytes of the other messages between store nodes (acknowledgements, progress, heartbeats)"
                                + " per acknowledged write",
                        FEEDBACK_BYTES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "replicationMessagesPerWrite",
                        "messages between store nodes per acknowledged write, steady state",
                        REPLICATION_MESSAGES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "replicationBytesPerWrite",
                        "their bytes per acknowledged write",
                        REPLICATION_BYTES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "controlMessagesPerWrite",
                        "messages to and from the failover manager per acknowledged write, steady state",
                        CONTROL_MESSAGES,
                        STEADY_WRITES),
                MetricSpec.ratio(
                        "writeTrafficMultiple",
                        "client write bytes plus replication bytes, over client write bytes: 1 with no copy",
                        WRITE_AND_REPLICATION_BYTES,
                        WRITE_BYTES));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return RedundancyClaims.all(values);
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, RedundancyClaims.options()));
    }
}
