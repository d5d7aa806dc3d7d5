package sdlab.coord.tree;

import java.util.TreeSet;

/**
 * One znode as the tree stores it: mutable, owned by {@link Nodes}, never handed out (reads
 * get a {@link Stat} and a copy of the data). Its fields are ZooKeeper's {@code StatPersisted};
 * {@code childCreates} is what ZooKeeper stores as the cversion (creates only: it numbers
 * sequential children) and reports as {@code 2 * creates - numChildren}.
 *
 * <p>{@code ephemeralOwner} encodes the node's kind as ZooKeeper's {@code EphemeralType} does:
 * 0 for a persistent node, {@code Long.MIN_VALUE} for a container, the top byte 0xFF with the
 * TTL in the low 40 bits for a TTL node, and the owning session's id for an ephemeral node.
 */
final class ZNode {

    static final long CONTAINER_OWNER = Long.MIN_VALUE;
    static final long TTL_MASK = 0xFF00_0000_0000_0000L;
    static final long TTL_MAX_MS = 0x0000_00FF_FFFF_FFFFL;

    byte[] data;
    final long czxid;
    final long ctimeMs;
    long mzxid;
    long mtimeMs;
    int version;
    int childCreates;
    final long ephemeralOwner;
    long pzxid;
    final TreeSet<String> children;

    ZNode(byte[] data, long zxid, long timeMs, long ephemeralOwner) {
        this(data, zxid, timeMs, zxid, timeMs, 0, 0, ephemeralOwner, zxid, new TreeSet<>());
    }

    ZNode(
            byte[] data,
            long czxid,
            long ctimeMs,
            long mzxid,
            long mtimeMs,
            int version,
            int childCreates,
            long ephemeralOwner,
            long pzxid,
            TreeSet<String> children) {
        this.data = data;
        this.czxid = czxid;
        this.ctimeMs = ctimeMs;
        this.mzxid = mzxid;
        this.mtimeMs = mtimeMs;
        this.version = version;
        this.childCreates = childCreates;
        this.ephemeralOwner = ephemeralOwner;
        this.pzxid = pzxid;
        this.children = children;
    }

    static long ttlOwner(long ttlMs) {
        assert ttlMs > 0 && ttlMs <= TTL_MAX_MS : ttlMs;
        return TTL_MASK | ttlMs;
    }

    /** A copy that shares nothing mutable except the data array, which is never changed in place. */
    ZNode copy() {
        return new ZNode(
                data,
                czxid,
                ctimeMs,
                mzxid,
                mtimeMs,
                version,
                childCreates,
                ephemeralOwner,
                pzxid,
                new TreeSet<>(children));
    }

    boolean isContainer() {
        return ephemeralOwner == CONTAINER_OWNER;
    }

    boolean isTtl() {
        return !isContainer() && (ephemeralOwner & TTL_MASK) == TTL_MASK;
    }

    /** Whether this is an ephemeral node owned by a session (ZooKeeper's EphemeralType.NORMAL). */
    boolean isEphemeral() {
        return ephemeralOwner != 0 && !isContainer() && !isTtl();
    }

    long ttlMs() {
        assert isTtl();
        return ephemeralOwner & TTL_MAX_MS;
    }

    /** The cversion clients see: every child create and every child delete counted once. */
    int cversion() {
        return childCreates * 2 - children.size();
    }

    Stat stat() {
        return new Stat(
                czxid,
                mzxid,
                ctimeMs,
                mtimeMs,
                version,
                cversion(),
                0,
                isEphemeral() ? ephemeralOwner : 0,
                data == null ? 0 : data.length,
                children.size(),
                pzxid);
    }
}
