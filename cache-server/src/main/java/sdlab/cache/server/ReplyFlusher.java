package sdlab.cache.server;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Sends the replies of one event-loop iteration together, after the append-only file has been
 * written (and, with {@code appendfsync always}, synced): Redis's {@code beforeSleep}.
 *
 * <p>Connections whose reads produced replies enqueue themselves; one task, run after the
 * iteration's reads, first calls {@code beforeReplies} and then flushes each connection once.
 * So every client gets one write per batch of pipelined commands, and an fsync is shared by
 * every write acknowledged in the same iteration (group commit). If the file could not be
 * written when it had to be durable, the iteration's replies are never sent: their clients are
 * disconnected, and what they sent is of unknown outcome to them, never falsely acknowledged.
 */
final class ReplyFlusher {
    private final Executor loop;
    private final BooleanSupplier beforeReplies;
    private final ArrayDeque<RespConnection> pending = new ArrayDeque<>();
    /** Made once: scheduling happens on every busy event-loop pass. */
    private final Runnable flushAllTask = this::flushAll;

    private boolean scheduled;

    ReplyFlusher(Executor loop, BooleanSupplier beforeReplies) {
        this.loop = loop;
        this.beforeReplies = beforeReplies;
    }

    /** Queues {@code connection} for the end of this iteration; called on the loop thread. */
    void schedule(RespConnection connection) {
        if (connection.markFlushQueued()) {
            pending.add(connection);
        }
        if (!scheduled) {
            scheduled = true;
            loop.execute(flushAllTask);
        }
    }

    private void flushAll() {
        scheduled = false;
        boolean durable = beforeReplies.getAsBoolean();
        RespConnection connection;
        while ((connection = pending.poll()) != null) {
            if (durable) {
                connection.flushReplies();
            } else {
                connection.withholdReplies();
            }
        }
    }
}
