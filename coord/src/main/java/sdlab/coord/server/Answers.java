package sdlab.coord.server;

import java.util.List;
import java.util.function.Consumer;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.OpResult;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.Packets;
import sdlab.coord.wire.ReplyHeader;
import sdlab.coord.wire.ServerResponse;
import sdlab.coord.wire.TreeMapping;

/**
 * The replies a server sends, as ZooKeeper's {@code FinalRequestProcessor} shapes them: for a
 * request answered from the server's own copy (reads, watches, pings, and writes refused before
 * they reach the log), and for one whose log entry has applied.
 */
final class Answers {
    private Answers() {}

    /**
     * The answer from this server's state now, with its last zxid; {@code deliver} gets the watch
     * events that setWatches fires at once (for changes the client missed), before the reply.
     */
    static Packets.Reply local(
            Reads reads, long session, int xid, ClientRequest request, long zxid, Consumer<List<WatchEvent>> deliver) {
        Reads.Outcome outcome =
                switch (request) {
                    case ClientRequest.Multi r when r.opCode() != OpCode.MULTI -> reads.multiRead(session, r);
                    case ClientRequest.Exists r -> reads.exists(session, r);
                    case ClientRequest.GetData r -> reads.getData(session, r);
                    case ClientRequest.GetChildren r -> reads.getChildren(session, r);
                    case ClientRequest.GetAcl r -> reads.getAcl(r);
                    case ClientRequest.GetEphemerals r -> reads.getEphemerals(session, r);
                    case ClientRequest.GetAllChildrenNumber r -> reads.getAllChildrenNumber(r);
                    case ClientRequest.AddWatch r -> reads.addWatch(session, r);
                    case ClientRequest.RemoveWatches r -> reads.removeWatches(session, r);
                    case ClientRequest.SetWatches r -> {
                        deliver.accept(reads.setWatches(session, r));
                        yield Reads.Outcome.ok(new ServerResponse.Empty());
                    }
                    case ClientRequest.Ping r -> Reads.Outcome.ok(new ServerResponse.Empty());
                    // No ACL is ever checked; refusing credentials would make a client that calls
                    // addAuthInfo drop its session (AUTH_FAILED).
                    case ClientRequest.Auth r -> Reads.Outcome.ok(new ServerResponse.Empty());
                    // A write answered here is one that is invalid as it stands (a bad path, flags).
                    case ClientRequest.Create r ->
                        Reads.Outcome.failed(TreeMapping.toOp(r).code());
                    case ClientRequest.CreateTtl r ->
                        Reads.Outcome.failed(TreeMapping.toOp(r).code());
                    case ClientRequest.Delete r ->
                        Reads.Outcome.failed(TreeMapping.toOp(r).code());
                    case ClientRequest.SetData r ->
                        Reads.Outcome.failed(TreeMapping.toOp(r).code());
                    case ClientRequest.Check r ->
                        Reads.Outcome.failed(TreeMapping.toOp(r).code());
                    case ClientRequest.Multi r ->
                        Reads.Outcome.failed(TreeMapping.toOp(r).code());
                    default -> Reads.Outcome.failed(Code.UNIMPLEMENTED);
                };
        return reply(xid, outcome.code(), outcome.body(), zxid);
    }

    /** The answer to {@code request}, whose entry applied with {@code outcome}; its zxid is the entry's. */
    static Packets.Reply applied(int xid, ClientRequest request, ReplicatedTree.Outcome outcome) {
        long zxid = outcome.index();
        return switch (request) {
            case ClientRequest.Sync r -> reply(xid, Code.OK, new ServerResponse.Sync(r.path()), zxid);
            case ClientRequest.CloseSession r -> reply(xid, Code.OK, new ServerResponse.Empty(), zxid);
            default -> {
                OpResult result = outcome.result();
                ServerResponse body = TreeMapping.toResponse(request, result);
                // A failed multi carries its per-operation results with error 0 in the header, as ZooKeeper's does.
                Code code = result instanceof OpResult.Multi ? Code.OK : result.code();
                yield reply(xid, code, body, zxid);
            }
        };
    }

    private static Packets.Reply reply(int xid, Code code, ServerResponse body, long zxid) {
        return new Packets.Reply(new ReplyHeader(xid, zxid, code.value()), body);
    }
}
