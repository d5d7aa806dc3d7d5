package sdlab.repl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.Progress;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadOk;
import sdlab.repl.ReplMessages.Ship;
import sdlab.repl.ReplMessages.Status;
import sdlab.repl.ReplMessages.StatusRequest;
import sdlab.repl.ReplTimers.ApplyNext;

/**
 * One primary of an active-active (multi-primary) store: every member takes writes, ships its own log to every other
 * member, and copies theirs into a relay log of its own, as two MySQL servers that replicate from each other do, each
 * shipping only the events it originated (the server id that stops a loop). The writing side is a {@link PrimaryRole}
 * over this node's own log, asynchronous, its replicas the other members; each other member's log is followed by a
 * {@link ReplicaRole}. So a write is acknowledged after this node's own sync and reaches the others later.
 *
 * <p>A read answers with the newest value of its key among this node's own state and each peer's, newest by the
 * writing primary's commit time, ties to the lower node id: last-writer-wins, as Galera-less multi-primary setups,
 * Cassandra, and pglogical's {@code last_update_wins} resolve concurrent updates. Every member ends with the same value
 * once it holds every log, whatever order the logs arrived in. What it does not do: tell anyone that two writes to a
 * key were concurrent. Both clients heard "ok"; the older write is silently shadowed (lost as an update, although it
 * stays in its log). Reads do not wait for positions ({@code minPosition} is ignored): positions are per member.
 *
 * <p>Files: the own log in {@value ReplLog#FILE}, each peer's relay log in {@code repl-relay-<peer>}; a restart
 * recovers all of them and rebuilds the states by replaying them.
 */
public final class ActiveActiveNode implements Node {
    private static final String RELAY_PREFIX = "repl-relay-";

    /** One other member: its log as received here, the state applied from it, and the role that follows it. */
    private record Peer(ReplLog log, KvState state, ReplicaRole follower) {}

    private final List<NodeId> members;
    private final ReplConfig settings;
    private final ReplObserver observer;

    private NodeId self;
    private ReplLog ownLog;
    private KvState own;
    private PrimaryRole writer;
    private final Map<NodeId, Peer> peers = new TreeMap<>();

    /**
     * @param members every primary of the store, this one included
     * @param settings the replication settings; each member runs them asynchronously, with the others as replicas (the
     *     primary and replicas named in it are not used)
     */
    public ActiveActiveNode(List<NodeId> members, ReplConfig settings, ReplObserver observer) {
        this.members = List.copyOf(members);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observer = Objects.requireNonNull(observer, "observer");
        if (this.members.size() < 2 || this.members.stream().distinct().count() != this.members.size()) {
            throw new IllegalArgumentException("active-active needs two or more distinct members, got " + members);
        }
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (!members.contains(ctx.self())) {
            throw new IllegalStateException(ctx.self() + " is not one of the members " + members);
        }
        self = ctx.self();
        List<NodeId> others = members.stream().filter(id -> !id.equals(self)).toList();
        ReplConfig config = settings.async().withMembers(ctx.self(), others);
        ownLog = ReplLog.recover(ctx.disk());
        own = new KvState();
        writer = new PrimaryRole(config, ctx.self(), ownLog, own, observer, LeaseKeeper.none());
        peers.clear();
        for (NodeId other : others) {
            ReplLog relay = ReplLog.recover(ctx.disk(), RELAY_PREFIX + other.name(), 0, 0);
            KvState state = new KvState();
            ReplicaRole follower = new ReplicaRole(config, ctx.self(), other, relay, state, observer, false, null, 0);
            peers.put(other, new Peer(relay, state, follower));
        }
        writer.start(ctx);
        peers.values().forEach(peer -> peer.follower().start(ctx));
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof ReplMessages repl)) {
            return;
        }
        switch (repl) {
            case Read read -> ctx.send(from, new ReadOk(read.requestId(), value(read.key()), own.appliedPosition()));
            case StatusRequest request -> ctx.send(from, new Status(request.round(), true, ownLog.lastPosition()));
            case Ship ship when peers.containsKey(from) -> onShip(from, ship, ctx);
            case Progress progress when peers.containsKey(from) -> writer.onMessage(from, progress, ctx);
            default -> writer.onMessage(from, repl, ctx); // writes; anything else the writer ignores
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof ApplyNext next) {
            Peer peer = peers.get(next.source());
            if (peer != null) {
                peer.follower().onTimer(timer, ctx);
            }
        } else {
            writer.onTimer(timer, ctx);
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        // Each log knows its own sync; the others ignore it.
        writer.onSynced(syncId, ctx);
        peers.values().forEach(peer -> peer.follower().onSynced(syncId, ctx));
    }

    /**
     * The value a read here returns: the newest write or delete of {@code key} among this node's own state and its
     * peers' (null if none, or if the newest is a delete).
     */
    public String value(String key) {
        KvState newest = own;
        NodeId newestOrigin = self;
        for (Map.Entry<NodeId, Peer> each : peers.entrySet()) {
            KvState state = each.getValue().state();
            if (newer(state.changedAtNanos(key), each.getKey(), newest.changedAtNanos(key), newestOrigin)) {
                newest = state;
                newestOrigin = each.getKey();
            }
        }
        return newest.value(key);
    }

    /** This node's own log: the writes it took. */
    public List<Entry> log() {
        return ownLog.entries();
    }

    /** What this node holds of {@code peer}'s log (empty for a node that is not a peer). */
    public List<Entry> relayLog(NodeId peer) {
        Peer held = peers.get(peer);
        return held == null ? List.of() : held.log().entries();
    }

    /** Every entry this node holds: its own log, then each peer's as received. */
    public List<Entry> entriesHeld() {
        List<Entry> all = new ArrayList<>(ownLog.entries());
        peers.values().forEach(peer -> all.addAll(peer.log().entries()));
        return Collections.unmodifiableList(all);
    }

    private void onShip(NodeId from, Ship ship, NodeContext ctx) {
        if (settings.bug() == Bug.ACTIVE_ACTIVE_SKIPS_PEER_WRITES
                && !ship.entries().isEmpty()) {
            // The planted bug: two servers configured with the same server id. Each takes the other's events for its
            // own and skips them, while its position moves on as if it had them: no error, no lag, and the writes
            // one primary acknowledged never reach the other.
            long last = ship.entries().getLast().position();
            ctx.send(from, new Progress(last, last, last, ship.sentAtNanos()));
            return;
        }
        peers.get(from).follower().onMessage(from, ship, ctx);
    }

    /** Last-writer-wins: the later commit time wins, and of two at the same time the lower node id. */
    private static boolean newer(long atNanos, NodeId origin, long bestAtNanos, NodeId bestOrigin) {
        return atNanos > bestAtNanos || (atNanos == bestAtNanos && origin.name().compareTo(bestOrigin.name()) < 0);
    }
}
