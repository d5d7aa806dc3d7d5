package sdlab.cache.store;

import java.util.random.RandomGenerator;

/** What a policy sees of the keyspace when it picks a victim. */
interface EvictionView {

    /** The keys a policy with this scope may sample. */
    SampleArray candidates(EvictionScope scope);

    RandomGenerator random();

    long nowMillis();
}
