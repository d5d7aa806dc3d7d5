package sdlab.coord.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ZooKeeper's data tree as a deterministic state machine: the replicated part of a
 * coordination server, to which Raft will hand committed transactions in log order.
 *
 * <p>Writes come as {@link Txn}s that carry everything the leader decided: the zxid (each
 * strictly greater than the last; the tree refuses anything else, because a replica that
 * applied out of order would diverge), the time, and the session. {@link #apply} returns the
 * result and the {@link WatchEvent}s to deliver. A failed transaction still uses up its zxid, as
 * an error transaction does in ZooKeeper's log, and changes nothing else.
 *
 * <p>Reads answer from this replica's state; a read may set a watch for a session connected
 * to this server. Watches are this server's, not replicated, and not in {@link #encode}.
 *
 * <p>A new tree holds what a new ZooKeeper holds: the root and the system nodes {@code
 * /zookeeper}, {@code /zookeeper/quota} and {@code /zookeeper/config}, all with zero Stats
 * (so the root reports cversion -1: no creates, one child).
 */
public final class ZNodeTree {

    private final Nodes nodes;
    private final Transactions transactions;
    private final Watches watches = new Watches();
    private long lastZxid;

    public ZNodeTree() {
        this(systemNodes(), 0);
    }

    private ZNodeTree(Nodes nodes, long lastZxid) {
        this.nodes = nodes;
        this.transactions = new Transactions(nodes);
        this.lastZxid = lastZxid;
    }

    private static Nodes systemNodes() {
        Nodes nodes = new Nodes();
        for (String path : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
            nodes.add(path, new ZNode(new byte[0], 0, 0, 0));
            if (!PathRules.ROOT.equals(path)) {
                nodes.get(PathRules.parent(path)).children.add(PathRules.name(path));
            }
        }
        return nodes;
    }

    /** The zxid of the last transaction applied (0 for a new tree). */
    public long lastZxid() {
        return lastZxid;
    }

    /**
     * Applies the next transaction.
     *
     * @throws IllegalArgumentException if its zxid is not greater than {@link #lastZxid()}; the
     *     tree is unchanged
     */
    public Applied apply(Txn txn) {
        if (txn.zxid() <= lastZxid) {
            throw new IllegalArgumentException("zxid " + txn.zxid() + " is not after the last applied zxid " + lastZxid
                    + ": transactions must be applied once each, in log order");
        }
        lastZxid = txn.zxid();
        if (txn.op() instanceof Op.CloseSession) {
            // The closing session hears nothing more, not even about its own ephemerals.
            watches.removeSession(txn.session());
        }
        List<Transactions.Trigger> triggers = new ArrayList<>();
        OpResult result = transactions.execute(txn, txn.op(), triggers);
        List<WatchEvent> events = new ArrayList<>();
        for (Transactions.Trigger trigger : triggers) {
            switch (trigger.type()) {
                case NODE_CREATED -> watches.created(trigger.path(), txn.zxid(), events);
                case NODE_DELETED -> watches.deleted(trigger.path(), txn.zxid(), events);
                case NODE_DATA_CHANGED -> watches.dataChanged(trigger.path(), txn.zxid(), events);
                case NODE_CHILDREN_CHANGED -> throw new AssertionError("fired by creates and deletes");
            }
        }
        return new Applied(txn.zxid(), result, events);
    }

    /** getData: the data and Stat; BADARGUMENTS or NONODE. */
    public Reply<NodeData> getData(String path) {
        return getData(path, null);
    }

    /** getData with a one-shot data watch for {@code session}, set only if the node exists. */
    public Reply<NodeData> getData(String path, long session) {
        return getData(path, (Long) session);
    }

    private Reply<NodeData> getData(String path, Long watcher) {
        Reply<ZNode> found = find(path);
        if (found instanceof Reply.Ok<ZNode> ok) {
            if (watcher != null) {
                watches.addDataWatch(path, watcher);
            }
            return Reply.ok(
                    new NodeData(Transactions.copy(ok.value().data), ok.value().stat()));
        }
        return Reply.failed(found.code());
    }

    /** exists: the Stat; BADARGUMENTS or NONODE. */
    public Reply<Stat> exists(String path) {
        return find(path).map(ZNode::stat);
    }

    /**
     * exists with a one-shot data watch for {@code session}, set whether or not the node exists
     * (on a missing node it fires NodeCreated), as ZooKeeper's {@code statNode} does.
     */
    public Reply<Stat> exists(String path, long session) {
        if (PathRules.isValid(path)) {
            watches.addDataWatch(path, session);
        }
        return exists(path);
    }

    /** getChildren: names, sorted; BADARGUMENTS or NONODE. */
    public Reply<List<String>> getChildren(String path) {
        return getChildren2(path).map(ChildList::names);
    }

    /** getChildren with a one-shot child watch for {@code session}, set only if the node exists. */
    public Reply<List<String>> getChildren(String path, long session) {
        return getChildren2(path, session).map(ChildList::names);
    }

    /** getChildren2: names, sorted, and the parent's Stat. */
    public Reply<ChildList> getChildren2(String path) {
        return find(path).map(node -> new ChildList(new ArrayList<>(node.children), node.stat()));
    }

    /** getChildren2 with a one-shot child watch for {@code session}, set only if the node exists. */
    public Reply<ChildList> getChildren2(String path, long session) {
        Reply<ChildList> reply = getChildren2(path);
        if (reply instanceof Reply.Ok<ChildList>) {
            watches.addChildWatch(path, session);
        }
        return reply;
    }

    /** getAllChildrenNumber: how many nodes lie below {@code path}, at any depth. */
    public Reply<Integer> getAllChildrenNumber(String path) {
        return find(path).map(node -> nodes.descendantCount(path));
    }

    /**
     * getEphemerals: the session's ephemeral nodes whose paths start with {@code prefix} (a plain
     * string prefix, as ZooKeeper compares it; "/" or empty means all), sorted.
     */
    public List<String> getEphemerals(long session, String prefix) {
        boolean all = prefix == null || prefix.isBlank() || PathRules.ROOT.equals(prefix.strip());
        return nodes.ephemerals(session).stream()
                .filter(path -> all || path.startsWith(prefix))
                .toList();
    }

    /** addWatch: a persistent or persistent-recursive watch; the node need not exist. */
    public Code addWatch(long session, String path, AddWatchMode mode) {
        if (!PathRules.isValid(path)) {
            return Code.BADARGUMENTS;
        }
        watches.addWatch(path, session, mode);
        return Code.OK;
    }

    /** removeWatches: OK, or NOWATCHER when the session had no such watch on the path. */
    public Code removeWatches(long session, String path, WatcherType type) {
        if (!PathRules.isValid(path)) {
            return Code.BADARGUMENTS;
        }
        return watches.remove(path, session, type) ? Code.OK : Code.NOWATCHER;
    }

    /** How many (path, table) watch entries the session holds here; for tests and metrics. */
    public int watchCount(long session) {
        return watches.count(session);
    }

    /**
     * The container and TTL nodes that ZooKeeper's ContainerManager would now remove, sorted:
     * containers without children that have had some (cversion above 0), and TTL nodes without
     * children not modified for longer than their TTL. The server removes each with an ordinary
     * {@link Op.DeleteContainer} transaction, which re-checks that the node is still empty.
     */
    public List<String> containersToDelete(long nowMs) {
        return containersToDelete(nowMs, 0);
    }

    /**
     * As {@link #containersToDelete(long)}, also naming containers that never had a child and
     * were created more than {@code maxNeverUsedMs} ago (0: never), as ZooKeeper's
     * {@code znode.container.maxNeverUsedIntervalMs} does.
     */
    public List<String> containersToDelete(long nowMs, long maxNeverUsedMs) {
        List<String> candidates = new ArrayList<>();
        for (String path : nodes.containers()) {
            ZNode node = nodes.get(path);
            boolean used = node.childCreates > 0;
            boolean staleUnused = maxNeverUsedMs != 0 && nowMs - node.mtimeMs > maxNeverUsedMs;
            if (node.children.isEmpty() && (used || staleUnused)) {
                candidates.add(path);
            }
        }
        for (String path : nodes.ttls()) {
            ZNode node = nodes.get(path);
            if (node.children.isEmpty() && nowMs - node.mtimeMs > node.ttlMs()) {
                candidates.add(path);
            }
        }
        candidates.sort(null);
        return candidates;
    }

    /** The whole replicated state (nodes, Stats, ephemeral owners, child counters, last zxid) as bytes. */
    public byte[] encode() {
        return TreeSnapshot.encode(lastZxid, nodes);
    }

    /**
     * A tree from {@link #encode}'s bytes, with no watches.
     *
     * @throws IOException if the bytes are not a snapshot (truncated, corrupted, another format)
     */
    public static ZNodeTree decode(byte[] snapshot) throws IOException {
        TreeSnapshot.Decoded decoded = TreeSnapshot.decode(snapshot);
        return new ZNodeTree(decoded.nodes(), decoded.lastZxid());
    }

    private Reply<ZNode> find(String path) {
        if (!PathRules.isValid(path)) {
            return Reply.failed(Code.BADARGUMENTS);
        }
        ZNode node = nodes.get(path);
        return node == null ? Reply.failed(Code.NONODE) : Reply.ok(node);
    }
}
