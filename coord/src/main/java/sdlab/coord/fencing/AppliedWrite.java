package sdlab.coord.fencing;

/**
 * One write the storage applied, as its log keeps it.
 *
 * @param resource what was written
 * @param token the write's fencing token (whatever it carried, checked or not)
 * @param idempotencyKey its idempotency key, or empty
 * @param value the content written
 * @param writer the id of the node that sent it
 * @param appliedAtNanos the storage's clock when it applied the write
 */
public record AppliedWrite(
        String resource, long token, String idempotencyKey, String value, String writer, long appliedAtNanos) {
    public AppliedWrite {
        FencedLog.requireField(resource, "resource");
        FencedLog.requireField(idempotencyKey, "idempotencyKey");
        FencedLog.requireField(value, "value");
        FencedLog.requireField(writer, "writer");
    }
}
