package sdlab.coord.tree;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The watches of the sessions connected to this server, kept as ZooKeeper's two WatchManagers
 * (data watches and child watches) keep them, and fired by its trigger rules
 * ({@code WatchManager.triggerWatch}, 3.9):
 *
 * <ul>
 *   <li>A watch at the event's own path fires: a one-shot (standard) watch is removed as it
 *       fires, a persistent one stays.
 *   <li>A persistent-recursive watch fires for its own path and every descendant, for every
 *       event type except NodeChildrenChanged (it is only ever a data watch).
 *   <li>One trigger tells each session at most once, however many of its watches matched.
 * </ul>
 *
 * <p>Watches are local to the server a session is connected to, not replicated: they are not
 * part of the tree's snapshot. A session can hold several modes on one path at once (a one-shot
 * data watch beside a persistent watch), as ZooKeeper 3.9 allows; the one-shot goes when it
 * fires, the persistent stays.
 */
final class Watches {

    enum Mode {
        STANDARD,
        PERSISTENT,
        RECURSIVE
    }

    /** One of the two tables: path to session to that session's modes there. */
    private static final class Table {
        final TreeMap<String, TreeMap<Long, EnumSet<Mode>>> byPath = new TreeMap<>();
        /** Recursive watches held, so that a trigger walks the ancestors only when there are some. */
        int recursiveCount;

        void add(String path, long session, Mode mode) {
            boolean added = byPath.computeIfAbsent(path, p -> new TreeMap<>())
                    .computeIfAbsent(session, s -> EnumSet.noneOf(Mode.class))
                    .add(mode);
            if (added && mode == Mode.RECURSIVE) {
                recursiveCount++;
            }
        }

        boolean remove(String path, long session, Set<Mode> modes) {
            TreeMap<Long, EnumSet<Mode>> sessions = byPath.get(path);
            EnumSet<Mode> held = sessions == null ? null : sessions.get(session);
            if (held == null) {
                return false;
            }
            boolean hadRecursive = held.contains(Mode.RECURSIVE);
            if (!held.removeAll(modes)) {
                return false;
            }
            if (hadRecursive && !held.contains(Mode.RECURSIVE)) {
                recursiveCount--;
            }
            prune(path, session);
            return true;
        }

        void removeSession(long session) {
            for (String path : new ArrayList<>(byPath.keySet())) {
                EnumSet<Mode> gone = byPath.get(path).remove(session);
                if (gone != null && gone.contains(Mode.RECURSIVE)) {
                    recursiveCount--;
                }
                prune(path, session);
            }
        }

        void prune(String path, long session) {
            TreeMap<Long, EnumSet<Mode>> sessions = byPath.get(path);
            if (sessions == null) {
                return;
            }
            if (sessions.containsKey(session) && sessions.get(session).isEmpty()) {
                sessions.remove(session);
            }
            if (sessions.isEmpty()) {
                byPath.remove(path);
            }
        }

        boolean hasRecursive() {
            assert recursiveCount >= 0;
            return recursiveCount > 0;
        }

        /** The sessions a trigger at {@code path} tells; one-shot watches there are used up. */
        TreeSet<Long> fire(String path, EventType type) {
            TreeSet<Long> told = new TreeSet<>();
            TreeMap<Long, EnumSet<Mode>> here = byPath.get(path);
            if (here != null) {
                for (Map.Entry<Long, EnumSet<Mode>> entry : here.entrySet()) {
                    EnumSet<Mode> modes = entry.getValue();
                    boolean recursive = modes.contains(Mode.RECURSIVE) && type != EventType.NODE_CHILDREN_CHANGED;
                    if (recursive || modes.contains(Mode.PERSISTENT) || modes.contains(Mode.STANDARD)) {
                        told.add(entry.getKey());
                    }
                    modes.remove(Mode.STANDARD);
                }
                new ArrayList<>(here.keySet()).forEach(session -> prune(path, session));
            }
            if (type != EventType.NODE_CHILDREN_CHANGED && !PathRules.ROOT.equals(path) && hasRecursive()) {
                for (String ancestor = PathRules.parent(path); ; ancestor = PathRules.parent(ancestor)) {
                    TreeMap<Long, EnumSet<Mode>> above = byPath.get(ancestor);
                    if (above != null) {
                        above.forEach((session, modes) -> {
                            if (modes.contains(Mode.RECURSIVE)) {
                                told.add(session);
                            }
                        });
                    }
                    if (PathRules.ROOT.equals(ancestor)) {
                        break;
                    }
                }
            }
            return told;
        }

