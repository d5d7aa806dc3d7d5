package sdlab.kv.quorum;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A tiny deterministic world for hand-built scenarios: virtual time, a constant network
 * latency, links the test cuts and heals, disks that lose unsynced writes on a crash. The test
 * decides what happens when; the full simulator (sdlab.sim) drives the randomised runs. Public
 * so that the causal store's scenarios (sdlab.kv.causal) use it too.
 */
public final class TestWorld {
    private final Duration latency;
    private final Duration syncLatency;
    private final long seed;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Map<NodeId, Actor> actors = new LinkedHashMap<>();
    private final Set<List<NodeId>> cutLinks = new HashSet<>();
    private final Map<Long, Outcome> outcomes = new HashMap<>();
    private long nowNanos;
    private long sequence;
    private long nextOpId;
    private long messagesSent;

    public TestWorld(long seed, Duration latency, Duration syncLatency) {
        this.seed = seed;
        this.latency = latency;
        this.syncLatency = syncLatency;
    }

    /** One millisecond per message hop and per disk sync. */
    public static TestWorld standard() {
        return new TestWorld(1, Duration.ofMillis(1), Duration.ofMillis(1));
    }

    // ---- building ----

    public TestWorld nodes(List<NodeId> ids, NodeFactory factory) {
        ids.forEach(id -> actors.put(id, new Actor(id, factory, null)));
        return this;
    }

    public TestWorld client(NodeId id, Client client) {
        actors.put(id, new Actor(id, null, client));
        return this;
    }

    public TestWorld start() {
        actors.values().forEach(Actor::start);
        return this;
    }

    // ---- driving ----

    public long invoke(NodeId client, String f, String key, Object value) {
        long opId = nextOpId++;
        Actor actor = actors.get(client);
        actor.client.onInvoke(new Invocation(opId, 0, f, key, value), actor.ctx);
        return opId;
    }

    /** Runs until the operation completes (or the queue empties) and returns its outcome. */
    public Outcome await(long opId) {
        runUntil(() -> outcomes.containsKey(opId), Duration.ofSeconds(60));
        return outcomes.get(opId);
    }

    public Outcome write(NodeId client, String key, Object value) {
        return await(invoke(client, QuorumClient.WRITE, key, value));
    }

    public Outcome read(NodeId client, String key) {
        return await(invoke(client, QuorumClient.READ, key, null));
    }

    public void runFor(Duration length) {
        long end = nowNanos + length.toNanos();
        runUntil(() -> false, length);
        nowNanos = Math.max(nowNanos, end);
    }

    private void runUntil(java.util.function.BooleanSupplier done, Duration max) {
        long end = nowNanos + max.toNanos();
        while (!done.getAsBoolean() && !queue.isEmpty() && queue.peek().atNanos <= end) {
            Event event = queue.poll();
            nowNanos = event.atNanos;
            event.action.run();
        }
    }

    // ---- faults ----

    public void cut(NodeId a, NodeId b) {
        cutOneWay(a, b);
        cutOneWay(b, a);
    }

    public void cutOneWay(NodeId from, NodeId to) {
        cutLinks.add(List.of(from, to));
    }

    /** Cuts {@code node} off from every other node and client. */
    public void isolate(NodeId node) {
        actors.keySet().stream().filter(other -> !other.equals(node)).forEach(other -> cut(node, other));
    }

    public void heal() {
        cutLinks.clear();
    }

    public void crash(NodeId id) {
        actors.get(id).crash();
    }

    public void restart(NodeId id) {
        actors.get(id).restart();
    }

    // ---- looking ----

    QuorumNode node(NodeId id) {
        return (QuorumNode) actors.get(id).node;
    }

    /** The files on a node's disk now, synced or not. */
    SortedSet<String> files(NodeId id) {
        return actors.get(id).disk.files();
    }

    long messagesSent() {
        return messagesSent;
    }

    long nowNanos() {
        return nowNanos;
    }

    // ---- machinery ----

