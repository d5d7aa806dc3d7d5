package sdlab.cron;

/**
 * What one run of the job writes to its target: the slot it ran, the epoch its scheduler led
 * with, and the scheduler. The target treats it as opaque; measurements read it back.
 *
 * @param slot the scheduled run
 * @param epoch the lease epoch its scheduler believed it held
 * @param scheduler the scheduler's id
 */
public record JobEffect(long slot, long epoch, String scheduler) {

    /** The value as written: {@code slot=3 epoch=2 by=s1}. */
    public String format() {
        return "slot=" + slot + " epoch=" + epoch + " by=" + scheduler;
    }

    /** Reads a value written by {@link #format()}. */
    public static JobEffect parse(String value) {
        String[] parts = value.split(" ");
        if (parts.length != 3
                || !parts[0].startsWith("slot=")
                || !parts[1].startsWith("epoch=")
                || !parts[2].startsWith("by=")) {
            throw new IllegalArgumentException("not a job effect: '" + value + "'");
        }
        return new JobEffect(
                Long.parseLong(parts[0].substring(5)), Long.parseLong(parts[1].substring(6)), parts[2].substring(3));
    }

    /** The idempotency key of a slot's run: the job and its scheduled time. */
    public static String key(String job, long slot) {
        return job + "@" + slot;
    }
}
