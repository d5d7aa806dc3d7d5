package sdlab.coord.fencing;

import java.util.Objects;
import sdlab.core.Message;

/**
 * The fenced storage's protocol, in one place. The writer is the network's {@code from}.
 *
 * <pre>
 * writer -> storage    FencedWrite (resource, token, idempotency key, value)
 * storage -> writer    Written | StaleToken (with the highest token seen) | DuplicateKey
 * reader -> storage    FencedRead (resource, token)
 * storage -> reader    ReadValue | StaleToken
 * </pre>
 *
 * Every answer is definite: {@code Written} means applied and durable, the other two mean
 * certainly not applied. No answer means unknown: the write may or may not have been applied.
 * A read carries its token too, because a holder's read-modify-write is fenced only if the read
 * is: once a successor has read with a higher token, the old holder's write of what it computed
 * from an older read must not land.
 */
public final class FencingMessages {
    private FencingMessages() {}

    /** Every message of the fenced storage. */
    public sealed interface FencingMessage extends Message permits FencedWrite, FencedRead, Answer {}

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

    /**
     * Read {@code resource}'s current value with {@code token}: with tokens checked, a token below
     * the highest seen is refused, and a higher one becomes the highest, so no write of a lower
     * token lands after this read.
     */
    public record FencedRead(long requestId, String resource, long token) implements FencingMessage {
        public FencedRead {
            FencedLog.requireField(resource, "resource");
            if (resource.isEmpty()) {
                throw new IllegalArgumentException("a fenced read names its resource");
            }
        }
    }

    /** The storage's answer to one request; {@code requestId} echoes the request's. */
    public sealed interface Answer extends FencingMessage permits WriteAnswer, ReadValue {
        long requestId();
    }

    /** The storage's answer to one write (or a read refused by token). */
    public sealed interface WriteAnswer extends Answer permits Written, StaleToken, DuplicateKey {}

    /** The resource's current value; empty if it was never written. */
    public record ReadValue(long requestId, String value) implements Answer {
        public ReadValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Applied, and durable. */
    public record Written(long requestId) implements WriteAnswer {}

    /** Refused: the resource has seen {@code highestToken}, higher than the request's. Nothing changed. */
    public record StaleToken(long requestId, long highestToken) implements WriteAnswer {}

    /** Refused: a write with this idempotency key was applied before. Nothing changed. */
    public record DuplicateKey(long requestId, String idempotencyKey) implements WriteAnswer {
        public DuplicateKey {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}
