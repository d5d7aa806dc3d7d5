package sdlab.lab;

import java.util.List;
import sdlab.sim.Fork;
import sdlab.sim.Steering;

/**
 * What a run should keep beyond its numbers, and any changes made to it by hand. Sweeps over many seeds keep neither
 * trace nor history (memory stays bounded); the one seed shown in a report or replayed with {@code --trace} keeps both.
 * Recording must not change what the run does: the same seed gives the same numbers either way.
 *
 * @param recordTrace keep the simulator's trace in {@link SeedRun#trace()}
 * @param keepHistory keep the client history in {@link SeedRun#history()}
 * @param steering changes made and looks taken at trace steps (a learner's "what if", a state inspector), passed to
 *     the simulation by an experiment that {@link Experiment#takesForks() takes forks}; they need the trace
 */
public record RunOptions(boolean recordTrace, boolean keepHistory, Steering steering) {
    public RunOptions {
        java.util.Objects.requireNonNull(steering, "steering");
        if (!steering.isEmpty() && !recordTrace) {
            throw new IllegalArgumentException(
                    "forks and inspections are made at trace steps, so such a run must record its trace");
        }
    }

    public RunOptions(boolean recordTrace, boolean keepHistory) {
        this(recordTrace, keepHistory, Steering.NONE);
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
        return steered(Steering.forks(forks));
    }

    /** Trace and history, with these changes and looks at their steps. */
    public static RunOptions steered(Steering steering) {
        return new RunOptions(true, true, steering);
    }
}
