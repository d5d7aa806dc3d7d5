package sdlab.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.TimerId;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadRefused;
import sdlab.repl.ReplTimers.ReadTimeout;

/**
 * Reads served from a node's {@link KvState}, on the primary or a replica. A read that asks for a position the
 * node has not applied yet waits for it (read-your-writes by position, as {@code WAIT_FOR_EXECUTED_GTID_SET} or a
 * wait for an LSN does), at most the time it names, and at most {@code waitsMax} reads wait at once.
 */
final class ReadWaits {
    /** One read waiting for its position. */
    private record Waiting(NodeId client, Read read, TimerId timer) {}

    private final int waitsMax;
    private final PageReads pages;
    private final List<Waiting> waiting = new ArrayList<>();

    ReadWaits(int waitsMax, PageReads pages) {
        this.waitsMax = waitsMax;
        this.pages = pages;
    }

    /** Serves {@code read} now if {@code state} has its position, else makes it wait (or refuses it if full). */
    void onRead(NodeId client, Read read, KvState state, NodeContext ctx) {
        if (state.appliedPosition() >= read.minPosition()) {
            answer(client, read, state, ctx);
        } else if (waiting.size() >= waitsMax || read.waitNanosMax() <= 0) {
            ctx.send(client, new ReadRefused(read.requestId(), "not applied yet", state.appliedPosition(), null));
        } else {
            TimerId timer =
                    ctx.setTimer(Duration.ofNanos(read.waitNanosMax()), new ReadTimeout(client, read.requestId()));
            waiting.add(new Waiting(client, read, timer));
        }
    }

    /** Serves every waiting read whose position {@code state} has now reached. */
    void release(KvState state, NodeContext ctx) {
        if (waiting.isEmpty()) {
            return;
        }
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting one = it.next();
            if (state.appliedPosition() >= one.read().minPosition()) {
                it.remove();
                ctx.cancelTimer(one.timer());
                answer(one.client(), one.read(), state, ctx);
            }
        }
    }

    /** A waiting read timed out: it is refused, with the position the node had reached. */
    void onTimeout(ReadTimeout timeout, KvState state, NodeContext ctx) {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting one = it.next();
            if (one.client().equals(timeout.client()) && one.read().requestId() == timeout.requestId()) {
                it.remove();
                ctx.send(
                        one.client(),
                        new ReadRefused(
                                one.read().requestId(),
                                "position " + one.read().minPosition() + " not applied in time",
                                state.appliedPosition(),
                                null));
                return;
            }
        }
    }

    private void answer(NodeId client, Read read, KvState state, NodeContext ctx) {
        pages.serve(client, read, state, ctx);
    }
}
