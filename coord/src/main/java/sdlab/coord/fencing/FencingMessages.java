package sdlab.coord.fencing;

import java.util.Objects;
import sdlab.core.Message;

/**
 * The fenced storage's protocol, in one place. The writer is the network's {@code from}.
 *
 * <pre>
 * writer -> storage    FencedWrite (resource, token, idempotency key, value)
 * storage -> writer    Written | StaleToken (with the highest token seen) | DuplicateKey
 * </pre>
 *
 * Every answer is definite: {@code Written} means applied and durable, the other two mean
 * certainly not applied. No answer means unknown: the write may or may not have been applied.
 */
public final class FencingMessages {
    private FencingMessages() {}

    /** Every message of the fenced storage. */
    public sealed interface FencingMessage extends Message permits FencedWrite, WriteAnswer {}

    /**
     * Store {@code value} as the content of {@code resource}, fenced by {@code token} and, unless
     * {@code idempotencyKey} is empty, applied at most once for that key. Strings hold no tab or
     * line break (they are fields of the storage's log).
     */
    public record FencedWrite(long requestId, String resource, long token, String idempotencyKey, String value)
            implements FencingMessage {
        public FencedWrite {
            FencedLog.requireField(resource, "resource");
            FencedLog.requireField(idempotencyKey, "idempotencyKey");
            FencedLog.requireField(value, "value");
            if (resource.isEmpty()) {
                throw new IllegalArgumentException("a fenced write names its resource");
            }
        }

        /** Whether the write carries an idempotency key. */
        public boolean hasKey() {
            return !idempotencyKey.isEmpty();
        }
    }

    /** The storage's answer to one write; {@code requestId} echoes the write's. */
    public sealed interface WriteAnswer extends FencingMessage permits Written, StaleToken, DuplicateKey {
        long requestId();
    }

    /** Applied, and durable. */
    public record Written(long requestId) implements WriteAnswer {}

    /** Refused: the resource has seen {@code highestToken}, higher than the write's. Nothing changed. */
    public record StaleToken(long requestId, long highestToken) implements WriteAnswer {}

    /** Refused: a write with this idempotency key was applied before. Nothing changed. */
    public record DuplicateKey(long requestId, String idempotencyKey) implements WriteAnswer {
        public DuplicateKey {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}
