package sdlab.bench.repl;

import java.time.Duration;

/** Waits for a replica to hold everything its primary committed, polling a question each system asks its own way. */
final class CatchUp {
    /**
     * How long a replica may take after the load stops: generous for a loaded 2-core machine, where a replica that
     * syncs per event may end a 10 s run many seconds behind; still a bound.
     */
    static final Duration WAIT_MAX = Duration.ofSeconds(120);

    private static final long POLL_MILLIS = 50;

    /** A question that may fail while asked (a dropped connection): a failure counts as not yet. */
    @FunctionalInterface
    interface Question {
        boolean caughtUp() throws Exception;
    }

    private CatchUp() {}

    /** Whether {@code question} said yes within {@link #WAIT_MAX}. */
    static boolean await(Question question) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MAX.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (question.caughtUp()) {
                    return true;
                }
            } catch (Exception notYet) {
                // asked again at the next poll
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }
}
