package sdlab.cron;

/**
 * The lease as the store holds it under the job's lease key: who holds it, with which epoch, and
 * until when by the holder's clock. Readers compare the expiry with their own clocks, which is
 * what makes clock skew matter.
 *
 * @param holder the holder's session (its id and a random number per process life)
 * @param epoch raised by one with every acquisition: the fencing token
 * @param expiresAtNanos the holder's clock when the lease ends
 */
record LeaseValue(String holder, long epoch, long expiresAtNanos) {

    String encode() {
        return holder + "|" + epoch + "|" + expiresAtNanos;
    }

    /** Reads a stored lease; null (no lease yet) gives null. */
    static LeaseValue decode(Object stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.toString().split("\\|");
        if (parts.length != 3) {
            throw new IllegalStateException("the lease key holds '" + stored + "', not holder|epoch|expiry");
        }
        return new LeaseValue(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }
}
