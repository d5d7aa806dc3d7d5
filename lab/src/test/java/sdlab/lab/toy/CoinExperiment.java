package sdlab.lab.toy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.Op;
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
import sdlab.sim.TraceEvent;

/**
 * A toy experiment for the lab's own tests: a fair and a loaded coin. Some claims depend on the seed number alone
 * (divisible by seven, ending in zero), so the tests know exactly which seeds hold and which do not; the rest depend on
 * the flips, which come from the seed, so reports are deterministic but not trivial.
 */
public final class CoinExperiment implements Experiment {
    public static final Param<Integer> FLIPS = Param.integer("flips", "coin flips per seed", 20, 1, 1000);
    public static final Param<Double> BIAS = Param.decimal("bias", "chance of heads of the loaded coin", 0.8, 0, 1);
    public static final Param<Duration> FLIP_TIME = Param.duration(
            "flip-time",
            "longest time a flip takes",
            Duration.ofMillis(2),
            Duration.ofMillis(1),
            Duration.ofSeconds(1));

    private static final NodeId THROWER = NodeId.of("thrower");
    private static final NodeId TABLE = NodeId.of("table");

    @Override
    public ExperimentIdentity identity() {
        return new ExperimentIdentity(
                "coin", 99, "Fair and loaded coins", "A loaded coin shows more heads; tests use it to check the lab.");
    }

    @Override
    public String explanation() {
        return "A fair coin shows heads half the time.\n\nA loaded coin & its <bias> show more.";
    }

    @Override
    public List<Param<?>> params() {
        return List.of(FLIPS, BIAS, FLIP_TIME);
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(
                new Variant("fair", "a fair coin", Map.of("headChance", 0.5)),
                new Variant("loaded", "a loaded coin", Map.of("headChance", values.get(BIAS))));
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        double headChance = (Double) variant.settings().get("headChance");
        SplittableRandom random =
                new SplittableRandom(seed * 1_000_003L + variant.name().length());
        long flipTimeNanos = values.get(FLIP_TIME).toNanos();
        SeedRun.Builder run = SeedRun.builder();
        List<TraceEvent> trace = new ArrayList<>();
        List<Op> history = new ArrayList<>();
        long now = 0;
        int heads = 0;
        for (int i = 0; i < values.get(FLIPS); i++) {
            boolean head = random.nextDouble() < headChance;
            long took = 1 + random.nextLong(flipTimeNanos);
            heads += head ? 1 : 0;
            run.counter("flips", 1).counter("heads", head ? 1 : 0).latencyNanos("flip", took);
            history.add(Op.invoke(0, "flip", null, null, now));
            trace.add(new TraceEvent(now, TraceEvent.Kind.SEND, THROWER, TABLE, i + 1, "Flip[" + i + "]"));
            now += took;
            trace.add(new TraceEvent(
                    now,
                    head ? TraceEvent.Kind.DELIVER : TraceEvent.Kind.DROP,
                    head ? TABLE : THROWER,
                    head ? THROWER : TABLE,
                    i + 1,
                    head ? "heads" : "tails"));
            history.add(head ? Op.ok(0, "flip", null, "heads", now) : Op.fail(0, "flip", null, null, now, "tails"));
        }
        if (heads == values.get(FLIPS)) {
            run.counter("allHeads", 1).finding("all " + heads + " flips were heads");
        }
        run.value("headShare", (double) heads / values.get(FLIPS)).traceHash(trace.hashCode());
        if (options.recordTrace()) {
            run.trace(trace);
        }
        if (options.keepHistory()) {
            run.history(History.of(history));
        }
        return run.build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.sum("heads", "heads over all seeds", "heads"),
                MetricSpec.ratio("headShare", "heads per flip", "heads", "flips"),
                MetricSpec.meanPerSeed("headShareMean", "mean per seed of the share of heads", "headShare"),
                MetricSpec.percentileMs("flipMsP50", "median flip time", "flip", 50),
                MetricSpec.percentileMs("flipMsMax", "longest flip", "flip", 100),
                MetricSpec.seedsWith("allHeadsSeeds", "seeds where every flip was heads", "allHeads"));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        int flips = values.get(FLIPS);
        return List.of(
                Claim.everySeed(
                        "flipsAreCounted",
                        "every variant flips as often as asked",
                        (seed, runs) -> runs.values().stream().allMatch(r -> r.counter("flips") == flips)
                                ? Optional.empty()
                                : Optional.of("a variant flipped a different number of times")),
                Claim.everySeed(
                        "noSeedDivisibleBySeven",
                        "no seed is a multiple of seven",
                        (seed, runs) ->
                                seed % 7 == 0 ? Optional.of("seed " + seed + " is divisible by 7") : Optional.empty()),
                Claim.someSeed(
                        "someSeedEndsInZero",
                        "some seed ends in a zero",
                        (seed, runs) -> seed % 10 == 0
                                ? Optional.empty()
                                : Optional.of("seed " + seed + " ends in " + seed % 10)),
                Claim.someSeed(
                        "neverShown",
                        "a claim no seed shows",
                        (seed, runs) -> Optional.of("seed " + seed + " shows nothing")));
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                "Which statement do the coins support?",
                List.of(
                        new Question.Option(
                                "flips are counted",
                                "loaded",
                                List.of("flipsAreCounted"),
                                "the lab counts what it runs"),
                        new Question.Option(
                                "sevens never come up",
                                "fair",
                                List.of("flipsAreCounted", "noSeedDivisibleBySeven"),
                                "a claim that fails"))));
    }
}
