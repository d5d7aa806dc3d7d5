package sdlab.chapters.traffic.placement;

import java.util.List;
import sdlab.core.NodeId;
import sdlab.traffic.ratelimit.KeyedRateLimiter;

/** What a tier does about the rate of each API key: nothing, an in-memory check, or a question to a counter node. */
sealed interface Limiting {

    /** This tier forwards everything. */
    record None() implements Limiting {}

    /** This tier keeps one limiter per key in its own memory; each check costs {@code checkNanos} of CPU. */
    record Local(KeyedRateLimiter<String> limiters, long checkNanos) implements Limiting {}

    /** The counters live on {@code counters}, each key on one of them by hash; a check is a round trip. */
    record Shared(List<NodeId> counters) implements Limiting {
        public Shared {
            counters = List.copyOf(counters);
            if (counters.isEmpty()) {
                throw new IllegalArgumentException("shared counters need at least one counter node");
            }
        }

        NodeId counterOf(String key) {
            return counters.get(Math.floorMod(key.hashCode(), counters.size()));
        }
    }
}
