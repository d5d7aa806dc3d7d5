package sdlab.chapters.repl.redundancy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stretches without a success, from a list of success times: a stretch counts as down when it lasts at least
 * {@value #GAP_NANOS_MIN} ns (50 ms, far above the few milliseconds between two successes in the steady state), and
 * counts in full, as chapter 12 counts its unavailability; here the stretch from the start of the window to the first
 * success, and from the last to its end, count too.
 */
final class Outages {
    static final long GAP_NANOS_MIN = 50_000_000L;

    private final long downNanos;
    private final long longestGapNanos;

    private Outages(long downNanos, long longestGapNanos) {
        this.downNanos = downNanos;
        this.longestGapNanos = longestGapNanos;
    }

    /** The outages in {@code [fromNanos, untilNanos)}, given the times of the successes (in any order). */
    static Outages of(List<Long> successNanos, long fromNanos, long untilNanos) {
        List<Long> times = new ArrayList<>();
        for (long at : successNanos) {
            if (at >= fromNanos && at < untilNanos) {
                times.add(at);
            }
        }
        Collections.sort(times);
        long down = 0;
        long longest = 0;
        long previous = fromNanos;
        times.add(untilNanos);
        for (long at : times) {
            long gap = at - previous;
            longest = Math.max(longest, gap);
            if (gap >= GAP_NANOS_MIN) {
                down += gap;
            }
            previous = at;
        }
        return new Outages(down, longest);
    }

    /** The time in stretches of at least 50 ms without a success. */
    long downNanos() {
        return downNanos;
    }

    /** The longest stretch without a success, however short. */
    long longestGapNanos() {
        return longestGapNanos;
    }
}
