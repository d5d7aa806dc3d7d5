package sdlab.coord.wire;

import java.util.List;
import sdlab.coord.tree.Stat;

/**
 * What follows a {@link ReplyHeader} whose error is 0, one record per Jute response record; an
 * error reply, and the reply to a request whose response has no fields (delete, setWatches,
 * closeSession, ping, ...), carries {@link Empty}. A watch notification is a {@link WatcherEvent}
 * after a header with xid -1.
 */
public sealed interface ServerResponse {

    /** No record after the header. */
    record Empty() implements ServerResponse {}

    /** {@code CreateResponse}: the created path (with any sequence suffix), for create. */
    record Create(String path) implements ServerResponse {}

    /** {@code Create2Response}: for create2, createContainer and createTTL. */
    record Create2(String path, Stat stat) implements ServerResponse {}

    /** {@code ExistsResponse}. */
    record Exists(Stat stat) implements ServerResponse {}

    /** {@code GetDataResponse}; data is null if the node has none. */
    record GetData(byte[] data, Stat stat) implements ServerResponse {
        @Override
        public String toString() {
            return "GetData[data=" + Jute.show(data) + ", stat=" + stat + "]";
        }
    }

    /** {@code SetDataResponse}. */
    record SetData(Stat stat) implements ServerResponse {}

    /** {@code GetChildrenResponse}. */
    record GetChildren(List<String> children) implements ServerResponse {
        public GetChildren {
            children = Jute.copyOf(children);
        }
    }

    /** {@code GetChildren2Response}: the children and the parent's Stat. */
    record GetChildren2(List<String> children, Stat stat) implements ServerResponse {
        public GetChildren2 {
            children = Jute.copyOf(children);
        }
    }

    /** {@code SyncResponse}. */
    record Sync(String path) implements ServerResponse {}

    /** {@code GetACLResponse}. */
    record GetAcl(List<Acl> acl, Stat stat) implements ServerResponse {
        public GetAcl {
            acl = Jute.copyOf(acl);
        }
    }

    /** {@code SetACLResponse}. */
    record SetAcl(Stat stat) implements ServerResponse {}

    /** {@code GetEphemeralsResponse}. */
    record GetEphemerals(List<String> ephemerals) implements ServerResponse {
        public GetEphemerals {
            ephemerals = Jute.copyOf(ephemerals);
        }
    }

    /**
     * {@code ErrorResponse}: an error code as a record, err 0, which ZooKeeper's server sends after
     * a successful addWatch and its client reads; without it the client fails to parse the reply and
     * drops the connection.
     */
    record ErrorResponse(int err) implements ServerResponse {}

    /** {@code GetAllChildrenNumberResponse}. */
    record GetAllChildrenNumber(int totalNumber) implements ServerResponse {}

    /** A multi's or multiRead's results, MultiHeader-framed as {@code MultiResponse} frames them. */
    record Multi(List<MultiResult> results) implements ServerResponse {
        public Multi {
            results = List.copyOf(results);
        }
    }

    /**
     * {@code WatcherEvent}: a watch fired. type is {@link sdlab.coord.tree.EventType#value()} (or -1,
     * None, for a session state change), state is the client's {@code KeeperState} (3,
     * SyncConnected, for every node event).
     */
    record WatcherEvent(int type, int state, String path) implements ServerResponse {
        /** {@code Watcher.Event.KeeperState.SyncConnected}. */
        public static final int STATE_SYNC_CONNECTED = 3;
    }

    /** One result inside a {@link Multi}, with the op code its MultiHeader carries. */
    sealed interface MultiResult {
        OpCode opCode();

        /** create: the path (CreateResponse). */
        record Created(String path) implements MultiResult {
            public OpCode opCode() {
                return OpCode.CREATE;
            }
        }

        /** create2: the path and Stat (Create2Response). */
        record Created2(String path, Stat stat) implements MultiResult {
            public OpCode opCode() {
                return OpCode.CREATE2;
            }
        }

        /** delete: no record. */
        record Deleted() implements MultiResult {
            public OpCode opCode() {
                return OpCode.DELETE;
            }
        }

        /** setData: the Stat (SetDataResponse). */
        record DataSet(Stat stat) implements MultiResult {
            public OpCode opCode() {
                return OpCode.SET_DATA;
            }
        }

        /** check: no record. */
        record Checked() implements MultiResult {
            public OpCode opCode() {
                return OpCode.CHECK;
            }
        }

        /** getChildren inside a multiRead (GetChildrenResponse). */
        record Children(List<String> children) implements MultiResult {
            public Children {
                children = Jute.copyOf(children);
            }

            public OpCode opCode() {
                return OpCode.GET_CHILDREN;
            }
        }

        /** getData inside a multiRead (GetDataResponse). */
        record Data(byte[] data, Stat stat) implements MultiResult {
            @Override
            public String toString() {
                return "Data[data=" + Jute.show(data) + ", stat=" + stat + "]";
            }

            public OpCode opCode() {
                return OpCode.GET_DATA;
            }
        }

        /** A failed (or rolled back) operation: its error code, in the header and an ErrorResponse. */
        record Error(int err) implements MultiResult {
            public OpCode opCode() {
                return OpCode.ERROR;
            }
        }
    }
}
