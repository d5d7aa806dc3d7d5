package sdlab.coord.tree;

import java.util.Objects;

/**
 * One transaction as the leader ordered it: its zxid (strictly greater than every earlier one),
 * the leader's time for it, the session that asked (the owner of any ephemeral it creates, the
 * session that a {@link Op.CloseSession} closes) and the operation. The tree reads no clock:
 * ctime, mtime and TTL expiry come from {@code timeMs}.
 */
public record Txn(long zxid, long timeMs, long session, Op op) {
    public Txn {
        Objects.requireNonNull(op, "op");
    }
}
