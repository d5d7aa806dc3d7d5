package sdlab.sim;

import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.core.history.Op;

/**
 * A client process: it never crashes, performs one workload operation at a time and records
 * each operation's invocation and completion in the history.
 */
final class ClientEndpoint extends Endpoint implements ClientContext {

    private final Client client;
    /** The workload process this client runs, or -1 if the workload does not use it. */
    int process = -1;

    private Invocation open;

    ClientEndpoint(Engine engine, NodeId id, int index, long seed, Client client) {
        super(engine, id, index, seed);
        this.client = client;
    }

    @Override
    boolean up() {
        return true;
    }

    @Override
    void handleStart() {
        client.onStart(this);
    }

    @Override
    void handleMessage(NodeId from, Message message) {
        client.onMessage(from, message, this);
    }

    @Override
    void handleTimer(TimerId timerId, Timer timer) {
        client.onTimer(timerId, timer, this);
    }

    @Override
    void handleSynced(long syncId) {
        // Clients do not use their disk for durability; nothing waits for the sync.
    }

    /** Hands the workload's next operation to the client (later, if the client is paused). */
    void invoke(Invocation invocation) {
        if (paused()) {
            defer(e -> invoke(invocation));
            return;
        }
        if (open != null) {
            throw new IllegalStateException(
                    id + " was given operation " + invocation.opId() + " while " + open.opId() + " is still open");
        }
        open = invocation;
        engine.recordHistory(
                Op.invoke(invocation.process(), invocation.f(), invocation.key(), invocation.value(), engine.now()));
        engine.trace().record(engine.now(), TraceEvent.Kind.INVOKE, index, TraceRecorder.NONE, invocation, null);
        client.onInvoke(invocation, this);
    }

    @Override
    public void complete(long opId, Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (open == null || open.opId() != opId) {
            throw new IllegalStateException(id + " completed operation " + opId + ", which is not its open operation "
                    + (open == null ? "(none is open)" : open.opId()));
        }
        Invocation done = open;
        open = null;
        long now = engine.now();
        engine.recordHistory(
                switch (outcome) {
                    case Outcome.Ok ok -> Op.ok(done.process(), done.f(), done.key(), ok.value(), now);
                    case Outcome.Fail fail ->
                        Op.fail(done.process(), done.f(), done.key(), done.value(), now, fail.reason());
                    case Outcome.Unknown unknown ->
                        Op.info(done.process(), done.f(), done.key(), done.value(), now, unknown.reason());
                });
        TraceRecorder trace = engine.trace();
        // The operation id goes into the hash as a number; its text is built only for a kept trace.
        long detailHash = trace.hashing() ? StableHash.of(outcome) * 31L + opId : 0;
        trace.record(
                now,
                TraceEvent.Kind.COMPLETE,
                index,
                TraceRecorder.NONE,
                0,
                detailHash,
                outcome,
                trace.keeping() ? "op " + opId : null);
        engine.workloadCompleted(process);
    }
}
