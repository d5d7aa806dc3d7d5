package sdlab.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
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
 * A toy experiment for the command line's tests: one die or two. With {@code --cheat} the dice show an impossible
 * face on every seed divisible by three, so the claim that rolls stay on the die fails first at seed 3.
 */
public final class DiceExperiment implements Experiment {
    static final Param<Integer> SIDES = Param.integer("sides", "faces of each die", 6, 2, 20);
    static final Param<Boolean> CHEAT = Param.flag("cheat", "show an impossible face on seeds divisible by 3", false);
    static final Param<Duration> PACE = Param.duration(
            "pace", "longest time a roll takes", Duration.ofMillis(5), Duration.ofMillis(1), Duration.ofSeconds(1));

    @Override
    public ExperimentIdentity identity() {
        return new ExperimentIdentity("dice", 90, "Dice", "Rolls stay on the die unless someone cheats.");
    }

    @Override
    public String explanation() {
        return "A die shows one of its faces.";
    }

    @Override
    public List<Param<?>> params() {
        return List.of(SIDES, CHEAT, PACE);
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return List.of(
                new Variant("one", "one die", Map.of("dice", 1)), new Variant("two", "two dice", Map.of("dice", 2)));
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        int dice = (Integer) variant.settings().get("dice");
        int sides = values.get(SIDES);
        boolean cheating = values.get(CHEAT) && seed % 3 == 0;
        SplittableRandom random = new SplittableRandom(seed * 31 + dice);
        SeedRun.Builder run = SeedRun.builder();
        List<TraceEvent> trace = new ArrayList<>();
        long now = 0;
        for (int roll = 1; roll <= 10; roll++) {
            int face = cheating && roll == 5 ? sides + 1 : 1 + random.nextInt(sides);
            long took = 1 + random.nextLong(values.get(PACE).toNanos());
            trace.add(new TraceEvent(now, TraceEvent.Kind.SEND, NodeId.of("hand"), NodeId.of("table"), roll, "Roll"));
            now += took;
            trace.add(new TraceEvent(
                    now, TraceEvent.Kind.DELIVER, NodeId.of("table"), NodeId.of("hand"), roll, "Face[" + face + "]"));
            run.counter("rolls", 1).latencyNanos("roll", took);
            if (face > sides) {
                run.counter("impossible", 1)
                        .finding("roll " + roll + " showed " + face + " on a " + sides + "-sided die");
            }
        }
        if (options.recordTrace()) {
            run.trace(trace);
        }
        return run.traceHash(trace.hashCode()).build();
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.sum("rolls", "rolls over all seeds", "rolls"),
                MetricSpec.sum("impossibleRolls", "faces the die does not have", "impossible"),
                MetricSpec.percentileMs("rollMsP99", "99th percentile of roll time", "roll", 99));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return List.of(Claim.everySeed("rollsStayOnTheDie", "no roll shows a face the die lacks", (seed, runs) -> {
            for (Map.Entry<String, SeedRun> run : runs.entrySet()) {
                if (run.getValue().counter("impossible") > 0) {
                    return Optional.of(
                            run.getKey() + ": " + run.getValue().findings().getFirst());
                }
            }
            return Optional.empty();
        }));
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(
                "Do the dice behave?",
                List.of(new Question.Option(
                        "yes", "one", List.of("rollsStayOnTheDie"), "no impossible faces means they behave"))));
    }
}
