package sdlab.lab;

import java.util.List;
import sdlab.sim.Fork;

/**
 * What a run should keep beyond its numbers, and any changes made to it by hand. Sweeps over many seeds keep neither
 * trace nor history (memory stays bounded); the one seed shown in a report or replayed with {@code --trace} keeps both.
 * Recording must not change what the run does: the same seed gives the same numbers either way.
 *
 * @param recordTrace keep the simulator's trace in {@link SeedRun#trace()}
 * @param keepHistory keep the client history in {@link SeedRun#history()}
 * @param forks changes made at trace steps (a learner's "what if"), passed to the simulation by an experiment that
 *     {@link Experiment#takesForks() takes forks}; they need the trace
 */
public record RunOptions(boolean recordTrace, boolean keepHistory, List<Fork> forks) {
    public RunOptions {
        forks = List.copyOf(forks);
        if (!forks.isEmpty() && !recordTrace) {
            throw new IllegalArgumentException("forks are made at trace steps, so a forked run must record its trace");
        }
    }

    public RunOptions(boolean recordTrace, boolean keepHistory) {
        this(recordTrace, keepHistory, List.of());
    }

    /** Neither trace nor history: what sweeps use. */
    public static RunOptions lean() {
        return new RunOptions(false, false);
    }

    /** Trace and history: what a replayed or showcased seed uses. */
    public static RunOptions full() {
        return new RunOptions(true, true);
    }

    /** Trace and history, with these changes made at their steps. */
    public static RunOptions forked(List<Fork> forks) {
        return new RunOptions(true, true, forks);
    }
}
