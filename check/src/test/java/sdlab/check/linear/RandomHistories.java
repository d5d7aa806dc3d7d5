package sdlab.check.linear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/**
 * Small random histories from a seed. Each operation gets an interval on a process's timeline
 * and a linearization point inside it; outcomes come from running the reference model in
 * linearization-point order (a linearizable history) or, for some seeds, in a shuffled order or
 * with one outcome corrupted (usually not linearizable). A fifth of the operations end unknown:
 * they take effect or not at random, end with {@code info} or, if their process crashes, with no
 * completion at all.
 */
final class RandomHistories {
    private record Planned(
            int process,
            ReferenceModel.Call call,
            double invokeAt,
            double completeAt,
            double pointAt,
            boolean unknown,
            boolean takesEffect,
            boolean crashes) {}

    private record Entry(double at, int order, Op op) {}

    private RandomHistories() {}

    static History generate(ReferenceModel model, long seed, int processes, int opsMax) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Planned> planned = plan(model, random, processes, 1 + random.nextInt(opsMax));
        List<Planned> order = new ArrayList<>(planned);
        order.sort(Comparator.comparingDouble(Planned::pointAt));
        if (random.nextInt(10) < 5) {
            shuffle(order, random);
        }
        Map<Planned, ReferenceModel.Execution> outcomes = run(model, order);
        boolean corrupt = random.nextInt(10) < 5;
        return History.of(entries(model, planned, outcomes, corrupt ? random : null));
    }

    private static List<Planned> plan(ReferenceModel model, SplittableRandom random, int processes, int count) {
        double[] freeAt = new double[processes];
        boolean[] crashed = new boolean[processes];
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(processes);
            if (crashed[p]) {
                continue;
            }
            double invokeAt = freeAt[p] + random.nextInt(4);
            double completeAt = invokeAt + 1 + random.nextInt(8);
            double pointAt = invokeAt + (completeAt - invokeAt) * (0.01 + 0.98 * random.nextDouble());
            boolean unknown = random.nextInt(5) == 0;
            boolean crashes = unknown && random.nextInt(3) == 0;
            crashed[p] = crashes;
            freeAt[p] = completeAt;
            planned.add(new Planned(
                    p,
                    model.randomCall(random),
                    invokeAt,
                    completeAt,
                    pointAt,
                    unknown,
                    random.nextBoolean(),
                    crashes));
        }
        return planned;
    }

    private static Map<Planned, ReferenceModel.Execution> run(ReferenceModel model, List<Planned> order) {
        Map<String, Object> states = new HashMap<>();
        Map<Planned, ReferenceModel.Execution> outcomes = new HashMap<>();
        for (Planned op : order) {
            if (op.unknown() && !op.takesEffect()) {
                continue;
            }
            String key = op.call().key();
            Object state = states.containsKey(key) ? states.get(key) : model.initialState();
            ReferenceModel.Execution run =
                    model.execute(state, op.process(), op.call().f(), op.call().input());
            if (run.ok()) {
                states.put(key, run.state());
            }
            outcomes.put(op, run);
        }
        return outcomes;
    }

    private static List<Op> entries(
            ReferenceModel model,
            List<Planned> planned,
            Map<Planned, ReferenceModel.Execution> outcomes,
            SplittableRandom corrupter) {
        List<Entry> entries = new ArrayList<>();
        int corruptAt = corrupter == null ? -1 : corrupter.nextInt(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            Planned op = planned.get(i);
            ReferenceModel.Call call = op.call();
            entries.add(new Entry(
                    op.invokeAt(), entries.size(), Op.invoke(op.process(), call.f(), call.key(), call.input(), 0)));
            Op completion = completion(model, op, outcomes.get(op), i == corruptAt ? corrupter : null);
            if (completion != null) {
                entries.add(new Entry(op.completeAt(), entries.size(), completion));
            }
        }
        entries.sort(Comparator.comparingDouble(Entry::at).thenComparingInt(Entry::order));
        return entries.stream().map(Entry::op).toList();
    }

    private static Op completion(
            ReferenceModel model, Planned op, ReferenceModel.Execution run, SplittableRandom corrupter) {
        ReferenceModel.Call call = op.call();
        if (op.unknown()) {
            return op.crashes() ? null : Op.info(op.process(), call.f(), call.key(), call.input(), 0, "timeout");
        }
        if (!run.ok() && corrupter == null) {
            return Op.fail(op.process(), call.f(), call.key(), call.input(), 0, "refused");
        }
        // A corrupted refusal claims success: an operation that could not have happened then.
        Object output = model.returnsValue(call.f()) ? run.output() : call.input();
        if (corrupter != null && model.returnsValue(call.f())) {
            output = model.randomOutput(call.f(), corrupter);
        }
        return Op.ok(op.process(), call.f(), call.key(), output, 0);
    }

    private static void shuffle(List<Planned> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Planned t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
