package sdlab.kv.quorum;

/**
 * Hands out a coordinator's write versions: its clock reading, bumped when needed so that one
 * coordinator never issues the same or a smaller timestamp twice in one life. Across a restart
 * the clock itself keeps the order, unless it is skewed or drifting backwards.
 */
final class VersionClock {
    private final String coordinator;
    private long lastIssuedNanos = Long.MIN_VALUE;

    VersionClock(String coordinator) {
        this.coordinator = coordinator;
    }

    LwwTimestamp next(long nowNanos) {
        lastIssuedNanos = Math.max(nowNanos, lastIssuedNanos + 1);
        return new LwwTimestamp(lastIssuedNanos, coordinator);
    }
}
