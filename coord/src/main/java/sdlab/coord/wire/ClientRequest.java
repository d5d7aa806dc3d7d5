package sdlab.coord.wire;

import java.util.List;
import java.util.Optional;
import sdlab.coord.tree.CreateMode;

/**
 * The requests a ZooKeeper client sends after its {@link ConnectRequest}, decoded, one record per
 * Jute request record, for a server to switch over. Each knows its {@link OpCode}, which selects
 * the layout (a layout shared by several op codes keeps the op code as a field). Strings, buffers
 * and lists are null where Jute sent -1, as ZooKeeper's own records are.
 */
public sealed interface ClientRequest {

    OpCode opCode();

    /** A request that may appear inside a {@code multi} (writes) or {@code multiRead} (reads). */
    sealed interface InMulti extends ClientRequest {}

    /**
     * {@code CreateRequest}: for create (the reply has the path), create2 and createContainer (the
     * reply has the path and the Stat). {@code flags} is the raw {@link CreateMode} flag: an unknown
     * one is the server's BADARGUMENTS to give, not a malformed packet.
     */
    record Create(OpCode opCode, String path, byte[] data, List<Acl> acl, int flags) implements InMulti {
        @Override
        public String toString() {
            return "Create[opCode=" + opCode + ", path=" + path + ", data=" + Jute.show(data) + ", acl=" + acl
                    + ", flags=" + flags + "]";
        }

        public Create {
            if (opCode != OpCode.CREATE && opCode != OpCode.CREATE2 && opCode != OpCode.CREATE_CONTAINER) {
                throw new IllegalArgumentException("not a CreateRequest op code: " + opCode);
            }
            acl = Jute.copyOf(acl);
        }

        public Optional<CreateMode> createMode() {
            return createModeOf(flags);
        }
    }

    /** {@code CreateTTLRequest}: a create with a TTL in milliseconds. */
    record CreateTtl(String path, byte[] data, List<Acl> acl, int flags, long ttlMs) implements InMulti {
        @Override
        public String toString() {
            return "CreateTtl[path=" + path + ", data=" + Jute.show(data) + ", acl=" + acl + ", flags=" + flags
                    + ", ttlMs=" + ttlMs + "]";
        }

        public CreateTtl {
            acl = Jute.copyOf(acl);
        }

        public OpCode opCode() {
            return OpCode.CREATE_TTL;
        }

        public Optional<CreateMode> createMode() {
            return createModeOf(flags);
        }
    }

    /** {@code DeleteRequest}; version -1 matches any. */
    record Delete(String path, int version) implements InMulti {
        public OpCode opCode() {
            return OpCode.DELETE;
        }
    }

    /** {@code SetDataRequest}; version -1 matches any. */
    record SetData(String path, byte[] data, int version) implements InMulti {
        @Override
        public String toString() {
            return "SetData[path=" + path + ", data=" + Jute.show(data) + ", version=" + version + "]";
        }

        public OpCode opCode() {
            return OpCode.SET_DATA;
        }
    }

    /** {@code CheckVersionRequest}: in a multi, fails unless the node has this version. */
    record Check(String path, int version) implements InMulti {
        public OpCode opCode() {
            return OpCode.CHECK;
        }
    }

