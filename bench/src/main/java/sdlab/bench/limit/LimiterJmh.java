package sdlab.bench.limit;

import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import sdlab.bench.jmh.RateLimiterBenchmark;

/**
 * Runs {@link RateLimiterBenchmark} for one limiter and thread count through JMH's API: a forked
 * JVM of its own, so that the JIT compiles each limiter's call site for that limiter alone, as a
 * service using one limiter would. (A loop timing all seven limiters in one JVM measured the
 * sliding windows and GCRA at 0.6 – 0.9x of Bucket4j, and JMH at 1.4 – 2.4x: by the later
 * limiters the shared call site had seen several classes and no longer inlined.)
 *
 * @param warmupIterations untimed iterations before measuring
 * @param iterations measured iterations
 * @param iterationMillis length of each iteration
 */
public record LimiterJmh(int warmupIterations, int iterations, int iterationMillis) {
    /** Measures {@code limiter} (see {@link LimiterUnderTest#names()}) on 1 or 2 threads. */
    public LimiterScore measure(String limiter, int threads) {
        String method = threads == 1 ? "oneThread" : "twoThreads";
        TimeValue iteration = TimeValue.milliseconds(iterationMillis);
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(RateLimiterBenchmark.class.getName() + "." + method) + "$")
                .param("limiter", limiter)
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
            throw new IllegalStateException("JMH could not run " + limiter + " on " + threads + " thread(s)", e);
        }
        if (results.size() != 1) {
            throw new IllegalStateException(
                    "JMH gave " + results.size() + " results for " + limiter + " on " + threads + " thread(s)");
        }
        Result<?> primary = results.iterator().next().getPrimaryResult();
        return new LimiterScore(limiter, threads, primary.getScore(), primary.getScoreError());
    }
}
