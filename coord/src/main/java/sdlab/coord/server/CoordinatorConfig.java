package sdlab.coord.server;

/**
 * How a standalone coordinator hands out sessions.
 *
 * @param tickTimeMs ZooKeeper's basic time unit: session timeouts are clamped to 2..20 ticks
 * @param sessionIdSeed the first session id is this plus one, the next plus two, and so on (a real
 *     server would mix in its id and the start time, so ids do not repeat across restarts)
 * @param sessionsMax the most sessions open at once; a connect beyond it is refused, so that
 *     clients that open sessions and vanish cannot grow the table without bound
 */
public record CoordinatorConfig(int tickTimeMs, long sessionIdSeed, int sessionsMax) {
    /** ZooKeeper's default tickTime. */
    public static final int TICK_TIME_MS_DEFAULT = 2000;

    public static final int SESSIONS_MAX_DEFAULT = 60_000;

    public CoordinatorConfig {
        if (tickTimeMs <= 0) {
            throw new IllegalArgumentException("tickTimeMs must be positive, not " + tickTimeMs);
        }
        if (sessionsMax <= 0) {
            throw new IllegalArgumentException("sessionsMax must be positive, not " + sessionsMax);
        }
    }

    public static CoordinatorConfig defaults(long sessionIdSeed) {
        return new CoordinatorConfig(TICK_TIME_MS_DEFAULT, sessionIdSeed, SESSIONS_MAX_DEFAULT);
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
