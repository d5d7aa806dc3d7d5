package sdlab.coord.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately simple model of the tree for the random test: paths to data, version, owner
 * and child-create count, with children found by scanning paths. It knows only the rules,
 * written as plainly as possible, and none of the tree's structure.
 */
final class ReferenceModel {

    static final class Node {
        byte[] data;
        int version;
        final long owner;
        int creates;

        Node(byte[] data, long owner) {
            this.data = data;
            this.owner = owner;
        }

        Node copy() {
            Node copy = new Node(data, owner);
            copy.version = version;
            copy.creates = creates;
            return copy;
        }
    }

    TreeMap<String, Node> nodes = new TreeMap<>();

    ReferenceModel() {
        for (String path : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
            nodes.put(path, new Node(new byte[0], 0));
        }
    }

    List<String> children(String path) {
        String prefix = path.equals("/") ? "/" : path + "/";
        List<String> names = new ArrayList<>();
        for (String candidate : nodes.keySet()) {
            if (!candidate.equals("/") && candidate.startsWith(prefix) && candidate.indexOf('/', prefix.length()) < 0) {
                names.add(candidate.substring(prefix.length()));
            }
        }
        return names;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    Code apply(long session, Op op) {
        return switch (op) {
            case Op.Create create -> create(session, create);
            case Op.Delete delete -> delete(delete);
            case Op.SetData set -> setData(set);
            case Op.Check check -> check(check);
            case Op.CloseSession close -> {
                nodes.values().removeIf(node -> node.owner == session);
                yield Code.OK;
            }
            case Op.Multi multi -> multi(session, multi);
            case Op.DeleteContainer container -> throw new UnsupportedOperationException();
        };
    }

    private Code create(long session, Op.Create op) {
        Node parent = nodes.get(parent(op.path()));
        if (parent == null) {
            return Code.NONODE;
        }
        String path =
                op.mode().isSequential() ? op.path() + String.format(Locale.ROOT, "%010d", parent.creates) : op.path();
        if (nodes.containsKey(path)) {
            return Code.NODEEXISTS;
        }
        if (parent.owner != 0) {
            return Code.NOCHILDRENFOREPHEMERALS;
        }
        parent.creates++;
        nodes.put(path, new Node(op.data(), op.mode().isEphemeral() ? session : 0));
        return Code.OK;
    }

    private Code delete(Op.Delete op) {
        Code code = check(new Op.Check(op.path(), op.version()));
        if (code == Code.OK && !children(op.path()).isEmpty()) {
            return Code.NOTEMPTY;
        }
        if (code == Code.OK) {
            nodes.remove(op.path());
        }
        return code;
    }

    private Code setData(Op.SetData op) {
        Code code = check(new Op.Check(op.path(), op.version()));
        if (code == Code.OK) {
            Node node = nodes.get(op.path());
            node.data = op.data();
            node.version++;
        }
        return code;
    }

    private Code check(Op.Check op) {
        Node node = nodes.get(op.path());
        if (node == null) {
            return Code.NONODE;
        }
        return op.version() == -1 || op.version() == node.version ? Code.OK : Code.BADVERSION;
    }

    private Code multi(long session, Op.Multi multi) {
        TreeMap<String, Node> saved = new TreeMap<>();
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            saved.put(entry.getKey(), entry.getValue().copy());
        }
        for (Op.InMulti op : multi.ops()) {
            Code code = apply(session, op);
            if (code != Code.OK) {
                nodes = saved;
                return code;
            }
        }
        return Code.OK;
    }

    /** Describes the first difference from the tree, or null if they agree. */
    String differenceFrom(ZNodeTree tree) {
        int count = tree.getAllChildrenNumber("/").orThrow();
        if (count != nodes.size() - 1) {
            return "tree has " + count + " nodes below the root, model " + (nodes.size() - 1);
        }
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            String path = entry.getKey();
            Node node = entry.getValue();
            Reply<NodeData> read = tree.getData(path);
            if (!(read instanceof Reply.Ok<NodeData> ok)) {
                return path + " missing from the tree";
            }
            Stat stat = ok.value().stat();
            List<String> children = children(path);
            if (!Arrays.equals(ok.value().data(), node.data)
                    || stat.version() != node.version
                    || stat.ephemeralOwner() != node.owner
                    || stat.numChildren() != children.size()
                    || stat.cversion() != 2 * node.creates - children.size()
                    || !tree.getChildren(path).orThrow().equals(children)) {
                return path + ": tree " + stat + " " + tree.getChildren(path).orThrow() + ", model version "
                        + node.version + " owner " + node.owner + " creates " + node.creates + " children "
                        + children;
            }
        }
        return null;
    }
}
