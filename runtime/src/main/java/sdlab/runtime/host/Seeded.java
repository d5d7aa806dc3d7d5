package sdlab.runtime.host;

import java.util.SplittableRandom;
import sdlab.core.StableHash;

/** Generators derived from a process's seed by purpose, so that each use draws its own sequence. */
final class Seeded {
    private Seeded() {}

    static SplittableRandom generator(long seed, String purpose) {
        return new SplittableRandom(StableHash.mix(seed ^ StableHash.of(purpose)));
    }
}
