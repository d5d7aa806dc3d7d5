package sdlab.bench.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Runs the same load against sdlab and against its peer several times, alternating which side
 * goes first; each round measures the two back to back. A shared machine speeds up and slows
 * down by tens of percent over seconds; one run per side would let a slow spell decide the
 * ratio, and always measuring one side first would hand the other side a systematic advantage.
 */
public final class Alternating {
    private Alternating() {}

    /** Each side's results, in the order they were measured. */
    public record Runs<T>(List<T> sdlab, List<T> peer) {}

    /** {@code rounds} runs of each side: sdlab first in odd rounds, the peer first in even ones. */
    public static <T> Runs<T> run(int rounds, Supplier<T> sdlab, Supplier<T> peer) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round is needed, got " + rounds);
        }
        List<T> sdlabRuns = new ArrayList<>();
        List<T> peerRuns = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                sdlabRuns.add(sdlab.get());
                peerRuns.add(peer.get());
            } else {
                peerRuns.add(peer.get());
                sdlabRuns.add(sdlab.get());
            }
        }
        return new Runs<>(sdlabRuns, peerRuns);
    }

    /**
     * The median throughput and the median p99 of {@code runs}, each taken on its own, and the
     * errors of all of them. With an even count, the mean of the middle two.
     */
    static LoadFigures median(List<LoadFigures> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to take a median of");
        }
        return new LoadFigures(
                median(runs, LoadFigures::opsPerSecond),
                median(runs, LoadFigures::latencyMsP99),
                runs.stream().mapToLong(LoadFigures::errors).sum());
    }

    private static double median(List<LoadFigures> runs, ToDoubleFunction<LoadFigures> figure) {
        return median(runs.stream().mapToDouble(figure).toArray());
    }

    /** The median of {@code values} (NaN sorts last); with an even count, the mean of the middle two. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
