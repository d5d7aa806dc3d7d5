package sdlab.coord.tree;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A plain model of ZooKeeper's watch rules for the random test: a flat set of registrations
 * (session, path, table, mode), matched by scanning, and the events each change owes, derived
 * from the transaction's result. It shares no code with {@code Watches}.
 */
final class WatchModel {

    enum Table {
        DATA,
        CHILD
    }

    enum Mode {
        STANDARD,
        PERSISTENT,
        RECURSIVE
    }

    record Registration(long session, String path, Table table, Mode mode) {}

    private final Set<Registration> registrations = new LinkedHashSet<>();

    void add(long session, String path, Table table, Mode mode) {
        registrations.add(new Registration(session, path, table, mode));
    }

    boolean remove(long session, String path, WatcherType type) {
        return registrations.removeIf(r -> r.session() == session
                && r.path().equals(path)
                && switch (type) {
                    case CHILDREN -> r.table() == Table.CHILD && r.mode() == Mode.STANDARD;
                    case DATA -> r.table() == Table.DATA && r.mode() == Mode.STANDARD;
                    case PERSISTENT -> r.mode() == Mode.PERSISTENT;
                    case PERSISTENT_RECURSIVE -> r.mode() == Mode.RECURSIVE;
                    case ANY -> true;
                });
    }

    /** A path the session watches, or null; so that removeWatches often finds something to remove. */
    String watchedPath(long session, SplittableRandom random) {
        List<String> paths = registrations.stream()
                .filter(r -> r.session() == session)
                .map(Registration::path)
                .toList();
        return paths.isEmpty() ? null : paths.get(random.nextInt(paths.size()));
    }

    int count(long session) {
        Set<String> keys = new TreeSet<>();
        for (Registration r : registrations) {
            if (r.session() == session) {
                keys.add(r.table() + " " + r.path());
            }
        }
        return keys.size();
    }

    /** The events the tree should have returned for this applied transaction. */
    List<WatchEvent> eventsFor(Txn txn, Applied applied) {
        List<WatchEvent> events = new ArrayList<>();
        if (txn.op() instanceof Op.CloseSession) {
            registrations.removeIf(r -> r.session() == txn.session());
        }
        changes(txn.op(), applied.result(), txn.zxid(), events);
        return events;
    }

    private void changes(Op op, OpResult result, long zxid, List<WatchEvent> events) {
        switch (result) {
            case OpResult.Created created -> {
                fire(Table.DATA, EventType.NODE_CREATED, created.path(), zxid, Set.of(), events);
                fire(
                        Table.CHILD,
                        EventType.NODE_CHILDREN_CHANGED,
                        ReferenceModel.parent(created.path()),
                        zxid,
                        Set.of(),
                        events);
            }
            case OpResult.Deleted deleted ->
                deleted(
                        op instanceof Op.Delete delete ? delete.path() : ((Op.DeleteContainer) op).path(),
                        zxid,
                        events);
            case OpResult.DataSet set ->
                fire(Table.DATA, EventType.NODE_DATA_CHANGED, ((Op.SetData) op).path(), zxid, Set.of(), events);
            case OpResult.SessionClosed closed -> closed.deletedPaths().forEach(path -> deleted(path, zxid, events));
            case OpResult.Multi multi -> {
                for (int i = 0; i < multi.results().size(); i++) {
                    changes(((Op.Multi) op).ops().get(i), multi.results().get(i), zxid, events);
                }
            }
            case OpResult.Checked checked -> {}
            case OpResult.Error error -> {}
        }
    }

    private void deleted(String path, long zxid, List<WatchEvent> events) {
        Set<Long> told = fire(Table.DATA, EventType.NODE_DELETED, path, zxid, Set.of(), events);
        fire(Table.CHILD, EventType.NODE_DELETED, path, zxid, told, events);
        fire(Table.CHILD, EventType.NODE_CHILDREN_CHANGED, ReferenceModel.parent(path), zxid, Set.of(), events);
    }

    private Set<Long> fire(
            Table table, EventType type, String path, long zxid, Set<Long> suppressed, List<WatchEvent> events) {
        TreeSet<Long> told = new TreeSet<>();
        List<Registration> used = new ArrayList<>();
        for (Registration r : registrations) {
            if (r.table() != table) {
                continue;
            }
            boolean childEvent = type == EventType.NODE_CHILDREN_CHANGED;
            boolean here = r.path().equals(path);
            boolean above = isAncestor(r.path(), path);
            if (r.mode() == Mode.RECURSIVE ? (here || above) && !childEvent : here) {
                told.add(r.session());
                if (r.mode() == Mode.STANDARD) {
                    used.add(r);
                }
            }
        }
        used.forEach(registrations::remove);
        for (long session : told) {
            if (!suppressed.contains(session)) {
                events.add(new WatchEvent(session, type, path, zxid));
            }
        }
        return told;
    }

    private static boolean isAncestor(String ancestor, String path) {
        return !ancestor.equals(path) && (ancestor.equals("/") || path.startsWith(ancestor + "/"));
    }
}
