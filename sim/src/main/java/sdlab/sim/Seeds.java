package sdlab.sim;

import java.util.SplittableRandom;

/**
 * Derives independent generators from a run's seed by name ("random:n1", "net:n1",
 * "workload:c2", ...). Deriving by name rather than by splitting in order means that adding a
 * client or a node does not change what any other component draws.
 */
public final class Seeds {

    private Seeds() {}

    /** A generator for {@code purpose} within the run of {@code seed}. */
    public static SplittableRandom derive(long seed, String purpose) {
        return new SplittableRandom(mix64(seed ^ mix64(hash64(purpose))));
    }

    /** A 64-bit FNV-1a hash of the string's characters: stable across JVMs and runs. */
    static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
