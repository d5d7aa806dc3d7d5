package sdlab.coord.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Client requests to and from Jute: the record after a {@link RequestHeader}, chosen by the
 * header's type, laid out as {@code zookeeper.jute} declares it (multi as {@code
 * MultiOperationRecord} frames it).
 */
final class RequestCodec {
    private RequestCodec() {}

    static ClientRequest read(int type, JuteReader in) throws WireException {
        Optional<OpCode> known = OpCode.of(type);
        if (known.isEmpty()) {
            return new ClientRequest.Unsupported(type);
        }
        OpCode op = known.get();
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL, DELETE, SET_DATA, CHECK, GET_DATA, GET_CHILDREN ->
                readInMulti(op, in);
            case EXISTS ->
                new ClientRequest.Exists(in.readString("ExistsRequest.path"), in.readBool("ExistsRequest.watch"));
            case GET_CHILDREN2 ->
                new ClientRequest.GetChildren(
                        op, in.readString("GetChildren2Request.path"), in.readBool("GetChildren2Request.watch"));
            case MULTI, MULTI_READ -> readMulti(op, in);
            case SYNC -> new ClientRequest.Sync(in.readString("SyncRequest.path"));
            case PING -> new ClientRequest.Ping();
            case CLOSE_SESSION -> new ClientRequest.CloseSession();
            case WHO_AM_I -> new ClientRequest.WhoAmI();
            case SET_WATCHES, SET_WATCHES2 -> readSetWatches(op, in);
            case ADD_WATCH ->
                new ClientRequest.AddWatch(in.readString("AddWatchRequest.path"), in.readInt("AddWatchRequest.mode"));
            case REMOVE_WATCHES, CHECK_WATCHES ->
                new ClientRequest.RemoveWatches(
                        op, in.readString("RemoveWatchesRequest.path"), in.readInt("RemoveWatchesRequest.type"));
            case GET_EPHEMERALS -> new ClientRequest.GetEphemerals(in.readString("GetEphemeralsRequest.prefixPath"));
            case GET_ALL_CHILDREN_NUMBER ->
                new ClientRequest.GetAllChildrenNumber(in.readString("GetAllChildrenNumberRequest.path"));
            case GET_ACL -> new ClientRequest.GetAcl(in.readString("GetACLRequest.path"));
            case SET_ACL ->
                new ClientRequest.SetAcl(
                        in.readString("SetACLRequest.path"),
                        Jute.readAcls(in, "SetACLRequest.acl"),
                        in.readInt("SetACLRequest.version"));
            case AUTH ->
                new ClientRequest.Auth(
                        in.readInt("AuthPacket.type"),
                        in.readString("AuthPacket.scheme"),
                        in.readBuffer("AuthPacket.auth"));
            case NOTIFICATION, RECONFIG, SASL, DELETE_CONTAINER, CREATE_SESSION, ERROR ->
                new ClientRequest.Unsupported(type);
        };
    }

    /** The records a multi may frame, by the op code of their MultiHeader (or request header). */
    private static ClientRequest.InMulti readInMulti(OpCode op, JuteReader in) throws WireException {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER ->
                new ClientRequest.Create(
                        op,
                        in.readString("CreateRequest.path"),
                        in.readBuffer("CreateRequest.data"),
                        Jute.readAcls(in, "CreateRequest.acl"),
                        in.readInt("CreateRequest.flags"));
            case CREATE_TTL ->
                new ClientRequest.CreateTtl(
                        in.readString("CreateTTLRequest.path"),
                        in.readBuffer("CreateTTLRequest.data"),
                        Jute.readAcls(in, "CreateTTLRequest.acl"),
                        in.readInt("CreateTTLRequest.flags"),
                        in.readLong("CreateTTLRequest.ttl"));
            case DELETE ->
                new ClientRequest.Delete(in.readString("DeleteRequest.path"), in.readInt("DeleteRequest.version"));
            case SET_DATA ->
                new ClientRequest.SetData(
                        in.readString("SetDataRequest.path"),
                        in.readBuffer("SetDataRequest.data"),
                        in.readInt("SetDataRequest.version"));
            case CHECK ->
                new ClientRequest.Check(
                        in.readString("CheckVersionRequest.path"), in.readInt("CheckVersionRequest.version"));
            case GET_DATA ->
                new ClientRequest.GetData(in.readString("GetDataRequest.path"), in.readBool("GetDataRequest.watch"));
            case GET_CHILDREN ->
                new ClientRequest.GetChildren(
                        op, in.readString("GetChildrenRequest.path"), in.readBool("GetChildrenRequest.watch"));
            default -> throw new IllegalStateException("not a multi operation: " + op);
        };
    }

    /**
     * MultiHeaders (type, done, err), each but the last followed by its operation's record; the
     * last has done = true. Like ZooKeeper, refuses an operation type a multi cannot hold and a
     * mix of reads and writes; each operation takes bytes, so the packet's bound bounds the loop.
     */
    private static ClientRequest.Multi readMulti(OpCode op, JuteReader in) throws WireException {
        List<ClientRequest.InMulti> ops = new ArrayList<>();
        while (true) {
            int headerOffset = in.offset();
            int type = in.readInt("MultiHeader.type");
            boolean done = in.readBool("MultiHeader.done");
            in.readInt("MultiHeader.err");
            if (done) {
                return new ClientRequest.Multi(op, ops);
            }
            OpCode opType = OpCode.of(type)
                    .filter(RequestCodec::mayBeInMulti)
                    .orElseThrow(() -> new WireException(
                            "multi: operation type " + type + " cannot be part of a multi", headerOffset));
            ClientRequest.InMulti inMulti = readInMulti(opType, in);
            if (ClientRequest.Multi.isRead(inMulti) != (op == OpCode.MULTI_READ)) {
                throw new WireException("multi: " + opType + " cannot be part of a " + op, headerOffset);
            }
            ops.add(inMulti);
        }
    }

    private static boolean mayBeInMulti(OpCode op) {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL, DELETE, SET_DATA, CHECK, GET_DATA, GET_CHILDREN -> true;
            default -> false;
        };
    }

    private static ClientRequest.SetWatches readSetWatches(OpCode op, JuteReader in) throws WireException {
        String record = op == OpCode.SET_WATCHES ? "SetWatches." : "SetWatches2.";
        long relativeZxid = in.readLong(record + "relativeZxid");
        List<String> data = Jute.readStrings(in, record + "dataWatches");
        List<String> exist = Jute.readStrings(in, record + "existWatches");
        List<String> child = Jute.readStrings(in, record + "childWatches");
        if (op == OpCode.SET_WATCHES) {
            return new ClientRequest.SetWatches(op, relativeZxid, data, exist, child, null, null);
        }
        List<String> persistent = Jute.readStrings(in, record + "persistentWatches");
        List<String> recursive = Jute.readStrings(in, record + "persistentRecursiveWatches");
        return new ClientRequest.SetWatches(op, relativeZxid, data, exist, child, persistent, recursive);
    }

    static void write(JuteWriter out, ClientRequest request) {
        switch (request) {
            case ClientRequest.InMulti op -> writeInMulti(out, op);
            case ClientRequest.Exists r -> out.writeString(r.path()).writeBool(r.watch());
            case ClientRequest.Multi r -> writeMulti(out, r);
            case ClientRequest.Sync r -> out.writeString(r.path());
            case ClientRequest.Ping r -> {}
            case ClientRequest.CloseSession r -> {}
            case ClientRequest.WhoAmI r -> {}
            case ClientRequest.SetWatches r -> writeSetWatches(out, r);
            case ClientRequest.AddWatch r -> out.writeString(r.path()).writeInt(r.mode());
            case ClientRequest.RemoveWatches r -> out.writeString(r.path()).writeInt(r.type());
            case ClientRequest.GetEphemerals r -> out.writeString(r.prefixPath());
            case ClientRequest.GetAllChildrenNumber r -> out.writeString(r.path());
            case ClientRequest.GetAcl r -> out.writeString(r.path());
            case ClientRequest.SetAcl r ->
                out.writeString(r.path()).writeVector(r.acl(), Jute::writeAcl).writeInt(r.version());
            case ClientRequest.Auth r ->
                out.writeInt(r.type()).writeString(r.scheme()).writeBuffer(r.auth());
            case ClientRequest.Unsupported r ->
                throw new IllegalArgumentException("no layout to encode request type " + r.type());
        }
    }

    private static void writeInMulti(JuteWriter out, ClientRequest.InMulti op) {
        switch (op) {
            case ClientRequest.Create r ->
                out.writeString(r.path())
                        .writeBuffer(r.data())
                        .writeVector(r.acl(), Jute::writeAcl)
                        .writeInt(r.flags());
            case ClientRequest.CreateTtl r ->
                out.writeString(r.path())
                        .writeBuffer(r.data())
                        .writeVector(r.acl(), Jute::writeAcl)
                        .writeInt(r.flags())
                        .writeLong(r.ttlMs());
            case ClientRequest.Delete r -> out.writeString(r.path()).writeInt(r.version());
            case ClientRequest.SetData r ->
                out.writeString(r.path()).writeBuffer(r.data()).writeInt(r.version());
            case ClientRequest.Check r -> out.writeString(r.path()).writeInt(r.version());
            case ClientRequest.GetData r -> out.writeString(r.path()).writeBool(r.watch());
            case ClientRequest.GetChildren r -> out.writeString(r.path()).writeBool(r.watch());
        }
    }

    private static void writeMulti(JuteWriter out, ClientRequest.Multi multi) {
        for (ClientRequest.InMulti op : multi.ops()) {
            writeMultiHeader(out, op.opCode().value(), false, -1);
            writeInMulti(out, op);
        }
        writeMultiHeader(out, -1, true, -1);
    }

    static void writeMultiHeader(JuteWriter out, int type, boolean done, int err) {
        out.writeInt(type).writeBool(done).writeInt(err);
    }

    private static void writeSetWatches(JuteWriter out, ClientRequest.SetWatches r) {
        out.writeLong(r.relativeZxid())
                .writeStrings(r.dataWatches())
                .writeStrings(r.existWatches())
                .writeStrings(r.childWatches());
        if (r.opCode() == OpCode.SET_WATCHES2) {
            out.writeStrings(r.persistentWatches()).writeStrings(r.persistentRecursiveWatches());
        }
    }
}
