package sdlab.bench.check;

import java.util.List;

/**
 * The sums of a timing table, over the histories that have a Porcupine time, so that the two
 * totals compare the same work. Porcupine's sub-resolution {@code 0.00} figures count as zero,
 * which favours Porcupine slightly.
 *
 * @param histories histories compared
 * @param sdlabNanos sum of sdlab's medians over them
 * @param porcupineSeconds sum of Porcupine's times over them
 * @param verdictsAsExpected histories (of all timed) whose verdict is their source's
 * @param timed all histories timed
 */
public record OracleTotals(int histories, long sdlabNanos, double porcupineSeconds, int verdictsAsExpected, int timed) {

    /** The totals of {@code timings}. */
    public static OracleTotals of(List<OracleTiming> timings) {
        int compared = 0;
        long sdlabNanos = 0;
        double porcupineSeconds = 0;
        for (OracleTiming timing : timings) {
            if (timing.history().porcupineSeconds().isPresent()) {
                compared++;
                sdlabNanos += timing.medianNanos();
                porcupineSeconds += timing.history().porcupineSeconds().getAsDouble();
            }
        }
        int expected =
                (int) timings.stream().filter(OracleTiming::verdictAsExpected).count();
        return new OracleTotals(compared, sdlabNanos, porcupineSeconds, expected, timings.size());
    }

    /** Porcupine's total over sdlab's: how many times faster sdlab checked the same histories. */
    public double porcupineRatio() {
        return sdlabNanos == 0 ? 0 : porcupineSeconds * 1e9 / sdlabNanos;
    }
}
