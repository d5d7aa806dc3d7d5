package sdlab.coord.tree;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The znodes by path, with the indexes ZooKeeper's DataTree keeps beside them (ephemerals by
 * session, containers, TTL nodes), and an undo record so that a multi can be rolled back.
 *
 * <p>Undo works by path: before the first change to a path inside a multi, its node is copied
 * (or its absence noted); a rollback puts every noted path back as it was and re-indexes it.
 * Parents are copied before their child set changes, so children come back too.
 */
final class Nodes {

    private final TreeMap<String, ZNode> byPath = new TreeMap<>();
    private final TreeMap<Long, TreeSet<String>> ephemeralsBySession = new TreeMap<>();
    private final TreeSet<String> containers = new TreeSet<>();
    private final TreeSet<String> ttls = new TreeSet<>();
    private Map<String, ZNode> undo;

    ZNode get(String path) {
        return byPath.get(path);
    }

    int size() {
        return byPath.size();
    }

    /** Every node by path, in path order (a parent before its children). */
    NavigableMap<String, ZNode> all() {
        return Collections.unmodifiableNavigableMap(byPath);
    }

    /** Number of nodes strictly below {@code path}. */
    int descendantCount(String path) {
        String prefix = PathRules.ROOT.equals(path) ? PathRules.ROOT : path + "/";
        // Every descendant starts with the prefix; '0' is the character after '/'.
        String end = prefix.substring(0, prefix.length() - 1) + "0";
        int count = byPath.subMap(prefix, true, end, false).size();
        return PathRules.ROOT.equals(path) ? count - 1 : count;
    }

    NavigableSet<String> ephemerals(long session) {
        TreeSet<String> paths = ephemeralsBySession.get(session);
        return paths == null ? new TreeSet<>() : Collections.unmodifiableNavigableSet(paths);
    }

    Set<String> containers() {
        return Collections.unmodifiableSet(containers);
    }

    Set<String> ttls() {
        return Collections.unmodifiableSet(ttls);
    }

    /** The node at {@code path}, ready to change: its old state is noted first inside a multi. */
    ZNode changing(String path) {
        ZNode node = byPath.get(path);
        assert node != null : path;
        noteBeforeChange(path, node);
        return node;
    }

    /** Adds a node at a path that has none; the caller links it into its parent. */
    void add(String path, ZNode node) {
        assert !byPath.containsKey(path) : path;
        noteBeforeChange(path, null);
        byPath.put(path, node);
        index(path, node);
    }

    /** Removes the node at {@code path}; the caller unlinks it from its parent. */
    void remove(String path) {
        ZNode node = byPath.get(path);
        assert node != null : path;
        noteBeforeChange(path, node);
        byPath.remove(path);
        unindex(path, node);
    }

    void beginUndo() {
        assert undo == null;
        undo = new HashMap<>();
    }

    void commit() {
        undo = null;
    }

    void rollback() {
        for (Map.Entry<String, ZNode> entry : undo.entrySet()) {
            ZNode current = byPath.remove(entry.getKey());
            if (current != null) {
                unindex(entry.getKey(), current);
            }
            if (entry.getValue() != null) {
                byPath.put(entry.getKey(), entry.getValue());
                index(entry.getKey(), entry.getValue());
            }
        }
        undo = null;
    }

    private void noteBeforeChange(String path, ZNode node) {
        if (undo != null && !undo.containsKey(path)) {
            undo.put(path, node == null ? null : node.copy());
        }
    }

    private void index(String path, ZNode node) {
        if (node.isContainer()) {
            containers.add(path);
        } else if (node.isTtl()) {
            ttls.add(path);
        } else if (node.isEphemeral()) {
            ephemeralsBySession
                    .computeIfAbsent(node.ephemeralOwner, session -> new TreeSet<>())
                    .add(path);
        }
    }

    private void unindex(String path, ZNode node) {
        containers.remove(path);
        ttls.remove(path);
        TreeSet<String> paths = ephemeralsBySession.get(node.ephemeralOwner);
        if (paths != null) {
            paths.remove(path);
            if (paths.isEmpty()) {
                ephemeralsBySession.remove(node.ephemeralOwner);
            }
        }
    }
}
