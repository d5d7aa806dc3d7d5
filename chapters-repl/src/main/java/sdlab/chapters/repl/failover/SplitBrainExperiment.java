package sdlab.chapters.repl.failover;

import static sdlab.chapters.repl.failover.FailoverMeasurements.ACKNOWLEDGED;
import static sdlab.chapters.repl.failover.FailoverMeasurements.CONFLICTING;
import static sdlab.chapters.repl.failover.FailoverMeasurements.DISCARDED;
import static sdlab.chapters.repl.failover.FailoverMeasurements.DUAL_PRIMARY_MS;
import static sdlab.chapters.repl.failover.FailoverMeasurements.FAILOVERS;
import static sdlab.chapters.repl.failover.FailoverMeasurements.FALSE;
import static sdlab.chapters.repl.failover.FailoverMeasurements.LOST;
import static sdlab.chapters.repl.failover.FailoverMeasurements.MISSED;
import static sdlab.chapters.repl.failover.FailoverMeasurements.UNAVAILABLE_MS;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
import sdlab.lab.Stratum;
import sdlab.lab.Variant;
import sdlab.repl.ReplConfig;

/** Chapter 12: what a port-only health check risks, beside a query check and a lease with and without fencing. */
public final class SplitBrainExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "splitbrain",
            12,
            "Active-passive failover and split brain",
            "A primary with two async replicas, a failover manager and writing clients; on each seed the primary meets"
                    + " one fault (a crash, a long or short GC pause, a stuck or slow disk, a cut from the manager both"
                    + " ways or one way, a zone split). A TCP port check, a heartbeat-write check, a lease, and a lease"
                    + " whose token the replicas check are compared: time with two primaries, conflicting and lost"
                    + " writes, false and missed failovers, unavailability.");

    private static final String QUESTION =
            "Active-passive failover: what is the primary availability risk if health checks only probe TCP port"
                    + " liveness?";

    private final ReplConfig.Bug bug;

    /** The chapter as users run it. */
    public SplitBrainExperiment() {
        this(ReplConfig.Bug.NONE);
    }

    /** The chapter with a planted bug in every variant's store, for tests that show a claim can fail. */
    SplitBrainExperiment(ReplConfig.Bug bug) {
        this.bug = Objects.requireNonNull(bug, "bug");
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return FailoverParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return FailoverVariant.all().stream().map(FailoverVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        FailoverVariant chosen = FailoverVariant.named(variant.name());
        long detectionNanos = values.get(FailoverParams.CHECK_INTERVAL).toNanos() * values.get(FailoverParams.FAILURES);
        return FailoverMeasurements.measure(
                FailoverScenario.run(chosen, bug, values, seed, options), detectionNanos, options);
    }

    /** The fault each seed drew: the report splits every figure by it, since each check fails differently. */
    @Override
    public Optional<Stratum> stratum() {
        return Optional.of(new Stratum(
                "fault",
                Arrays.stream(FailoverFaults.Kind.values())
                        .map(FailoverFaults.Kind::label)
                        .toList()));
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        DUAL_PRIMARY_MS, "ms in which two primaries committed client writes", DUAL_PRIMARY_MS),
                MetricSpec.seedsWith(
                        "seedsWithTwoPrimaries", "seeds where two primaries committed at once", DUAL_PRIMARY_MS),
                MetricSpec.meanPerSeed(
                        CONFLICTING,
                        "log positions two primaries each committed a client write at, per seed",
                        CONFLICTING),
                MetricSpec.meanPerSeed(
                        LOST, "acknowledged writes missing from the final primary's log, per seed", LOST),
                MetricSpec.seedsWith("seedsLosingAcknowledged", "seeds where an acknowledged write was lost", LOST),
                MetricSpec.meanPerSeed(FAILOVERS, "promotions, per seed", FAILOVERS),
                MetricSpec.sum(FALSE, "promotions of a replica while the primary was still committing", FALSE),
                MetricSpec.sum(MISSED, "outages longer than twice the detection time with no promotion", MISSED),
                MetricSpec.meanPerSeed(
                        UNAVAILABLE_MS,
                        "ms in which no client got a write acknowledged (gaps over 50 ms), per seed",
                        UNAVAILABLE_MS),
                MetricSpec.meanPerSeed(ACKNOWLEDGED, "writes whose client heard ok, per seed", ACKNOWLEDGED),
                MetricSpec.meanPerSeed(
                        DISCARDED, "entries nodes discarded on following a new primary, per seed", DISCARDED));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return FailoverClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, FailoverClaims.options()));
    }
}
