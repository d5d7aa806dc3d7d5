package sdlab.bench.shard;

import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import sdlab.bench.jmh.ShardRoutingBenchmark;

/**
 * Runs {@link ShardRoutingBenchmark} for one partitioner through JMH's API, in a forked JVM of its own: with all six
 * in one JVM the {@code ownerOf} call site would see three classes and stop inlining, which no router sees.
 *
 * @param warmupIterations untimed iterations before measuring
 * @param iterations measured iterations
 * @param iterationMillis length of each iteration
 */
public record RoutingJmh(int warmupIterations, int iterations, int iterationMillis) {
    /**
     * Nanoseconds per {@code ownerOf} for {@code partitioner} (one of {@link ShardRoutingBenchmark#PARTITIONERS}).
     *
     * @return the score and JMH's 99.9 % error
     */
    public double[] measure(String partitioner) {
        TimeValue iteration = TimeValue.milliseconds(iterationMillis);
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(ShardRoutingBenchmark.class.getName() + ".ownerOf") + "$")
                .param("partitioner", partitioner)
                .forks(1)
                .warmupIterations(warmupIterations)
                .warmupTime(iteration)
                .measurementIterations(iterations)
                .measurementTime(iteration)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH could not run the routing benchmark for " + partitioner, e);
        }
        if (results.size() != 1) {
            throw new IllegalStateException("JMH gave " + results.size() + " results for " + partitioner);
        }
        Result<?> primary = results.iterator().next().getPrimaryResult();
        return new double[] {primary.getScore(), primary.getScoreError()};
    }
}
