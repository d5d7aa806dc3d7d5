package sdlab.bench.repl;

import java.util.List;
import java.util.stream.Stream;

/**
 * One measured run of one mode on one system: closed-loop commits during the measured time, their latency, the
 * errors, and whatever the system's own check found wrong (semi-sync off, replica behind). Only a run with neither
 * errors nor problems is a figure.
 *
 * @param commits commits answered OK in the measured time
 * @param seconds the measured time
 * @param latencyMsP50 the median commit latency
 * @param latencyMsP99 the 99th percentile
 * @param errors commits answered with an error or not answered, warm-up included
 * @param problems what the system's check found, empty when all was well
 */
public record CommitFigures(
        long commits, double seconds, double latencyMsP50, double latencyMsP99, long errors, List<String> problems) {
    public CommitFigures {
        problems = List.copyOf(problems);
    }

    /** Commits per second of the measured time. */
    public double commitsPerSecond() {
        return seconds > 0 ? commits / seconds : 0;
    }

    /** Whether these figures count: no error, no problem, at least one commit. */
    public boolean isFigure() {
        return errors == 0 && problems.isEmpty() && commits > 0;
    }

    /** The same figures with {@code more} problems. */
    public CommitFigures withProblems(List<String> more) {
        return new CommitFigures(
                commits,
                seconds,
                latencyMsP50,
                latencyMsP99,
                errors,
                Stream.concat(problems.stream(), more.stream()).toList());
    }
}
