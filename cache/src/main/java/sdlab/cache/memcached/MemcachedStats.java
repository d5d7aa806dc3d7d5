package sdlab.cache.memcached;

import java.util.concurrent.atomic.LongAdder;

/**
 * memcached's counters, by their {@code stats} names; safe to update from many threads. {@code
 * cmd_get} is not a counter of its own: every key a retrieval asks for is a hit or a miss, so it
 * is their sum, and a read updates one counter instead of two.
 */
public final class MemcachedStats {
    final LongAdder cmdSet = new LongAdder();
    final LongAdder cmdFlush = new LongAdder();
    final LongAdder cmdTouch = new LongAdder();
    final LongAdder getHits = new LongAdder();
    final LongAdder getMisses = new LongAdder();
    final LongAdder getExpired = new LongAdder();
    final LongAdder getFlushed = new LongAdder();
    final LongAdder deleteHits = new LongAdder();
    final LongAdder deleteMisses = new LongAdder();
    final LongAdder incrHits = new LongAdder();
    final LongAdder incrMisses = new LongAdder();
    final LongAdder decrHits = new LongAdder();
    final LongAdder decrMisses = new LongAdder();
    final LongAdder casHits = new LongAdder();
    final LongAdder casMisses = new LongAdder();
    final LongAdder casBadval = new LongAdder();
    final LongAdder touchHits = new LongAdder();
    final LongAdder touchMisses = new LongAdder();
    final LongAdder totalItems = new LongAdder();
    final LongAdder evictions = new LongAdder();

    /** Name and value of every counter, in the order memcached prints them. */
    public java.util.List<java.util.Map.Entry<String, Long>> counters() {
        return java.util.List.of(
                java.util.Map.entry("cmd_get", getHits.sum() + getMisses.sum()),
                entry("cmd_set", cmdSet),
                entry("cmd_flush", cmdFlush),
                entry("cmd_touch", cmdTouch),
                entry("get_hits", getHits),
                entry("get_misses", getMisses),
                entry("get_expired", getExpired),
                entry("get_flushed", getFlushed),
                entry("delete_misses", deleteMisses),
                entry("delete_hits", deleteHits),
                entry("incr_misses", incrMisses),
                entry("incr_hits", incrHits),
                entry("decr_misses", decrMisses),
                entry("decr_hits", decrHits),
                entry("cas_misses", casMisses),
                entry("cas_hits", casHits),
                entry("cas_badval", casBadval),
                entry("touch_hits", touchHits),
                entry("touch_misses", touchMisses),
                entry("total_items", totalItems),
                entry("evictions", evictions));
    }

    /** {@code stats reset}: every counter back to zero. */
    public void reset() {
        for (LongAdder adder : new LongAdder[] {
            cmdSet,
            cmdFlush,
            cmdTouch,
            getHits,
            getMisses,
            getExpired,
            getFlushed,
            deleteHits,
            deleteMisses,
            incrHits,
            incrMisses,
            decrHits,
            decrMisses,
            casHits,
            casMisses,
            casBadval,
            touchHits,
            touchMisses,
            totalItems,
            evictions
        }) {
            adder.reset();
        }
    }

    public long getHits() {
        return getHits.sum();
    }

    public long getMisses() {
        return getMisses.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    private static java.util.Map.Entry<String, Long> entry(String name, LongAdder adder) {
        return java.util.Map.entry(name, adder.sum());
    }
}
