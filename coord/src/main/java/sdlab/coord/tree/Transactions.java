package sdlab.coord.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The write rules: what each operation checks, in ZooKeeper's order, and what it changes.
 * These are the checks of ZooKeeper's {@code PrepRequestProcessor} and the changes of its
 * {@code DataTree}, done at once, because here every transaction is checked against the state
 * it applies to (Raft hands the tree committed entries one at a time; there is no pipeline of
 * pending changes to check against).
 *
 * <p>A successful operation notes the watch triggers it owes ({@link Trigger}); the tree fires
 * them once the whole transaction has succeeded, so a rolled-back multi fires nothing.
 */
final class Transactions {

    /** A watch trigger that an applied operation owes, fired after the transaction commits. */
    record Trigger(EventType type, String path) {}

    /** Paths that no client may delete, as ZooKeeper's {@code ZKDatabase.isSpecialPath}. */
    static final Set<String> SPECIAL_PATHS = Set.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config");

    private final Nodes nodes;

    Transactions(Nodes nodes) {
        this.nodes = nodes;
    }

    OpResult execute(Txn txn, Op op, List<Trigger> triggers) {
        return switch (op) {
            case Op.Create create -> create(txn, create, triggers);
            case Op.Delete delete -> delete(txn, delete, triggers);
            case Op.SetData setData -> setData(txn, setData, triggers);
            case Op.Check check -> check(check);
            case Op.DeleteContainer deleteContainer -> deleteContainer(txn, deleteContainer, triggers);
            case Op.Multi multi -> multi(txn, multi, triggers);
            case Op.CloseSession close -> closeSession(txn, triggers);
        };
    }

    /**
     * Creates a node. Checks, in ZooKeeper's order: the mode's TTL argument, the path (for a
     * sequential create the prefix plus one digit, as ZooKeeper's client checks it), the parent
     * (NONODE), the sequence suffix from the parent's stored cversion, NODEEXISTS, and a parent
     * that is ephemeral (NOCHILDRENFOREPHEMERALS). Then the parent's cversion counts one more
     * create and its pzxid becomes this zxid; its mzxid and version do not change.
     */
    private OpResult create(Txn txn, Op.Create op, List<Trigger> triggers) {
        Code refused = refusedCreate(txn, op);
        if (refused != null) {
            return new OpResult.Error(refused);
        }
        String parentPath = PathRules.parent(op.path().endsWith("/") ? op.path() + "0" : op.path());
        ZNode parent = nodes.get(parentPath);
        if (parent == null) {
            return new OpResult.Error(Code.NONODE);
        }
        String path = op.mode().isSequential()
                ? op.path() + String.format(Locale.ROOT, "%010d", parent.childCreates)
                : op.path();
        if (nodes.get(path) != null) {
            return new OpResult.Error(Code.NODEEXISTS);
        }
        if (parent.isEphemeral()) {
            return new OpResult.Error(Code.NOCHILDRENFOREPHEMERALS);
        }
        ZNode changed = nodes.changing(parentPath);
        changed.childCreates++;
        changed.pzxid = txn.zxid();
        changed.children.add(PathRules.name(path));
        ZNode node = new ZNode(copy(op.data()), txn.zxid(), txn.timeMs(), owner(txn, op));
        nodes.add(path, node);
        triggers.add(new Trigger(EventType.NODE_CREATED, path));
        return new OpResult.Created(path, node.stat());
    }

    private static Code refusedCreate(Txn txn, Op.Create op) {
        boolean ttlOk = op.mode().isTtl() ? op.ttlMs() > 0 && op.ttlMs() <= ZNode.TTL_MAX_MS : op.ttlMs() == Op.NO_TTL;
        String checked = op.mode().isSequential() ? op.path() + "1" : op.path();
        if (!ttlOk || !PathRules.isValid(checked) || PathRules.ROOT.equals(checked)) {
            return PathRules.ROOT.equals(checked) ? Code.NODEEXISTS : Code.BADARGUMENTS;
        }
        // A session id that reads as a container or TTL marker could not own an ephemeral node.
        boolean sessionOk = txn.session() != 0
                && txn.session() != ZNode.CONTAINER_OWNER
                && (txn.session() & ZNode.TTL_MASK) != ZNode.TTL_MASK;
        return op.mode().isEphemeral() && !sessionOk ? Code.BADARGUMENTS : null;
    }

    private static long owner(Txn txn, Op.Create op) {
        if (op.mode().isEphemeral()) {
            return txn.session();
        }
        if (op.mode().isContainer()) {
            return ZNode.CONTAINER_OWNER;
        }
        return op.mode().isTtl() ? ZNode.ttlOwner(op.ttlMs()) : 0;
    }