    private record Event(long atNanos, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(atNanos, other.atNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private void schedule(Duration delay, Runnable action) {
        queue.add(new Event(nowNanos + delay.toNanos(), sequence++, action));
    }

    private boolean linkUp(NodeId from, NodeId to) {
        return !cutLinks.contains(List.of(from, to));
    }

    private final class Actor {
        final NodeId id;
        final NodeFactory factory;
        final Client client;
        final MemoryDisk disk = new MemoryDisk(this);
        final Ctx ctx = new Ctx(this);
        final RandomGenerator random;
        final Set<Long> cancelledTimers = new HashSet<>();
        Node node;
        boolean up = true;
        int life;
        long nextTimerId;

        Actor(NodeId id, NodeFactory factory, Client client) {
            this.id = id;
            this.factory = factory;
            this.client = client;
            this.random = new SplittableRandom(seed * 31 + id.name().hashCode());
        }

        void start() {
            if (client != null) {
                client.onStart(ctx);
            } else {
                node = factory.create(id);
                node.onStart(ctx, life > 0);
            }
        }

        void crash() {
            up = false;
            life++;
            node = null;
            disk.loseUnsynced();
        }

        void restart() {
            up = true;
            start();
        }

        void deliver(NodeId from, Message message) {
            if (!up || !linkUp(from, id)) {
                return;
            }
            if (client != null) {
                client.onMessage(from, message, ctx);
            } else {
                node.onMessage(from, message, ctx);
            }
        }
    }

    private final class Ctx implements ClientContext {
        private final Actor actor;

        Ctx(Actor actor) {
            this.actor = actor;
        }

        @Override
        public NodeId self() {
            return actor.id;
        }

        @Override
        public void send(NodeId to, Message message) {
            messagesSent++;
            Actor receiver = actors.get(to);
            if (receiver == null || !actor.up || !linkUp(actor.id, to)) {
                return;
            }
            NodeId from = actor.id;
            schedule(latency, () -> receiver.deliver(from, message));
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            TimerId id = new TimerId(actor.nextTimerId++);
            int life = actor.life;
            schedule(delay, () -> {
                if (actor.up && actor.life == life && !actor.cancelledTimers.remove(id.value())) {
                    if (actor.client != null) {
                        actor.client.onTimer(id, timer, this);
                    } else {
                        actor.node.onTimer(id, timer, this);
                    }
                }
            });
            return id;
        }

        @Override
        public void cancelTimer(TimerId id) {
            actor.cancelledTimers.add(id.value());
        }

        @Override
        public long nowNanos() {
            return nowNanos;
        }

        @Override
        public RandomGenerator random() {
            return actor.random;
        }

        @Override
        public Disk disk() {
            return actor.disk;
        }

        @Override
        public void note(String text) {}

        @Override
        public void complete(long opId, Outcome outcome) {
            Outcome previous = outcomes.put(opId, outcome);
            if (previous != null) {
                throw new AssertionError("operation " + opId + " completed twice: " + previous + ", " + outcome);
            }
        }
    }

    /** Writes are visible at once and durable only after a sync completes; a crash drops the rest. */
    private final class MemoryDisk implements Disk {
        private final Actor actor;
        private Map<String, byte[]> files = new TreeMap<>();
        private Map<String, byte[]> durable = new TreeMap<>();
        private long nextSyncId;

        MemoryDisk(Actor actor) {
            this.actor = actor;
        }

        @Override
        public void write(String file, byte[] content) {
            files.put(file, content.clone());
        }

        @Override
        public void append(String file, byte[] bytes) {
            byte[] old = files.getOrDefault(file, new byte[0]);
            byte[] joined = java.util.Arrays.copyOf(old, old.length + bytes.length);
            System.arraycopy(bytes, 0, joined, old.length, bytes.length);
            files.put(file, joined);
        }

        @Override
        public Optional<byte[]> read(String file) {
            return Optional.ofNullable(files.get(file)).map(byte[]::clone);
        }

        @Override
        public void delete(String file) {
            files.remove(file);
        }

        @Override
        public SortedSet<String> files() {
            return new TreeSet<>(files.keySet());
        }

        @Override
        public long sync() {
            long id = nextSyncId++;
            Map<String, byte[]> snapshot = new TreeMap<>(files);
            int life = actor.life;
            schedule(syncLatency, () -> {
                if (actor.up && actor.life == life) {
                    durable = snapshot;
                    actor.node.onSynced(id, actor.ctx);
                }
            });
            return id;
        }

        void loseUnsynced() {
            files = new TreeMap<>(durable);
        }
    }
}
