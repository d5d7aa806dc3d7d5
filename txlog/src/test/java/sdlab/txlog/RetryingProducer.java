package sdlab.txlog;

import java.time.Duration;
import java.util.List;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.InitProducerIdOk;
import sdlab.txlog.TxLogMessages.Produce;
import sdlab.txlog.TxLogMessages.ProduceOk;

/**
 * A test producer that writes "v0", "v1", ... one batch at a time and sends a batch again whenever its answer is late,
 * as a producer with retries does. Idempotent, it asks for a producer id first; plain, it writes with id -1.
 */
final class RetryingProducer implements Node {
    private record Retry(long attempt) implements Timer {}

    private static final long RETRY_AFTER_MS = 5;
    private final boolean idempotent;
    private final int batches;
    private long producerId = -1;
    private int next;
    private long attempt;
    int acknowledged;

    RetryingProducer(boolean idempotent, int batches) {
        this.idempotent = idempotent;
        this.batches = batches;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (idempotent) {
            sendInit(ctx);
        } else {
            sendBatch(ctx);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case InitProducerIdOk ok
            when producerId < 0 -> {
                producerId = ok.producerId();
                sendBatch(ctx);
            }
            case ProduceOk ok
            when ok.requestId() == next -> {
                acknowledged++;
                next++;
                sendBatch(ctx);
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Retry retry && retry.attempt() == attempt) {
            if (idempotent && producerId < 0) {
                sendInit(ctx);
            } else {
                sendBatch(ctx);
            }
        }
    }

    private void sendInit(NodeContext ctx) {
        ctx.send(TxWorld.BROKER, new InitProducerId(-1, null, 0));
        armRetry(ctx);
    }

    private void sendBatch(NodeContext ctx) {
        if (next >= batches) {
            return;
        }
        // The sequence of batch n is n: one record a batch. A plain producer's sequence is ignored.
        ctx.send(
                TxWorld.BROKER, new Produce(next, TxWorld.P0, producerId, (short) 0, next, false, List.of("v" + next)));
        armRetry(ctx);
    }

    private void armRetry(NodeContext ctx) {
        attempt++;
        ctx.setTimer(Duration.ofMillis(RETRY_AFTER_MS), new Retry(attempt));
    }
}