    /**
     * Deletes a node. Checks, in ZooKeeper's order: the path (and that it is not the root or a
     * /zookeeper system node: BADARGUMENTS), NONODE, BADVERSION, NOTEMPTY. The parent's pzxid
     * becomes this zxid; its stored cversion does not change, but the cversion it reports
     * ({@code 2 * creates - numChildren}) grows by one.
     */
    private OpResult delete(Txn txn, Op.Delete op, List<Trigger> triggers) {
        if (!PathRules.isValid(op.path()) || SPECIAL_PATHS.contains(op.path())) {
            return new OpResult.Error(Code.BADARGUMENTS);
        }
        ZNode node = nodes.get(op.path());
        if (node == null) {
            return new OpResult.Error(Code.NONODE);
        }
        if (op.version() != Op.ANY_VERSION && op.version() != node.version) {
            return new OpResult.Error(Code.BADVERSION);
        }
        if (!node.children.isEmpty()) {
            return new OpResult.Error(Code.NOTEMPTY);
        }
        remove(txn, op.path(), triggers);
        return new OpResult.Deleted();
    }

    private void remove(Txn txn, String path, List<Trigger> triggers) {
        ZNode parent = nodes.changing(PathRules.parent(path));
        parent.children.remove(PathRules.name(path));
        parent.pzxid = Math.max(parent.pzxid, txn.zxid());
        nodes.remove(path);
        triggers.add(new Trigger(EventType.NODE_DELETED, path));
    }

    /** Sets data: BADARGUMENTS, NONODE, BADVERSION; then version + 1, mzxid and mtime; parent untouched. */
    private OpResult setData(Txn txn, Op.SetData op, List<Trigger> triggers) {
        Code refused = refusedVersioned(op.path(), op.version());
        if (refused != null) {
            return new OpResult.Error(refused);
        }
        ZNode node = nodes.changing(op.path());
        node.data = copy(op.data());
        node.version++;
        node.mzxid = txn.zxid();
        node.mtimeMs = txn.timeMs();
        triggers.add(new Trigger(EventType.NODE_DATA_CHANGED, op.path()));
        return new OpResult.DataSet(node.stat());
    }

    private OpResult check(Op.Check op) {
        Code refused = refusedVersioned(op.path(), op.version());
        return refused != null ? new OpResult.Error(refused) : new OpResult.Checked();
    }

    private Code refusedVersioned(String path, int version) {
        if (!PathRules.isValid(path)) {
            return Code.BADARGUMENTS;
        }
        ZNode node = nodes.get(path);
        if (node == null) {
            return Code.NONODE;
        }
        return version != Op.ANY_VERSION && version != node.version ? Code.BADVERSION : null;
    }

    /**
     * The server's removal of a container or TTL node: NONODE, NOTEMPTY (it gained a child since
     * it was named), and BADVERSION for a node that is neither (ZooKeeper refuses only ephemeral
     * ones; refusing persistent ones too means a node re-created at the path in between is safe).
     */
    private OpResult deleteContainer(Txn txn, Op.DeleteContainer op, List<Trigger> triggers) {
        if (!PathRules.isValid(op.path()) || SPECIAL_PATHS.contains(op.path())) {
            return new OpResult.Error(Code.BADARGUMENTS);
        }
        ZNode node = nodes.get(op.path());
        if (node == null) {
            return new OpResult.Error(Code.NONODE);
        }
        if (!node.children.isEmpty()) {
            return new OpResult.Error(Code.NOTEMPTY);
        }
        if (!node.isContainer() && !node.isTtl()) {
            return new OpResult.Error(Code.BADVERSION);
        }
        remove(txn, op.path(), triggers);
        return new OpResult.Deleted();
    }

    /**
     * All or nothing: each operation sees the ones before it; on the first failure everything is
     * rolled back and the results are ZooKeeper's: OK before it, its code, RUNTIMEINCONSISTENCY after.
     */
    private OpResult multi(Txn txn, Op.Multi multi, List<Trigger> triggers) {
        List<Trigger> pending = new ArrayList<>();
        List<OpResult> results = new ArrayList<>();
        nodes.beginUndo();
        for (Op.InMulti op : multi.ops()) {
            OpResult result = execute(txn, op, pending);
            if (result instanceof OpResult.Error error) {
                nodes.rollback();
                return failedMulti(multi.ops().size(), results.size(), error.code());
            }
            results.add(result);
        }
        nodes.commit();
        triggers.addAll(pending);
        return new OpResult.Multi(results);
    }

    private static OpResult failedMulti(int size, int failedAt, Code code) {
        List<OpResult> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Code each = i < failedAt ? Code.OK : i == failedAt ? code : Code.RUNTIMEINCONSISTENCY;
            results.add(new OpResult.Error(each));
        }
        return new OpResult.Multi(results);
    }

    /** Deletes every ephemeral node of the transaction's session, in path order, in this one zxid. */
    private OpResult closeSession(Txn txn, List<Trigger> triggers) {
        List<String> paths = new ArrayList<>(nodes.ephemerals(txn.session()));
        for (String path : paths) {
            remove(txn, path, triggers);
        }
        return new OpResult.SessionClosed(paths);
    }

    static byte[] copy(byte[] data) {
        return data == null ? null : data.clone();
    }
}
