package sdlab.repl.server;

import java.util.function.LongSupplier;

/**
 * The clock the door reads lag by: monotonic, anchored to the wall clock when the door opens, as the runtime anchors
 * the node's own clock when its process starts. The two anchors are taken within milliseconds of each other in the
 * same process, so the door's readings and the commit times in the log (the primary's clock, anchored the same way
 * in its process) are comparable to about a millisecond plus the hosts' clock skew, which on one machine is none.
 */
final class DoorClock {
    private DoorClock() {}

    static LongSupplier anchoredNow() {
        long anchorNanos = System.currentTimeMillis() * 1_000_000L;
        long startNanoTime = System.nanoTime();
        return () -> anchorNanos + (System.nanoTime() - startNanoTime);
    }
}
