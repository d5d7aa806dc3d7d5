package sdlab.coord.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.consensus.raft.Application;
import sdlab.coord.tree.Applied;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.Op;
import sdlab.coord.tree.OpResult;
import sdlab.coord.tree.Txn;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.tree.ZNodeTree;

/**
 * The replicated part of a coordination server, as Raft's {@link Application}: the znode tree
 * and the table of open sessions, changed only by committed {@link TreeEntry}s, in log order, so
 * every server holds the same. A transaction's zxid is its entry's log index: it only grows, and
 * every server gives the same transaction the same zxid. A session's id comes from the index of
 * the entry that created it.
 *
 * <p>Each applied entry leaves an {@link Outcome} that the server hosting it collects with
 * {@link #drainOutcomes}: the answer for a client of that server, and the watch events for the
 * watches its clients set (the tree's watches are the local server's, never replicated).
 */
final class ReplicatedTree implements Application {
    /** Session ids are this plus the index of the entry that opened the session. */
    static final long SESSION_ID_BASE = 0x5d1a_b000_0000_0000L;

    /** An open session as every server knows it. */
    record SessionRecord(byte[] password, int timeoutMs) {}

    /**
     * One applied entry: {@code result} is the tree's answer to a write or a close (null for the
     * rest), {@code session} the session the entry opened, wrote in or closed, {@code events} the
     * watch events it fired here.
     */
    record Outcome(long index, TreeEntry entry, long session, OpResult result, List<WatchEvent> events) {}

    private ZNodeTree tree = new ZNodeTree();
    private final Map<Long, SessionRecord> sessions = new TreeMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private boolean restored;

    ZNodeTree tree() {
        return tree;
    }

    SessionRecord session(long id) {
        return sessions.get(id);
    }

    /** The open sessions' ids and records, in id order; read only. */
    Map<Long, SessionRecord> sessions() {
        return Collections.unmodifiableMap(sessions);
    }

    /** The outcomes of the entries applied since the last call, in log order. */
    List<Outcome> drainOutcomes() {
        List<Outcome> drained = List.copyOf(outcomes);
        outcomes.clear();
        return drained;
    }

    /** Whether a snapshot replaced the state since the last call (and with it, this server's watches). */
    boolean drainRestored() {
        boolean was = restored;
        restored = false;
        return was;
    }

    @Override
    public void apply(long index, byte[] payload) {
        TreeEntry entry = TreeEntryCodec.decode(payload);
        switch (entry) {
            case TreeEntry.CreateSession e -> {
                long id = SESSION_ID_BASE + index;
                sessions.put(id, new SessionRecord(e.password(), e.timeoutMs()));
                outcomes.add(new Outcome(index, e, id, null, List.of()));
            }
            case TreeEntry.Write e -> {
                if (!sessions.containsKey(e.session())) {
                    // Expired while the write was on its way: it changes nothing, as in ZooKeeper.
                    outcomes.add(
                            new Outcome(index, e, e.session(), new OpResult.Error(Code.SESSIONEXPIRED), List.of()));
                    return;
                }
                Applied applied = tree.apply(new Txn(index, e.timeMs(), e.session(), e.op()));
                outcomes.add(new Outcome(index, e, e.session(), applied.result(), applied.events()));
            }
            case TreeEntry.CloseSession e -> {
                if (sessions.remove(e.session()) == null) {
                    outcomes.add(new Outcome(index, e, e.session(), null, List.of()));
                    return;
                }
                Applied applied = tree.apply(new Txn(index, e.timeMs(), e.session(), new Op.CloseSession()));
                outcomes.add(new Outcome(index, e, e.session(), applied.result(), applied.events()));
            }
            case TreeEntry.Barrier e -> outcomes.add(new Outcome(index, e, 0, null, List.of()));
            case TreeEntry.DeleteContainer e -> {
                Applied applied = tree.apply(new Txn(index, e.timeMs(), 0, new Op.DeleteContainer(e.path())));
                outcomes.add(new Outcome(index, e, 0, applied.result(), applied.events()));
            }
        }
    }

    @Override
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] treeBytes = tree.encode();
            out.writeInt(treeBytes.length);
            out.write(treeBytes);
            out.writeInt(sessions.size());
            for (Map.Entry<Long, SessionRecord> session : sessions.entrySet()) {
                out.writeLong(session.getKey());
                out.writeInt(session.getValue().password().length);
                out.write(session.getValue().password());
                out.writeInt(session.getValue().timeoutMs());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    @Override
    public void restore(long lastIndex, byte[] snapshot) {
        outcomes.clear();
        restored = true;
        if (snapshot.length == 0) {
            // A snapshot taken before anything was proposed here holds no application state.
            tree = new ZNodeTree();
            sessions.clear();
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            tree = ZNodeTree.decode(in.readNBytes(in.readInt()));
            sessions.clear();
            for (int i = in.readInt(); i > 0; i--) {
                long id = in.readLong();
                byte[] password = in.readNBytes(in.readInt());
                sessions.put(id, new SessionRecord(password, in.readInt()));
            }
        } catch (IOException e) {
            // Raft checksums its snapshots: bytes that do not decode here are a bug, not a bad disk.
            throw new IllegalStateException("a coordination snapshot that does not decode: " + e, e);
        }
    }
}
