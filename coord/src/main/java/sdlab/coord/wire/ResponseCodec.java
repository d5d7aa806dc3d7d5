package sdlab.coord.wire;

import java.util.ArrayList;
import java.util.List;
import sdlab.coord.wire.ServerResponse.MultiResult;

/**
 * Server responses to and from Jute: the record after a {@link ReplyHeader} whose error is 0, laid
 * out as {@code zookeeper.jute} declares it (multi as {@code MultiResponse} frames it). A reply does
 * not name its record, so decoding needs the op code of the request it answers.
 */
final class ResponseCodec {
    private ResponseCodec() {}

    static void write(JuteWriter out, ServerResponse response) {
        switch (response) {
            case ServerResponse.Empty r -> {}
            case ServerResponse.Create r -> out.writeString(r.path());
            case ServerResponse.Create2 r -> Jute.writeStat(out.writeString(r.path()), r.stat());
            case ServerResponse.Exists r -> Jute.writeStat(out, r.stat());
            case ServerResponse.GetData r -> Jute.writeStat(out.writeBuffer(r.data()), r.stat());
            case ServerResponse.SetData r -> Jute.writeStat(out, r.stat());
            case ServerResponse.GetChildren r -> out.writeStrings(r.children());
            case ServerResponse.GetChildren2 r -> Jute.writeStat(out.writeStrings(r.children()), r.stat());
            case ServerResponse.Sync r -> out.writeString(r.path());
            case ServerResponse.GetAcl r -> Jute.writeStat(out.writeVector(r.acl(), Jute::writeAcl), r.stat());
            case ServerResponse.SetAcl r -> Jute.writeStat(out, r.stat());
            case ServerResponse.GetEphemerals r -> out.writeStrings(r.ephemerals());
            case ServerResponse.GetAllChildrenNumber r -> out.writeInt(r.totalNumber());
            case ServerResponse.ErrorResponse r -> out.writeInt(r.err());
            case ServerResponse.Multi r -> writeMulti(out, r.results());
            case ServerResponse.WatcherEvent r ->
                out.writeInt(r.type()).writeInt(r.state()).writeString(r.path());
        }
    }

    /** Each result after a MultiHeader (type, done = false, err: the error's code, else 0); then (-1, true, -1). */
    private static void writeMulti(JuteWriter out, List<MultiResult> results) {
        for (MultiResult result : results) {
            int err = result instanceof MultiResult.Error error ? error.err() : 0;
            RequestCodec.writeMultiHeader(out, result.opCode().value(), false, err);
            switch (result) {
                case MultiResult.Created r -> out.writeString(r.path());
                case MultiResult.Created2 r -> Jute.writeStat(out.writeString(r.path()), r.stat());
                case MultiResult.Deleted r -> {}
                case MultiResult.DataSet r -> Jute.writeStat(out, r.stat());
                case MultiResult.Checked r -> {}
                case MultiResult.Children r -> out.writeStrings(r.children());
                case MultiResult.Data r -> Jute.writeStat(out.writeBuffer(r.data()), r.stat());
                case MultiResult.Error r -> out.writeInt(r.err());
            }
        }
        RequestCodec.writeMultiHeader(out, -1, true, -1);
    }

    /** The response record that answers a successful request of type {@code op}. */
    static ServerResponse read(OpCode op, JuteReader in) throws WireException {
        return switch (op) {
            case CREATE -> new ServerResponse.Create(in.readString("CreateResponse.path"));
            case CREATE2, CREATE_CONTAINER, CREATE_TTL ->
                new ServerResponse.Create2(in.readString("Create2Response.path"), Jute.readStat(in));
            case EXISTS -> new ServerResponse.Exists(Jute.readStat(in));
            case GET_DATA -> new ServerResponse.GetData(in.readBuffer("GetDataResponse.data"), Jute.readStat(in));
            case SET_DATA -> new ServerResponse.SetData(Jute.readStat(in));
            case GET_CHILDREN -> new ServerResponse.GetChildren(Jute.readStrings(in, "GetChildrenResponse.children"));
            case GET_CHILDREN2 ->
                new ServerResponse.GetChildren2(
                        Jute.readStrings(in, "GetChildren2Response.children"), Jute.readStat(in));
            case SYNC -> new ServerResponse.Sync(in.readString("SyncResponse.path"));
            case GET_ACL -> new ServerResponse.GetAcl(Jute.readAcls(in, "GetACLResponse.acl"), Jute.readStat(in));
            case SET_ACL -> new ServerResponse.SetAcl(Jute.readStat(in));
            case GET_EPHEMERALS ->
                new ServerResponse.GetEphemerals(Jute.readStrings(in, "GetEphemeralsResponse.ephemerals"));
            case GET_ALL_CHILDREN_NUMBER ->
                new ServerResponse.GetAllChildrenNumber(in.readInt("GetAllChildrenNumberResponse.totalNumber"));
            case MULTI, MULTI_READ -> new ServerResponse.Multi(readMulti(in));
            case ADD_WATCH -> new ServerResponse.ErrorResponse(in.readInt("ErrorResponse.err"));
            default -> new ServerResponse.Empty();
        };
    }

    static ServerResponse.WatcherEvent readWatcherEvent(JuteReader in) throws WireException {
        return new ServerResponse.WatcherEvent(
                in.readInt("WatcherEvent.type"), in.readInt("WatcherEvent.state"), in.readString("WatcherEvent.path"));
    }

    private static List<MultiResult> readMulti(JuteReader in) throws WireException {
        List<MultiResult> results = new ArrayList<>();
        while (true) {
            int headerOffset = in.offset();
            int type = in.readInt("MultiHeader.type");
            boolean done = in.readBool("MultiHeader.done");
            in.readInt("MultiHeader.err");
            if (done) {
                return results;
            }
            results.add(readMultiResult(type, headerOffset, in));
        }
    }

    private static MultiResult readMultiResult(int type, int headerOffset, JuteReader in) throws WireException {
        OpCode op = OpCode.of(type)
                .orElseThrow(() -> new WireException("multi response: invalid result type " + type, headerOffset));
        return switch (op) {
            case CREATE -> new MultiResult.Created(in.readString("CreateResponse.path"));
            case CREATE2 -> new MultiResult.Created2(in.readString("Create2Response.path"), Jute.readStat(in));
            case DELETE -> new MultiResult.Deleted();
            case SET_DATA -> new MultiResult.DataSet(Jute.readStat(in));
            case CHECK -> new MultiResult.Checked();
            case GET_CHILDREN -> new MultiResult.Children(Jute.readStrings(in, "GetChildrenResponse.children"));
            case GET_DATA -> new MultiResult.Data(in.readBuffer("GetDataResponse.data"), Jute.readStat(in));
            case ERROR -> new MultiResult.Error(in.readInt("ErrorResponse.err"));
            default -> throw new WireException("multi response: invalid result type " + type, headerOffset);
        };
    }
}
