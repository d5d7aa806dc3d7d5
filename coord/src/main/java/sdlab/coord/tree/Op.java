package sdlab.coord.tree;

import java.util.List;
import java.util.Objects;

/**
 * The write operations the tree applies, one per transaction, as ZooKeeper's transaction types:
 * the four that may appear inside a multi ({@link InMulti}), the multi itself, a session's
 * close (or expiry: the leader decides it, the tree only applies it) and the server's own
 * removal of an expired container or TTL node.
 */
public sealed interface Op {

    /** Operations that a {@link Multi} may hold, as ZooKeeper's multi allows. */
    sealed interface InMulti extends Op {
        String path();
    }

    /** Version argument meaning "whatever the node's version is". */
    int ANY_VERSION = -1;

    /** No TTL: the value ZooKeeper's create takes for modes other than the TTL ones. */
    long NO_TTL = -1;

    /**
     * Creates a node. For a sequential mode {@code path} is the prefix and the parent's child
     * counter is appended as {@code %010d}; {@code ttlMs} is only for the TTL modes.
     */
    record Create(String path, byte[] data, CreateMode mode, long ttlMs) implements InMulti {
        public Create {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(mode, "mode");
        }

        public Create(String path, byte[] data, CreateMode mode) {
            this(path, data, mode, NO_TTL);
        }
    }

    /** Deletes a childless node whose version is {@code version} (or any, with -1). */
    record Delete(String path, int version) implements InMulti {
        public Delete {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Replaces a node's data if its version is {@code version} (or any, with -1). */
    record SetData(String path, byte[] data, int version) implements InMulti {
        public SetData {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Changes nothing; fails unless the node exists with version {@code version} (or any, with -1). */
    record Check(String path, int version) implements InMulti {
        public Check {
            Objects.requireNonNull(path, "path");
        }
    }

    /** All of {@code ops} in order, or none of them. */
    record Multi(List<InMulti> ops) implements Op {
        public Multi {
            ops = List.copyOf(ops);
        }
    }

    /** Closes (or expires) the transaction's session: its ephemeral nodes go, in one zxid. */
    record CloseSession() implements Op {}

    /** The server's removal of a container or TTL node that {@link ZNodeTree#containersToDelete} named. */
    record DeleteContainer(String path) implements Op {
        public DeleteContainer {
            Objects.requireNonNull(path, "path");
        }
    }
}
