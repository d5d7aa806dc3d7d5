package sdlab.check.history;

import java.util.Set;

/**
 * Which operations of a register or key-value history read ({@code read}, {@code get}) and which
 * write ({@code write}, {@code put}): the vocabulary the stale-read, session and causal checkers
 * share.
 */
public final class RegisterOps {
    private static final Set<String> READS = Set.of("read", "get");
    private static final Set<String> WRITES = Set.of("write", "put");

    private RegisterOps() {}

    /** A read that completed, so its output is the value it observed. */
    public static boolean isOkRead(Operation op) {
        return op.status() == Status.OK && READS.contains(op.f());
    }

    /** A write that may have taken effect (ok or unknown); its input is the value written. */
    public static boolean isPossibleWrite(Operation op) {
        return op.status() != Status.FAIL && WRITES.contains(op.f());
    }

    /** A write that certainly took effect. */
    public static boolean isOkWrite(Operation op) {
        return op.status() == Status.OK && WRITES.contains(op.f());
    }

    /** The key under which a report lists an operation: the empty string for a single register. */
    public static String keyName(String key) {
        return key == null ? "" : key;
    }
}
