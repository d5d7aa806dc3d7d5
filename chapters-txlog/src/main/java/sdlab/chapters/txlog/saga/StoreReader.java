package sdlab.chapters.txlog.saga;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.saga.SagaMessages.ReadStore;
import sdlab.txlog.saga.SagaMessages.StoreSnapshot;

/**
 * Another user of the services, reading their stores while sagas run: it notes which saga's step it saw applied
 * where, so the measurement can find the steps it saw that were compensated later (sagas give no isolation).
 */
final class StoreReader implements Node {
    private record Tick() implements Timer {}

    private final List<NodeId> services;
    private final long everyNanos;
    private final Map<Long, NodeId> pending = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private long nextRead;

    StoreReader(List<NodeId> services, long everyNanos) {
        this.services = List.copyOf(services);
        this.everyNanos = everyNanos;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofNanos(everyNanos), new Tick());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof StoreSnapshot snapshot && pending.remove(snapshot.readId()) != null) {
            snapshot.appliedSagas().forEach(saga -> seen.add(key(saga, from)));
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        for (NodeId service : services) {
            long readId = nextRead++;
            pending.put(readId, service);
            ctx.send(service, new ReadStore(readId));
        }
        ctx.setTimer(Duration.ofNanos(everyNanos), new Tick());
    }

    /** True if a read saw this saga's step applied on this service. */
    boolean sawApplied(String sagaId, NodeId service) {
        return seen.contains(key(sagaId, service));
    }

    private static String key(String sagaId, NodeId service) {
        return sagaId + "@" + service.name();
    }
}
