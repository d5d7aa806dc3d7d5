package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.sim.TraceEvent;

/**
 * Whether an experiment replays: one seed run twice must give, for every variant, the same trace
 * byte for byte, the same trace hash and the same counters, and the next seed must give another
 * trace. Every chapter's determinism test asks this one question, so it lives here once.
 */
public final class ReplayCheck {
    private ReplayCheck() {}

    /** What broke determinism for {@code seed}, one line per problem; empty when the experiment replays. */
    public static List<String> problems(Experiment experiment, ParamValues values, long seed) {
        Map<String, SeedRun> first =
                Sweep.replay(experiment, values, seed, Optional.empty()).runsByVariant();
        Map<String, SeedRun> again =
                Sweep.replay(experiment, values, seed, Optional.empty()).runsByVariant();
        Map<String, SeedRun> next =
                Sweep.replay(experiment, values, seed + 1, Optional.empty()).runsByVariant();
        List<String> problems = new ArrayList<>();
        if (first.isEmpty()) {
            problems.add("the experiment has no variants to replay");
        }
        for (Map.Entry<String, SeedRun> entry : first.entrySet()) {
            String variant = entry.getKey();
            SeedRun a = entry.getValue();
            SeedRun b = again.get(variant);
            if (a.trace().isEmpty()) {
                problems.add(variant + ": no trace was recorded, so there is nothing to compare");
            } else if (!lines(a.trace()).equals(lines(b.trace()))) {
                problems.add(variant + ": seed " + seed + " gave two different traces");
            }
            if (a.traceHash() != b.traceHash()) {
                problems.add(variant + ": seed " + seed + " gave two different trace hashes");
            }
            if (!a.counters().equals(b.counters())) {
                problems.add(variant + ": seed " + seed + " gave different counters: " + a.counters() + " vs "
                        + b.counters());
            }
            if (a.traceHash() == next.get(variant).traceHash()) {
                problems.add(variant + ": seeds " + seed + " and " + (seed + 1) + " gave the same trace hash");
            }
        }
        return problems;
    }

    private static List<String> lines(List<TraceEvent> trace) {
        return trace.stream().map(TraceEvent::format).toList();
    }
}
