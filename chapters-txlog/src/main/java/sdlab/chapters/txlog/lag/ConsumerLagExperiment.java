package sdlab.chapters.txlog.lag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

/** Chapter 22: which queue metric trends up with a steady client's p95 latency spikes. */
public final class ConsumerLagExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "consumer-lag",
            22,
            "Queues and consumer lag",
            "Twenty clients each send a record every 500 ms to a partitioned log; a two-member consumer group handles"
                    + " them. Consumers slow down, pause for GC, rebalance or meet poison messages; consumer lag,"
                    + " dead-letter size, TTL violations and broker CPU idle are sampled per window and set against"
                    + " the p95 end-to-end latency measured from the clients' send times.");

    private static final String QUESTION = "A client sends every 500 ms and its p95 latency spikes by 200 ms: which"
            + " metric is trending up? A. dead-letter size, B. consumer lag, C. TTL violations, D. broker CPU idle";

    private final LagMonitor.LagFrom lagFrom;

    /** The chapter as users run it. */
    public ConsumerLagExperiment() {
        this(LagMonitor.LagFrom.COMMITTED);
    }

    /** The chapter with the monitor counting lag from somewhere else, for the planted-bug test. */
    ConsumerLagExperiment(LagMonitor.LagFrom lagFrom) {
        this.lagFrom = lagFrom;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return LagParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return Arrays.stream(Disturbance.values())
                .map(d -> new Variant(d.variant, d.description, Map.of("disturbance", d.variant)))
                .toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        Disturbance disturbance = Disturbance.ofVariant(variant.name());
        LagScenario.Outcome outcome = LagScenario.run(disturbance, lagFrom, values, seed, options);
        return LagMeasurements.measure(
                outcome,
                values.get(LagParams.WINDOW).toNanos(),
                values.get(LagParams.PRODUCE_COST).toNanos(),
                values.get(LagParams.REQUEST_COST).toNanos(),
                options);
    }

    @Override
    public List<MetricSpec> metrics() {
        List<MetricSpec> specs = new ArrayList<>();
        specs.add(MetricSpec.percentileMs(
                "latencyMsP50",
                "median end-to-end latency, client send to consumer done",
                LagMeasurements.LATENCY,
                50));
        specs.add(MetricSpec.percentileMs("latencyMsP95", "95th percentile of the same", LagMeasurements.LATENCY, 95));
        specs.add(MetricSpec.meanPerSeed(
                "p95PeakWindowMs", "the highest per-window p95, per seed", LagMeasurements.P95_PEAK_MS));
        specs.add(MetricSpec.meanPerSeed(
                "p95MedianWindowMs", "the median per-window p95, per seed", LagMeasurements.P95_MEDIAN_MS));
        for (Metric metric : Metric.values()) {
            MetricSpec corr = MetricSpec.meanPerSeed(
                    "corr." + metric.id,
                    "correlation over windows of " + metric.description + " with p95 latency",
                    metric.correlationKey());
            MetricSpec max = MetricSpec.meanPerSeed(
                    "max." + metric.id, "largest window value of " + metric.description, metric.maxKey());
            if (metric == Metric.BROKER_IDLE) {
                corr = corr.derivedFrom("produce-cost", "request-cost");
                max = max.derivedFrom("produce-cost", "request-cost");
            }
            specs.add(corr);
            specs.add(max);
        }
        specs.add(MetricSpec.meanPerSeed(
                "recordsDeadLettered",
                "records sent to the dead-letter topic, per seed",
                LagMeasurements.DEAD_LETTERED));
        specs.add(MetricSpec.meanPerSeed(
                "recordsExpired", "records dropped past their TTL, per seed", LagMeasurements.EXPIRED));
        specs.add(MetricSpec.meanPerSeed(
                "recordsUnfinished", "records not done by the end of the run, per seed", LagMeasurements.UNFINISHED));
        return List.copyOf(specs);
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return LagClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, LagClaims.options()));
    }
}
