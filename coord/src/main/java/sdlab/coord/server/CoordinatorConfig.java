package sdlab.coord.server;

/**
 * How a standalone coordinator hands out sessions.
 *
 * @param tickTimeMs ZooKeeper's basic time unit: session timeouts are clamped to 2..20 ticks
 * @param sessionIdSeed the first session id is this plus one, the next plus two, and so on (a real
 *     server would mix in its id and the start time, so ids do not repeat across restarts)
 */
public record CoordinatorConfig(int tickTimeMs, long sessionIdSeed) {
    /** ZooKeeper's default tickTime. */
    public static final int TICK_TIME_MS_DEFAULT = 2000;

    public CoordinatorConfig {
        if (tickTimeMs <= 0) {
            throw new IllegalArgumentException("tickTimeMs must be positive, not " + tickTimeMs);
        }
    }

    public static CoordinatorConfig defaults(long sessionIdSeed) {
        return new CoordinatorConfig(TICK_TIME_MS_DEFAULT, sessionIdSeed);
    }

    /** The shortest session timeout granted: 2 ticks, ZooKeeper's default minSessionTimeout. */
    public int sessionTimeoutMsMin() {
        return 2 * tickTimeMs;
    }

    /** The longest session timeout granted: 20 ticks, ZooKeeper's default maxSessionTimeout. */
    public int sessionTimeoutMsMax() {
        return 20 * tickTimeMs;
    }
}
