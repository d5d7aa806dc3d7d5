package sdlab.sim;

import java.util.Objects;

/**
 * How the simulated network treats every message: its latency, and the shares of messages it
 * loses, duplicates and reorders.
 *
 * <p>Reordering holds a message back by an extra delay drawn uniformly from zero to four
 * fresh latency samples, so later messages on the same link can overtake it. With a constant
 * latency and no reordering, each link delivers in order (FIFO).
 *
 * @param latency one-way delay of each message
 * @param lossRate share of messages silently lost, in [0, 1]
 * @param duplicateRate share of messages delivered twice, in [0, 1]
 * @param reorderRate share of messages held back by an extra delay, in [0, 1]
 */
public record NetworkConfig(Latency latency, double lossRate, double duplicateRate, double reorderRate) {

    public NetworkConfig {
        Objects.requireNonNull(latency, "latency");
        requireRate(lossRate, "lossRate");
        requireRate(duplicateRate, "duplicateRate");
        requireRate(reorderRate, "reorderRate");
    }

    /** A network that delivers every message exactly once after {@code latency}. */
    public static NetworkConfig reliable(Latency latency) {
        return new NetworkConfig(latency, 0, 0, 0);
    }

    public NetworkConfig withLatency(Latency newLatency) {
        return new NetworkConfig(newLatency, lossRate, duplicateRate, reorderRate);
    }

    public NetworkConfig withLoss(double rate) {
        return new NetworkConfig(latency, rate, duplicateRate, reorderRate);
    }

    public NetworkConfig withDuplication(double rate) {
        return new NetworkConfig(latency, lossRate, rate, reorderRate);
    }

    public NetworkConfig withReordering(double rate) {
        return new NetworkConfig(latency, lossRate, duplicateRate, rate);
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
        }
    }
}
