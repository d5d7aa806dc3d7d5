package sdlab.coord.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.EventType;
import sdlab.coord.tree.Op;
import sdlab.coord.tree.OpResult;
import sdlab.coord.tree.Reply;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.wire.ServerResponse.MultiResult;

/**
 * Between the wire's records and {@code sdlab.coord.tree}'s: write requests to the tree's
 * {@link Op}s, the tree's {@link OpResult}s to responses, watch events to notifications, and the
 * numbers the wire carries to {@link Code}s and {@link EventType}s. Stat needs no mapping: the
 * tree's {@link sdlab.coord.tree.Stat} has Jute's fields in Jute's order.
 */
public final class TreeMapping {
    private TreeMapping() {}

    /** The code with this number, if ZooKeeper 3.9 defines it. */
    public static Optional<Code> code(int value) {
        for (Code code : Code.values()) {
            if (code.value() == value) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** The event type with this number, if it is one of the four node events. */
    public static Optional<EventType> eventType(int value) {
        for (EventType type : EventType.values()) {
            if (type.value() == value) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The tree's operation for a write request (create of any kind, delete, setData, check, multi),
     * or BADARGUMENTS for an unknown create flag, a TTL mode without a TTL request (or the
     * reverse), or a request that is not a write.
     */
    public static Reply<Op> toOp(ClientRequest request) {
        return switch (request) {
            case ClientRequest.Create r ->
                createMode(r.flags(), false)
                        .map(mode -> Reply.<Op>ok(new Op.Create(r.path(), r.data(), mode)))
                        .orElseGet(() -> Reply.failed(Code.BADARGUMENTS));
            case ClientRequest.CreateTtl r ->
                createMode(r.flags(), true)
                        .map(mode -> Reply.<Op>ok(new Op.Create(r.path(), r.data(), mode, r.ttlMs())))
                        .orElseGet(() -> Reply.failed(Code.BADARGUMENTS));
            case ClientRequest.Delete r -> Reply.ok(new Op.Delete(r.path(), r.version()));
            case ClientRequest.SetData r -> Reply.ok(new Op.SetData(r.path(), r.data(), r.version()));
            case ClientRequest.Check r -> Reply.ok(new Op.Check(r.path(), r.version()));
            case ClientRequest.Multi r when r.opCode() == OpCode.MULTI -> toMulti(r.ops());
            default -> Reply.failed(Code.BADARGUMENTS);
        };
    }

    private static Reply<Op> toMulti(List<ClientRequest.InMulti> ops) {
        List<Op.InMulti> treeOps = new ArrayList<>(ops.size());
        for (ClientRequest.InMulti op : ops) {
            Reply<Op> treeOp = toOp(op);
            if (!(treeOp instanceof Reply.Ok<Op> ok && ok.value() instanceof Op.InMulti inMulti)) {
                return Reply.failed(treeOp.code() == Code.OK ? Code.BADARGUMENTS : treeOp.code());
            }
            treeOps.add(inMulti);
        }
        return Reply.ok(new Op.Multi(treeOps));
    }

    private static Optional<CreateMode> createMode(int flags, boolean ttlRequest) {
        for (CreateMode mode : CreateMode.values()) {
            if (mode.flag() == flags) {
                return mode.isTtl() == ttlRequest ? Optional.of(mode) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The reply's record for a write's result: for create the path, for create2, createContainer
     * and createTTL the path and Stat, for setData the Stat, for a multi one result per operation
     * (a create reported as {@code request}'s operation asked: path alone for create), and nothing
     * after an error or for delete and check. The reply header carries {@link OpResult#code()}.
     */
    public static ServerResponse toResponse(ClientRequest request, OpResult result) {
        if (result.code() != Code.OK && !(result instanceof OpResult.Multi)) {
            return new ServerResponse.Empty();
        }
        return switch (result) {
            case OpResult.Created r ->
                request.opCode() == OpCode.CREATE
                        ? new ServerResponse.Create(r.path())
                        : new ServerResponse.Create2(r.path(), r.stat());
            case OpResult.DataSet r -> new ServerResponse.SetData(r.stat());
            case OpResult.Multi r -> new ServerResponse.Multi(toMultiResults((ClientRequest.Multi) request, r));
            case OpResult.Deleted r -> new ServerResponse.Empty();
            case OpResult.Checked r -> new ServerResponse.Empty();
            case OpResult.SessionClosed r -> new ServerResponse.Empty();
            case OpResult.Error r -> new ServerResponse.Empty();
        };
    }

    private static List<MultiResult> toMultiResults(ClientRequest.Multi request, OpResult.Multi multi) {
        List<MultiResult> results = new ArrayList<>(multi.results().size());
        for (int i = 0; i < multi.results().size(); i++) {
            OpCode asked = request.ops().get(i).opCode();
            results.add(
                    switch (multi.results().get(i)) {
                        case OpResult.Created r ->
                            asked == OpCode.CREATE
                                    ? new MultiResult.Created(r.path())
                                    : new MultiResult.Created2(r.path(), r.stat());
                        case OpResult.DataSet r -> new MultiResult.DataSet(r.stat());
                        case OpResult.Deleted r -> new MultiResult.Deleted();
                        case OpResult.Checked r -> new MultiResult.Checked();
                        case OpResult.Error r -> new MultiResult.Error(r.code().value());
                        case OpResult.Multi r -> throw new IllegalStateException("a multi inside a multi");
                        case OpResult.SessionClosed r -> throw new IllegalStateException("a close inside a multi");
                    });
        }
        return results;
    }

    /** A fired watch as ZooKeeper's server sends it: header xid -1 with the event's zxid, then the WatcherEvent. */
    public static Packets.Reply toNotification(WatchEvent event) {
        return new Packets.Reply(
                new ReplyHeader(ReplyHeader.NOTIFICATION_XID, event.zxid(), Code.OK.value()),
                new ServerResponse.WatcherEvent(
                        event.type().value(), ServerResponse.WatcherEvent.STATE_SYNC_CONNECTED, event.path()));
    }
}
