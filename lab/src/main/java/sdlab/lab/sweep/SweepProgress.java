package sdlab.lab.sweep;

/**
 * Told how far a sweep has got. Called from the thread that called {@link Sweep#run}, in seed order: once with 0, then once per seed.
 */
public interface SweepProgress {
    /** {@code seedsDone} of {@code seedsTotal} seeds are merged into the report; called with 0 when the sweep starts. */
    void advanced(int seedsDone, int seedsTotal);

    /** The sweep ended, successfully or not; a progress bar clears its line here. */
    default void finished() {}

    /** Reports nothing. */
    static SweepProgress none() {
        return (done, total) -> {};
    }
}
