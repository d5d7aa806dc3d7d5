package sdlab.traffic.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Where the gateway's random draws (a weighted canary's) come from: each event loop's own
 * generator, or one generator a test hands in so that the gateway's draws replay a simulated
 * node's. A shared generator must be safe to call from several event loops ({@link
 * java.util.Random} is).
 */
@FunctionalInterface
interface GatewayRandom {
    RandomGenerator current();

    GatewayRandom THREAD_LOCAL = ThreadLocalRandom::current;

    static GatewayRandom shared(RandomGenerator random) {
        return () -> random;
    }
}
