package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;

/**
 * One parameter swept over a few values, every variant over the same seeds at each, with each metric kept per seed: what
 * a chart of a metric against a parameter draws, one dot per seed. A seed's value of a metric is the metric aggregated
 * over that seed alone, exactly as a one-seed sweep reports it. The claims are not judged here: that is {@link Sweep}'s
 * job, per parameter value.
 */
public final class ParamSweep {
    /** One seed of one variant at one value of the parameter. */
    public record Point(String value, String variant, long seed, Map<String, Number> metrics) {}

    private ParamSweep() {}

    /**
     * Runs {@code experiment} with {@code values}, the parameter {@code param} set in turn to each of {@code texts}
     * (parsed by the parameter, so a bad one throws {@link ParamException} with its own message), over seeds {@code
     * firstSeed} to {@code firstSeed + seeds - 1}, on {@code threads} workers. Points come in (value, seed, variant)
     * order whatever the thread count.
     */
    public static List<Point> run(
            Experiment experiment,
            ParamValues values,
            String param,
            List<String> texts,
            long firstSeed,
            int seeds,
            int threads) {
        Param<?> swept = experiment.params().stream()
                .filter(p -> p.name().equals(param))
                .findFirst()
                .orElseThrow(() -> new ParamException(experiment.id() + " has no parameter '" + param + "'"));
        List<ParamValues> settings = new ArrayList<>();
        for (String text : texts) {
            ParamValues at = values.with(swept, text);
            experiment.variants(at); // values that contradict each other (r above n) are refused here
            settings.add(at);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Point>>> pending = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                ParamValues at = settings.get(i);
                String text = texts.get(i);
                for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    long s = seed;
                    pending.add(pool.submit(() -> pointsOf(experiment, at, text, s)));
                }
            }
            List<Point> points = new ArrayList<>();
            for (Future<List<Point>> future : pending) {
                points.addAll(future.get());
            }
            return points;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Point> pointsOf(Experiment experiment, ParamValues values, String text, long seed) {
        List<Point> points = new ArrayList<>();
        for (Variant variant : experiment.variants(values)) {
            SeedRun run;
            try {
                run = experiment.run(variant, values, seed, RunOptions.lean());
            } catch (RuntimeException | AssertionError e) {
                throw new SweepFailure(
                        seed,
                        variant.name(),
                        "experiment " + experiment.id() + ", variant " + variant.name() + " at " + values.nonDefaults(),
                        e);
            }
            VariantTally one = new VariantTally(variant, experiment.metrics());
            one.add(run);
            points.add(
                    new Point(text, variant.name(), seed, one.result(Map.of()).metrics()));
        }
        return points;
    }
}
