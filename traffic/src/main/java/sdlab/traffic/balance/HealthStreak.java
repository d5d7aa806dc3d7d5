package sdlab.traffic.balance;

/**
 * The active health verdict of one server from its probes: {@code unhealthyThreshold} failures
 * in a row take it out of rotation and {@code healthyThreshold} successes in a row bring it
 * back, so one lost probe does not flap it. Confined to the one caller that probes.
 */
public final class HealthStreak {
    private final int healthyThreshold;
    private final int unhealthyThreshold;
    private int successes;
    private int failures;

    public HealthStreak(int healthyThreshold, int unhealthyThreshold) {
        if (healthyThreshold < 1 || unhealthyThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
        this.healthyThreshold = healthyThreshold;
        this.unhealthyThreshold = unhealthyThreshold;
    }

    /**
     * Counts a probe's outcome and applies the verdict, if the streak reached a threshold, to
     * {@code server}. Returns whether the server's health changed.
     */
    public boolean record(boolean probeOk, Backend server) {
        if (probeOk) {
            successes++;
            failures = 0;
            return successes >= healthyThreshold && server.setHealthy(true);
        }
        failures++;
        successes = 0;
        return failures >= unhealthyThreshold && server.setHealthy(false);
    }
}
