package sdlab.app.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.kv.causal.CausalMessages.ClientRequest;
import sdlab.runtime.cluster.ClusterMechanism;

/**
 * A test's view of where a cluster test's clients send their requests: the causal mechanism as it is, with each client
 * it makes wrapped so that every request it sends is counted by the replica it goes to. The nodes are not touched.
 */
final class ReplicaCountingMechanism implements ClusterMechanism {
    private final ClusterMechanism mechanism;
    private final Map<NodeId, AtomicLong> requests = new ConcurrentHashMap<>();

    ReplicaCountingMechanism(ClusterMechanism mechanism) {
        this.mechanism = mechanism;
    }

    /** Requests sent so far, by replica, in name order. */
    Map<NodeId, Long> requestsByReplica() {
        Map<NodeId, Long> counts = new TreeMap<>();
        requests.forEach((replica, count) -> counts.put(replica, count.get()));
        return counts;
    }

    @Override
    public String name() {
        return mechanism.name();
    }

    @Override
    public String describe() {
        return mechanism.describe();
    }

    @Override
    public Class<? extends Message> family() {
        return mechanism.family();
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        return mechanism.nodeFactory(nodes);
    }

    @Override
    public Client client(List<NodeId> nodes) {
        return new Counted(mechanism.client(nodes));
    }

    @Override
    public ClientCommand parse(List<String> words) {
        return mechanism.parse(words);
    }

    @Override
    public String clientHelp() {
        return mechanism.clientHelp();
    }

    /** The client, handed a context that counts its requests on their way out. */
    private final class Counted implements Client {
        private final Client client;

        Counted(Client client) {
            this.client = client;
        }

        @Override
        public void onStart(ClientContext ctx) {
            client.onStart(new Counting(ctx));
        }

        @Override
        public void onInvoke(Invocation invocation, ClientContext ctx) {
            client.onInvoke(invocation, new Counting(ctx));
        }

        @Override
        public void onMessage(NodeId from, Message message, ClientContext ctx) {
            client.onMessage(from, message, new Counting(ctx));
        }

        @Override
        public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
            client.onTimer(id, timer, new Counting(ctx));
        }
    }

    private final class Counting implements ClientContext {
        private final ClientContext ctx;

        Counting(ClientContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void send(NodeId to, Message message) {
            if (message instanceof ClientRequest) {
                requests.computeIfAbsent(to, replica -> new AtomicLong()).incrementAndGet();
            }
            ctx.send(to, message);
        }

        @Override
        public void complete(long opId, Outcome outcome) {
            ctx.complete(opId, outcome);
        }

        @Override
        public NodeId self() {
            return ctx.self();
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            return ctx.setTimer(delay, timer);
        }

        @Override
        public void cancelTimer(TimerId id) {
            ctx.cancelTimer(id);
        }

        @Override
        public long nowNanos() {
            return ctx.nowNanos();
        }

        @Override
        public RandomGenerator random() {
            return ctx.random();
        }

        @Override
        public Disk disk() {
            return ctx.disk();
        }

        @Override
        public void note(String text) {
            ctx.note(text);
        }
    }
}
