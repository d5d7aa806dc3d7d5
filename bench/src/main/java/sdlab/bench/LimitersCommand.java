package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.limit.LimiterJmh;
import sdlab.bench.limit.LimiterScore;
import sdlab.bench.limit.LimiterUnderTest;

/** {@code sdlab bench limiters}: sdlab's six rate limiters against Bucket4j, measured by JMH. */
@Command(
        name = "limiters",
        mixinStandardHelpOptions = true,
        description = {
            "Measure one-permit calls of each sdlab rate-limiting algorithm and of Bucket4j's local bucket (same"
                    + " policy, same stepping clock) with JMH, a forked JVM per limiter and thread count: on one"
                    + " thread, and shared by two. Prints each one's speed-up over Bucket4j. About 2 minutes with"
                    + " the defaults.",
            "Goal (issue 5): faster than Bucket4j.",
        })
final class LimitersCommand implements Callable<Integer> {
    private static final List<Integer> THREADS = List.of(1, 2);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--warmup-iterations",
            defaultValue = "3",
            description = "Untimed JMH iterations first (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(
            names = "--iterations",
            defaultValue = "5",
            description = "Measured JMH iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--iteration-ms",
            defaultValue = "1000",
            description = "Length of each iteration in milliseconds (default: ${DEFAULT-VALUE}).")
    int iterationMillis;

    @Option(
            names = "--limiters",
            split = ",",
            paramLabel = "NAME",
            description = "Only these sdlab algorithms (Bucket4j is always measured): token-bucket, leaky-bucket,"
                    + " fixed-window, sliding-window-log, sliding-window-counter, gcra (default: all).")
    List<String> only = List.of();

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        List<String> names = selectedNames();
        Machine start = Machine.now();
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime);
        LimiterJmh jmh = new LimiterJmh(warmupIterations, iterations, iterationMillis);
        List<LimiterScore> scores = new ArrayList<>();
        for (int threads : THREADS) {
            for (String name : names) {
                progress.accept("measuring " + name + " on " + threads + " thread(s)");
                scores.add(jmh.measure(name, threads));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(start, names, scores) : text(start, names, scores));
        out.flush();
        return 0;
    }

    /** The chosen algorithms in the standard order, then Bucket4j; a bad name is a usage error. */
    private List<String> selectedNames() {
        if (warmupIterations < 0 || warmupIterations > 100 || iterations < 1 || iterations > 100) {
            throw new ParameterException(
                    spec.commandLine(), "--warmup-iterations must be 0-100 and --iterations 1-100");
        }
        if (iterationMillis < 10 || iterationMillis > 60_000) {
            throw new ParameterException(spec.commandLine(), "--iteration-ms must be 10-60000, got " + iterationMillis);
        }
        List<String> all = LimiterUnderTest.names();
        for (String name : only) {
            if (!all.contains(name) || name.equals(LimiterUnderTest.BUCKET4J)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--limiters: unknown algorithm '" + name + "'; choose from "
                                + String.join(", ", all.subList(0, all.size() - 1)));
            }
        }
        return all.stream()
                .filter(name -> only.isEmpty() || only.contains(name) || name.equals(LimiterUnderTest.BUCKET4J))
                .toList();
    }

    private String text(Machine start, List<String> names, List<LimiterScore> scores) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Rate limiters vs Bucket4j (JMH, a forked JVM each): one permit per call, %,d permits per %d ms with"
                        + " burst %,d, clock stepping 1 us per call; %d x %d ms measured after %d x %d ms warm-up."
                        + "%nMachine: %s.%n%n",
                LimiterUnderTest.LIMIT,
                LimiterUnderTest.PERIOD.toMillis(),
                LimiterUnderTest.BURST,
                iterations,
                iterationMillis,
                warmupIterations,
                iterationMillis,
                start.describe()));
        text.append(String.format(
                Locale.ROOT,
                "%-24s %18s %12s %18s %12s%n",
                "limiter",
                "1 thread calls/us",
                "vs bucket4j",
                "2 threads calls/us",
                "vs bucket4j"));
        int faster = 0;
        int clearlyFaster = 0;
        for (String name : names) {
            LimiterScore one = find(scores, name, 1);
            LimiterScore two = find(scores, name, 2);
            text.append(String.format(
                    Locale.ROOT,
                    "%-24s %18s %11.2fx %18s %11.2fx%n",
                    name,
                    withError(one),
                    speedUp(scores, one),
                    withError(two),
                    speedUp(scores, two)));
            if (!name.equals(LimiterUnderTest.BUCKET4J) && speedUp(scores, one) > 1 && speedUp(scores, two) > 1) {
                faster++;
                if (beyondError(scores, one) && beyondError(scores, two)) {
                    clearlyFaster++;
                }
            }
        }
        text.append(String.format(
                Locale.ROOT,
                "%nFaster than Bucket4j on both thread counts: %d of %d algorithms (goal: all); by more than JMH's"
                        + " error on both: %d.%n",
                faster,
                names.size() - 1,
                clearlyFaster));
        text.append("calls/us: calls per microsecond, all threads together, +- JMH's 99.9 % error. vs bucket4j: this"
                + " limiter's rate over Bucket4j's (above 1 = faster). Two threads share one limiter: sdlab's behind"
                + " a lock, Bucket4j lock-free.\n");
        return text.toString();
    }

    private static String withError(LimiterScore score) {
        return Double.isNaN(score.error())
                ? String.format(Locale.ROOT, "%.1f", score.callsPerMicrosecond())
                : String.format(Locale.ROOT, "%.1f +- %.1f", score.callsPerMicrosecond(), score.error());
    }

    private String json(Machine start, List<String> names, List<LimiterScore> scores) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode()
                .put("benchmark", "limiters")
                .put("peer", LimiterUnderTest.BUCKET4J)
                .put("cores", start.cores())
                .put("loadAverage", start.loadAverage())
                .put("java", start.javaVersion())
                .put("warmupIterations", warmupIterations)
                .put("iterations", iterations)
                .put("iterationMillis", iterationMillis);
        var array = root.putArray("limiters");
        for (LimiterScore score : scores) {
            ObjectNode entry = array.addObject()
                    .put("name", score.name())
                    .put("threads", score.threads())
                    .put("callsPerMicrosecond", score.callsPerMicrosecond());
            if (!Double.isNaN(score.error())) {
                entry.put("error", score.error());
            }
            entry.put("speedUpOverBucket4j", speedUp(scores, score));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code score}'s interval lies wholly above Bucket4j's (false when JMH gave no error). */
    private static boolean beyondError(List<LimiterScore> scores, LimiterScore score) {
        LimiterScore bucket4j = find(scores, LimiterUnderTest.BUCKET4J, score.threads());
        return score.callsPerMicrosecond() - score.error() > bucket4j.callsPerMicrosecond() + bucket4j.error();
    }

    private static double speedUp(List<LimiterScore> scores, LimiterScore score) {
        return score.callsPerMicrosecond()
                / find(scores, LimiterUnderTest.BUCKET4J, score.threads()).callsPerMicrosecond();
    }

    private static LimiterScore find(List<LimiterScore> scores, String name, int threads) {
        return scores.stream()
                .filter(s -> s.name().equals(name) && s.threads() == threads)
                .findFirst()
                .orElseThrow();
    }
}