    /** {@code ExistsRequest}; {@code watch} sets a data watch (an exist watch if the node is absent). */
    record Exists(String path, boolean watch) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.EXISTS;
        }
    }

    /** {@code GetDataRequest}; also the layout of a getData inside a multiRead (watch false). */
    record GetData(String path, boolean watch) implements InMulti {
        public OpCode opCode() {
            return OpCode.GET_DATA;
        }
    }

    /**
     * {@code GetChildrenRequest} (getChildren, whose reply is the names) or {@code
     * GetChildren2Request} (getChildren2, whose reply adds the parent's Stat): the same layout.
     */
    record GetChildren(OpCode opCode, String path, boolean watch) implements InMulti {
        public GetChildren {
            if (opCode != OpCode.GET_CHILDREN && opCode != OpCode.GET_CHILDREN2) {
                throw new IllegalArgumentException("not a GetChildrenRequest op code: " + opCode);
            }
        }
    }

    /**
     * A MultiHeader-framed list of operations: writes for {@code multi} (all or nothing), reads
     * for {@code multiRead}, as {@code MultiOperationRecord} frames them.
     */
    record Multi(OpCode opCode, List<InMulti> ops) implements ClientRequest {
        public Multi {
            if (opCode != OpCode.MULTI && opCode != OpCode.MULTI_READ) {
                throw new IllegalArgumentException("not a multi op code: " + opCode);
            }
            ops = List.copyOf(ops);
            for (InMulti op : ops) {
                // getChildren2 has no place in a multiRead: MultiOperationRecord frames only getChildren.
                if (isRead(op) != (opCode == OpCode.MULTI_READ) || op.opCode() == OpCode.GET_CHILDREN2) {
                    throw new IllegalArgumentException(op.opCode() + " cannot be part of a " + opCode);
                }
            }
        }

        /** Whether a multi operation is a read (getChildren, getData): multiRead holds only those. */
        static boolean isRead(InMulti op) {
            return switch (op) {
                case GetChildren children -> true;
                case GetData data -> true;
                case Create create -> false;
                case CreateTtl create -> false;
                case Delete delete -> false;
                case SetData setData -> false;
                case Check check -> false;
            };
        }
    }

    /** {@code SyncRequest}: the reply comes once this server has caught up with the leader. */
    record Sync(String path) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.SYNC;
        }
    }

    /** A ping (xid -2): only the header, no record. */
    record Ping() implements ClientRequest {
        public OpCode opCode() {
            return OpCode.PING;
        }
    }

    /** closeSession: only the header, no record. */
    record CloseSession() implements ClientRequest {
        public OpCode opCode() {
            return OpCode.CLOSE_SESSION;
        }
    }

    /** whoAmI: only the header, no record. */
    record WhoAmI() implements ClientRequest {
        public OpCode opCode() {
            return OpCode.WHO_AM_I;
        }
    }

    /**
     * {@code SetWatches} (setWatches, 101) or {@code SetWatches2} (setWatches2, 105, which adds the
     * persistent and recursive watches): the watches a reconnecting client had, to be re-set and
     * fired for anything that changed after {@code relativeZxid}. The two persistent lists are
     * null for setWatches.
     */
    record SetWatches(
            OpCode opCode,
            long relativeZxid,
            List<String> dataWatches,
            List<String> existWatches,
            List<String> childWatches,
            List<String> persistentWatches,
            List<String> persistentRecursiveWatches)
            implements ClientRequest {
        public SetWatches {
            if (opCode != OpCode.SET_WATCHES && opCode != OpCode.SET_WATCHES2) {
                throw new IllegalArgumentException("not a SetWatches op code: " + opCode);
            }
            dataWatches = Jute.copyOf(dataWatches);
            existWatches = Jute.copyOf(existWatches);
            childWatches = Jute.copyOf(childWatches);
            persistentWatches = Jute.copyOf(persistentWatches);
            persistentRecursiveWatches = Jute.copyOf(persistentRecursiveWatches);
        }
    }

    /** {@code AddWatchRequest}; mode is {@link sdlab.coord.tree.AddWatchMode#value()}. */
    record AddWatch(String path, int mode) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.ADD_WATCH;
        }
    }

    /**
     * {@code RemoveWatchesRequest} (removeWatches) or {@code CheckWatchesRequest} (checkWatches):
     * the same layout; type is {@link sdlab.coord.tree.WatcherType#value()}.
     */
    record RemoveWatches(OpCode opCode, String path, int type) implements ClientRequest {
        public RemoveWatches {
            if (opCode != OpCode.REMOVE_WATCHES && opCode != OpCode.CHECK_WATCHES) {
                throw new IllegalArgumentException("not a RemoveWatchesRequest op code: " + opCode);
            }
        }
    }

    /** {@code GetEphemeralsRequest}: the session's ephemeral nodes under a path prefix. */
    record GetEphemerals(String prefixPath) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.GET_EPHEMERALS;
        }
    }

    /** {@code GetAllChildrenNumberRequest}: the number of descendants of a node. */
    record GetAllChildrenNumber(String path) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.GET_ALL_CHILDREN_NUMBER;
        }
    }

    /** {@code GetACLRequest}. */
    record GetAcl(String path) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.GET_ACL;
        }
    }

    /** {@code SetACLRequest}. */
    record SetAcl(String path, List<Acl> acl, int version) implements ClientRequest {
        public SetAcl {
            acl = Jute.copyOf(acl);
        }

        public OpCode opCode() {
            return OpCode.SET_ACL;
        }
    }

    /** {@code AuthPacket} (xid -4): addauth's scheme and credentials. */
    record Auth(int type, String scheme, byte[] auth) implements ClientRequest {
        @Override
        public String toString() {
            return "Auth[type=" + type + ", scheme=" + scheme + ", auth=" + Jute.show(auth) + "]";
        }

        public OpCode opCode() {
            return OpCode.AUTH;
        }
    }

    /**
     * A request type this codec does not decode (reconfig, sasl, deleteContainer, or a number
     * ZooKeeper 3.9 does not define): its header is known, its record is skipped, and the server
     * answers UNIMPLEMENTED.
     */
    record Unsupported(int type) implements ClientRequest {
        public OpCode opCode() {
            return OpCode.of(type).orElse(OpCode.ERROR);
        }
    }

    private static Optional<CreateMode> createModeOf(int flags) {
        for (CreateMode mode : CreateMode.values()) {
            if (mode.flag() == flags) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