        int count(long session) {
            return (int) byPath.values().stream()
                    .filter(sessions -> sessions.containsKey(session))
                    .count();
        }
    }

    private final Table data = new Table();
    private final Table child = new Table();

    /** A one-shot data watch, as getData and exists set (exists sets one on a missing node too). */
    void addDataWatch(String path, long session) {
        data.add(path, session, Mode.STANDARD);
    }

    /** A one-shot child watch, as getChildren sets. */
    void addChildWatch(String path, long session) {
        child.add(path, session, Mode.STANDARD);
    }

    /**
     * ZooKeeper's addWatch: a persistent watch sits in both tables; a recursive one only among
     * the data watches, which is why it never hears NodeChildrenChanged.
     */
    void addWatch(String path, long session, AddWatchMode mode) {
        switch (mode) {
            case PERSISTENT -> {
                data.add(path, session, Mode.PERSISTENT);
                child.add(path, session, Mode.PERSISTENT);
            }
            case PERSISTENT_RECURSIVE -> data.add(path, session, Mode.RECURSIVE);
        }
    }

    /** ZooKeeper's removeWatches; false (NOWATCHER) when the session had no such watch there. */
    boolean remove(String path, long session, WatcherType type) {
        return switch (type) {
            case CHILDREN -> child.remove(path, session, EnumSet.of(Mode.STANDARD));
            case DATA -> data.remove(path, session, EnumSet.of(Mode.STANDARD));
            case PERSISTENT ->
                data.remove(path, session, EnumSet.of(Mode.PERSISTENT))
                        | child.remove(path, session, EnumSet.of(Mode.PERSISTENT));
            case PERSISTENT_RECURSIVE -> data.remove(path, session, EnumSet.of(Mode.RECURSIVE));
            case ANY ->
                data.remove(path, session, EnumSet.allOf(Mode.class))
                        | child.remove(path, session, EnumSet.allOf(Mode.class));
        };
    }

    /** Forgets every watch of a session that closed or expired. */
    void removeSession(long session) {
        data.removeSession(session);
        child.removeSession(session);
    }

    /** How many paths the session watches, in either table (a path in both counts twice). */
    int count(long session) {
        return data.count(session) + child.count(session);
    }

    /** Fires what a node's creation fires: NodeCreated at the path, NodeChildrenChanged at its parent. */
    void created(String path, long zxid, List<WatchEvent> out) {
        emit(data.fire(path, EventType.NODE_CREATED), EventType.NODE_CREATED, path, zxid, Set.of(), out);
        childrenChanged(PathRules.parent(path), zxid, out);
    }

    /** Fires NodeDataChanged at the path. */
    void dataChanged(String path, long zxid, List<WatchEvent> out) {
        emit(data.fire(path, EventType.NODE_DATA_CHANGED), EventType.NODE_DATA_CHANGED, path, zxid, Set.of(), out);
    }

    /**
     * Fires what a delete fires: NodeDeleted to data watchers and then to child watchers of the
     * path (a session told by the first is not told again), then NodeChildrenChanged at the parent.
     */
    void deleted(String path, long zxid, List<WatchEvent> out) {
        TreeSet<Long> told = data.fire(path, EventType.NODE_DELETED);
        emit(told, EventType.NODE_DELETED, path, zxid, Set.of(), out);
        emit(child.fire(path, EventType.NODE_DELETED), EventType.NODE_DELETED, path, zxid, told, out);
        childrenChanged(PathRules.parent(path), zxid, out);
    }

    private void childrenChanged(String parent, long zxid, List<WatchEvent> out) {
        TreeSet<Long> told = child.fire(parent, EventType.NODE_CHILDREN_CHANGED);
        emit(told, EventType.NODE_CHILDREN_CHANGED, parent, zxid, Set.of(), out);
    }

    private static void emit(
            Set<Long> sessions, EventType type, String path, long zxid, Set<Long> suppressed, List<WatchEvent> out) {
        for (long session : sessions) {
            if (!suppressed.contains(session)) {
                out.add(new WatchEvent(session, type, path, zxid));
            }
        }
    }
}
