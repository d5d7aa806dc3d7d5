package sdlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sdlab.bench.sweep.SweepRound;

/**
 * The sweep benchmark's report: a terminal table or JSON.
 *
 * @param machine where it ran
 * @param experiment the experiment's id
 * @param threads sweep workers
 * @param jvmUptimeMsAtStart how long the JVM had run (start-up, class loading, option parsing) before round 1
 * @param rounds the rounds, in order; round 1 ran in a JVM that had not compiled the sweep yet, as a CLI run does
 */
record SweepReport(Machine machine, String experiment, int threads, long jvmUptimeMsAtStart, List<SweepRound> rounds) {
    /** Issue 15's goal: proving chapter 10's answer over 1,000 seeds in at most 5 s on this 2-core machine. */
    static final String GOAL_EXPERIMENT = "quorum";

    static final int GOAL_SEEDS = 1000;

    static final double GOAL_WALL_SECONDS = 5.0;

    String text() {
        SweepRound first = rounds.getFirst();
        StringBuilder text = new StringBuilder();
        text.append(format(
                "Sweep of %s: seeds 1..%d x %d variants, default parameters, %d thread%s, JSON report included;"
                        + " %d round%s in one JVM.%n",
                experiment,
                first.seeds(),
                first.variants(),
                threads,
                threads == 1 ? "" : "s",
                rounds.size(),
                rounds.size() == 1 ? "" : "s"));
        text.append("Machine: ").append(machine.describe()).append(".\n");
        text.append(format(
                "The JVM had run %.2f s before round 1 (start-up, not in any round).%n%n", jvmUptimeMsAtStart / 1e3));
        text.append(format(
                "%5s %8s %8s %9s %9s %16s%n", "round", "wall s", "cpu s", "cpu/wall", "seeds/s", "idle-cores est s"));
        for (int i = 0; i < rounds.size(); i++) {
            SweepRound round = rounds.get(i);
            text.append(format(
                    "%5d %8.2f %8s %9s %9.0f %16.2f%n",
                    i + 1,
                    round.wallSeconds(),
                    round.cpuNanos() < 0 ? "?" : format("%.2f", round.cpuSeconds()),
                    round.cpuNanos() < 0 ? "?" : format("%.2f", round.cpuSeconds() / round.wallSeconds()),
                    round.seedsPerSecond(),
                    round.idleWallSecondsEstimate(machine.cores())));
        }
        text.append(format(
                "%ncpu s: CPU time of the whole process (workers, JIT compiler, garbage collector); idle-cores est:"
                        + " that CPU time spread over the %d cores, what idle cores would give.%n",
                machine.cores()));
        text.append(reportLine()).append('\n');
        goal().ifPresent(goal -> text.append(goal).append('\n'));
        return text.toString();
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "sweep");
        root.put("experiment", experiment);
        root.put("seeds", rounds.getFirst().seeds());
        root.put("variants", rounds.getFirst().variants());
        root.put("threads", threads);
        root.put("cores", machine.cores());
        root.put("loadAverage", machine.loadAverage());
        root.put("java", machine.javaVersion());
        root.put("jvmUptimeMsAtStart", jvmUptimeMsAtStart);
        var array = root.putArray("rounds");
        for (SweepRound round : rounds) {
            array.addObject()
                    .put("wallSeconds", round.wallSeconds())
                    .put("cpuSeconds", round.cpuSeconds())
                    .put("seedsPerSecond", round.seedsPerSecond())
                    .put("idleCoresWallSecondsEstimate", round.idleWallSecondsEstimate(machine.cores()))
                    .put("reportChars", round.reportChars())
                    .put("reportHash", round.reportHash());
        }
        root.put("reportsIdentical", reportsIdentical());
        if (judged()) {
            root.putObject("goal")
                    .put("seeds", GOAL_SEEDS)
                    .put("wallSecondsMax", GOAL_WALL_SECONDS)
                    .put("coldRoundMet", meets(rounds.getFirst()))
                    .put("bestRoundMet", meets(best()));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every round rendered the same report: the sweep's result cannot depend on timing. */
    boolean reportsIdentical() {
        SweepRound first = rounds.getFirst();
        return rounds.stream()
                .allMatch(r -> r.reportChars() == first.reportChars() && r.reportHash() == first.reportHash());
    }

    private String reportLine() {
        SweepRound first = rounds.getFirst();
        if (reportsIdentical()) {
            return format(
                    "Report: %,d characters, the same in every round (hash %08x).",
                    first.reportChars(), first.reportHash());
        }
        return "Report: DIFFERENT between rounds; the sweep is not deterministic, which is a bug.";
    }

    /** The goal's verdict, for chapter 10 at the goal's seed count only: other sizes are not what it states. */
    private Optional<String> goal() {
        if (!judged()) {
            return Optional.empty();
        }
        SweepRound cold = rounds.getFirst();
        SweepRound best = best();
        return Optional.of(format(
                "Goal (issue 15): %d seeds of %s in <= %.1f s on %d idle cores. Round 1, cold as the CLI: %.2f s wall,"
                        + " %.2f s on idle cores (est.): %s. Best round: %.2f s wall, %.2f s est.: %s.",
                GOAL_SEEDS,
                GOAL_EXPERIMENT,
                GOAL_WALL_SECONDS,
                machine.cores(),
                cold.wallSeconds(),
                cold.idleWallSecondsEstimate(machine.cores()),
                meets(cold) ? "met" : "missed",
                best.wallSeconds(),
                best.idleWallSecondsEstimate(machine.cores()),
                meets(best) ? "met" : "missed"));
    }

    private boolean judged() {
        return experiment.equals(GOAL_EXPERIMENT) && rounds.getFirst().seeds() == GOAL_SEEDS;
    }

    /** Judged on the idle-cores estimate: the machine is shared, and the goal is stated for idle cores. */
    private boolean meets(SweepRound round) {
        return round.idleWallSecondsEstimate(machine.cores()) <= GOAL_WALL_SECONDS;
    }

    private SweepRound best() {
        SweepRound best = rounds.getFirst();
        for (SweepRound round : rounds) {
            if (round.idleWallSecondsEstimate(machine.cores()) < best.idleWallSecondsEstimate(machine.cores())) {
                best = round;
            }
        }
        return best;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
