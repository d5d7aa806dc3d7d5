package sdlab.coord.server;

import java.util.ArrayList;
import java.util.List;
import sdlab.coord.tree.AddWatchMode;
import sdlab.coord.tree.ChildList;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.EventType;
import sdlab.coord.tree.NodeData;
import sdlab.coord.tree.Reply;
import sdlab.coord.tree.Stat;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.tree.WatcherType;
import sdlab.coord.tree.ZNodeTree;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.ServerResponse;
import sdlab.coord.wire.ServerResponse.MultiResult;

/**
 * The requests answered from the tree without a transaction: reads (which may set watches for
 * the asking session), watch management and the re-setting of watches after a reconnect.
 */
final class Reads {
    /** A read's outcome: ZooKeeper's code and, when it is OK, the response record. */
    record Outcome(Code code, ServerResponse body) {
        static Outcome failed(Code code) {
            return new Outcome(code, new ServerResponse.Empty());
        }

        static Outcome ok(ServerResponse body) {
            return new Outcome(Code.OK, body);
        }
    }

    private final ZNodeTree tree;

    Reads(ZNodeTree tree) {
        this.tree = tree;
    }

    Outcome exists(long session, ClientRequest.Exists r) {
        Reply<Stat> reply = r.watch() ? tree.exists(r.path(), session) : tree.exists(r.path());
        return outcome(reply, ServerResponse.Exists::new);
    }

    Outcome getData(long session, ClientRequest.GetData r) {
        Reply<NodeData> reply = r.watch() ? tree.getData(r.path(), session) : tree.getData(r.path());
        return outcome(reply, data -> new ServerResponse.GetData(data.data(), data.stat()));
    }

    Outcome getChildren(long session, ClientRequest.GetChildren r) {
        Reply<ChildList> reply = r.watch() ? tree.getChildren2(r.path(), session) : tree.getChildren2(r.path());
        return r.opCode() == OpCode.GET_CHILDREN
                ? outcome(reply, list -> new ServerResponse.GetChildren(list.names()))
                : outcome(reply, list -> new ServerResponse.GetChildren2(list.names(), list.stat()));
    }

    /** multiRead: every read answered on its own, a failed one as its error, as ZooKeeper does. */
    Outcome multiRead(long session, ClientRequest.Multi r) {
        List<MultiResult> results = new ArrayList<>(r.ops().size());
        for (ClientRequest.InMulti op : r.ops()) {
            Outcome one =
                    switch (op) {
                        case ClientRequest.GetData read -> getData(session, read);
                        case ClientRequest.GetChildren read -> getChildren(session, read);
                        default -> throw new IllegalArgumentException("not a read: " + op.opCode());
                    };
            results.add(
                    switch (one.body()) {
                        case ServerResponse.GetData data -> new MultiResult.Data(data.data(), data.stat());
                        case ServerResponse.GetChildren list -> new MultiResult.Children(list.children());
                        default -> new MultiResult.Error(one.code().value());
                    });
        }
        return Outcome.ok(new ServerResponse.Multi(results));
    }

    Outcome getAcl(ClientRequest.GetAcl r) {
        return outcome(tree.exists(r.path()), stat -> new ServerResponse.GetAcl(List.of(Acl.OPEN_UNSAFE), stat));
    }

    Outcome getEphemerals(long session, ClientRequest.GetEphemerals r) {
        return Outcome.ok(new ServerResponse.GetEphemerals(tree.getEphemerals(session, r.prefixPath())));
    }

    Outcome getAllChildrenNumber(ClientRequest.GetAllChildrenNumber r) {
        return outcome(tree.getAllChildrenNumber(r.path()), ServerResponse.GetAllChildrenNumber::new);
    }

    Outcome addWatch(long session, ClientRequest.AddWatch r) {
        for (AddWatchMode mode : AddWatchMode.values()) {
            if (mode.value() == r.mode()) {
                Code code = tree.addWatch(session, r.path(), mode);
                // ZooKeeper answers a successful addWatch with an ErrorResponse record (err 0).
                return code == Code.OK
                        ? Outcome.ok(new ServerResponse.ErrorResponse(Code.OK.value()))
                        : Outcome.failed(code);
            }
        }
        return Outcome.failed(Code.BADARGUMENTS);
    }

    /** removeWatches removes; checkWatches is answered UNIMPLEMENTED, as the tree cannot look without removing. */
    Outcome removeWatches(long session, ClientRequest.RemoveWatches r) {
        if (r.opCode() == OpCode.CHECK_WATCHES) {
            return Outcome.failed(Code.UNIMPLEMENTED);
        }
        for (WatcherType type : WatcherType.values()) {
            if (type.value() == r.type()) {
                return Outcome.failed(tree.removeWatches(session, r.path(), type));
            }
        }
        return Outcome.failed(Code.BADARGUMENTS);
    }

    /**
     * setWatches after a reconnect, as ZooKeeper's {@code DataTree.setWatches}: a watch whose node
     * changed after the client's last zxid fires at once (the client missed the change), the others
     * are set again.
     */
    List<WatchEvent> setWatches(long session, ClientRequest.SetWatches r) {
        long seen = r.relativeZxid();
        long zxid = tree.lastZxid();
        List<WatchEvent> events = new ArrayList<>();
        for (String path : orEmpty(r.dataWatches())) {
            Reply<Stat> stat = tree.exists(path);
            if (!(stat instanceof Reply.Ok<Stat> ok)) {
                events.add(new WatchEvent(session, EventType.NODE_DELETED, path, zxid));
            } else if (ok.value().mzxid() > seen) {
                events.add(new WatchEvent(session, EventType.NODE_DATA_CHANGED, path, zxid));
            } else {
                tree.getData(path, session);
            }
        }
        for (String path : orEmpty(r.existWatches())) {
            if (tree.exists(path) instanceof Reply.Ok<Stat>) {
                events.add(new WatchEvent(session, EventType.NODE_CREATED, path, zxid));
            } else {
                tree.exists(path, session);
            }
        }
        for (String path : orEmpty(r.childWatches())) {
            Reply<Stat> stat = tree.exists(path);
            if (!(stat instanceof Reply.Ok<Stat> ok)) {
                events.add(new WatchEvent(session, EventType.NODE_DELETED, path, zxid));
            } else if (ok.value().pzxid() > seen) {
                events.add(new WatchEvent(session, EventType.NODE_CHILDREN_CHANGED, path, zxid));
            } else {
                tree.getChildren(path, session);
            }
        }
        orEmpty(r.persistentWatches()).forEach(path -> tree.addWatch(session, path, AddWatchMode.PERSISTENT));
        orEmpty(r.persistentRecursiveWatches())
                .forEach(path -> tree.addWatch(session, path, AddWatchMode.PERSISTENT_RECURSIVE));
        return events;
    }

    /** Jute's null vector (-1), as setWatches sends for the persistent lists, is no watches. */
    private static List<String> orEmpty(List<String> paths) {
        return paths == null ? List.of() : paths;
    }

    private static <T> Outcome outcome(Reply<T> reply, java.util.function.Function<T, ServerResponse> body) {
        return switch (reply) {
            case Reply.Ok<T> ok -> Outcome.ok(body.apply(ok.value()));
            case Reply.Failed<T> failed -> Outcome.failed(failed.code());
        };
    }
}
