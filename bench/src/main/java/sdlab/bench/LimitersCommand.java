package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.limit.LimiterLoop;
import sdlab.bench.limit.LimiterTiming;
import sdlab.bench.limit.LimiterUnderTest;

/** {@code sdlab bench limiters}: sdlab's six rate limiters against Bucket4j, in a plain timing loop. */
@Command(
        name = "limiters",
        mixinStandardHelpOptions = true,
        description = {
            "Time one-permit calls of each sdlab rate-limiting algorithm and of Bucket4j's local bucket (same policy,"
                    + " same stepping clock), on one thread and shared by two, and print each one's speed-up over"
                    + " Bucket4j. A quick loop; RateLimiterBenchmark (JMH) is the careful figure.",
            "Goal (issue 5): faster than Bucket4j.",
        })
final class LimitersCommand implements Callable<Integer> {
    private static final List<Integer> THREADS = List.of(1, 2);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--seconds",
            defaultValue = "1",
            description = "Measured seconds per limiter and thread count (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "1",
            description = "Untimed seconds first (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (seconds < 1 || seconds > 600 || warmupSeconds < 0 || warmupSeconds > 600) {
            throw new ParameterException(spec.commandLine(), "--seconds must be 1-600 and --warmup-seconds 0-600");
        }
        Machine start = Machine.now();
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime);
        List<LimiterTiming> timings = new ArrayList<>();
        for (int threads : THREADS) {
            for (String name : LimiterUnderTest.names()) {
                progress.accept("timing " + name + " on " + threads + " thread(s)");
                timings.add(LimiterLoop.time(
                        name, threads, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(start, timings) : text(start, timings));
        out.flush();
        return 0;
    }

    private String text(Machine start, List<LimiterTiming> timings) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Rate limiters, one permit per call, %,d permits per %d ms with burst %,d, clock stepping 1 us per call;"
                        + " %d s measured after %d s warm-up.%nMachine: %s.%n%n",
                LimiterUnderTest.LIMIT,
                LimiterUnderTest.PERIOD.toMillis(),
                LimiterUnderTest.BURST,
                seconds,
                warmupSeconds,
                start.describe()));
        text.append(String.format(
                Locale.ROOT,
                "%-24s %8s %14s %8s %14s %8s%n",
                "limiter",
                "1 thr ns",
                "vs bucket4j",
                "allowed",
                "2 thr ns",
                "vs bucket4j"));
        for (String name : LimiterUnderTest.names()) {
            LimiterTiming one = find(timings, name, 1);
            LimiterTiming two = find(timings, name, 2);
            text.append(String.format(
                    Locale.ROOT,
                    "%-24s %8.1f %13.2fx %7.0f%% %14.1f %10.2fx%n",
                    name,
                    one.nanosPerCall(),
                    speedUp(timings, one),
                    100.0 * one.allowed() / Math.max(1, one.calls()),
                    two.nanosPerCall(),
                    speedUp(timings, two)));
        }
        text.append("\nns: wall nanoseconds per call, all threads together. vs bucket4j: Bucket4j's ns over this"
                + " limiter's (above 1 = faster than Bucket4j). Two threads share one limiter: sdlab's behind a"
                + " lock, Bucket4j lock-free.\n");
        return text.toString();
    }

    private String json(Machine start, List<LimiterTiming> timings) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode()
                .put("benchmark", "limiters")
                .put("peer", LimiterUnderTest.BUCKET4J)
                .put("cores", start.cores())
                .put("loadAverage", start.loadAverage())
                .put("java", start.javaVersion())
                .put("measureSeconds", seconds)
                .put("warmupSeconds", warmupSeconds);
        var array = root.putArray("limiters");
        for (LimiterTiming timing : timings) {
            array.addObject()
                    .put("name", timing.name())
                    .put("threads", timing.threads())
                    .put("calls", timing.calls())
                    .put("allowed", timing.allowed())
                    .put("nanosPerCall", timing.nanosPerCall())
                    .put("callsPerSecond", timing.callsPerSecond())
                    .put("speedUpOverBucket4j", speedUp(timings, timing));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double speedUp(List<LimiterTiming> timings, LimiterTiming timing) {
        return find(timings, LimiterUnderTest.BUCKET4J, timing.threads()).nanosPerCall() / timing.nanosPerCall();
    }

    private static LimiterTiming find(List<LimiterTiming> timings, String name, int threads) {
        return timings.stream()
                .filter(t -> t.name().equals(name) && t.threads() == threads)
                .findFirst()
                .orElseThrow();
    }
}
