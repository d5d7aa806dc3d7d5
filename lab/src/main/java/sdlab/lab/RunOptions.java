package sdlab.lab;

/**
 * What a run should keep beyond its numbers. Sweeps over many seeds keep neither (memory stays bounded); the one seed
 * shown in a report or replayed with {@code --trace} keeps both. Recording must not change what the run does: the same
 * seed gives the same numbers either way.
 *
 * @param recordTrace keep the simulator's trace in {@link SeedRun#trace()}
 * @param keepHistory keep the client history in {@link SeedRun#history()}
 */
public record RunOptions(boolean recordTrace, boolean keepHistory) {
    /** Neither trace nor history: what sweeps use. */
    public static RunOptions lean() {
        return new RunOptions(false, false);
    }

    /** Trace and history: what a replayed or showcased seed uses. */
    public static RunOptions full() {
        return new RunOptions(true, true);
    }
}
