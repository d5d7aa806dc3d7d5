package sdlab.bench.repl;

import java.util.List;
import java.util.OptionalDouble;
import sdlab.bench.peer.Alternating;

/**
 * One system's figures for one mode over every round, beside its baseline mode's figures from the same rounds. A
 * ratio is taken per round, this mode's latency over the baseline's measured minutes apart, and the row reports the
 * median of those; a round where either run was not a figure gives no ratio.
 *
 * @param system the system's name
 * @param mode the mode
 * @param setting how the system names the mode's setting
 * @param rounds this mode's run in every round, in order
 * @param baselineRounds the baseline mode's run in the same rounds
 */
public record ModeRow(
        String system,
        CommitMode mode,
        String setting,
        List<CommitFigures> rounds,
        List<CommitFigures> baselineRounds) {
    public ModeRow {
        rounds = List.copyOf(rounds);
        baselineRounds = List.copyOf(baselineRounds);
        if (rounds.size() != baselineRounds.size() || rounds.isEmpty()) {
            throw new IllegalArgumentException("a row needs a run of its mode and of the baseline in every round, got "
                    + rounds.size() + " and " + baselineRounds.size());
        }
    }

    /** Whether every round of this mode and of its baseline was a figure. */
    public boolean isFigure() {
        return rounds.stream().allMatch(CommitFigures::isFigure)
                && baselineRounds.stream().allMatch(CommitFigures::isFigure);
    }

    public double commitsPerSecond() {
        return median(
                rounds.stream().mapToDouble(CommitFigures::commitsPerSecond).toArray());
    }

    public double latencyMsP50() {
        return median(rounds.stream().mapToDouble(CommitFigures::latencyMsP50).toArray());
    }

    public double latencyMsP99() {
        return median(rounds.stream().mapToDouble(CommitFigures::latencyMsP99).toArray());
    }

    /** Errors over every round, warm-ups included. */
    public long errors() {
        return rounds.stream().mapToLong(CommitFigures::errors).sum();
    }

    /** Every problem a check found, in round order. */
    public List<String> problems() {
        return rounds.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** The median over the rounds of this mode's p50 over the baseline's; empty unless every round is a figure. */
    public OptionalDouble p50Ratio() {
        return ratio(true);
    }

    /** The same for p99. */
    public OptionalDouble p99Ratio() {
        return ratio(false);
    }

    private OptionalDouble ratio(boolean p50) {
        if (!isFigure()) {
            return OptionalDouble.empty();
        }
        double[] ratios = new double[rounds.size()];
        for (int i = 0; i < ratios.length; i++) {
            CommitFigures mine = rounds.get(i);
            CommitFigures base = baselineRounds.get(i);
            ratios[i] = p50 ? mine.latencyMsP50() / base.latencyMsP50() : mine.latencyMsP99() / base.latencyMsP99();
        }
        return OptionalDouble.of(median(ratios));
    }

    private static double median(double[] values) {
        return Alternating.median(values);
    }
}
