package sdlab.chapters.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.ErrorCode;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;
import sdlab.txlog.TxLogMessages.AddPartitionsToTxn;
import sdlab.txlog.TxLogMessages.EndTxn;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.Produce;

/**
 * A transactional producer of payments: for each business transaction it opens a log transaction over every
 * partition, writes the payments one batch each, and ends the attempt as its drawn {@link Fate} says. A payment keeps
 * its id across attempts, so an aborted attempt and the retry that commits hold the same payments: counting both is
 * a double count. One request is in flight at a time; the network of this chapter loses nothing.
 */
final class PaymentProducer implements Node {
    /** The producer's knobs. */
    record Settings(
            NodeId broker,
            String transactionalId,
            List<TopicPartition> partitions,
            int transactions,
            int paymentsPerTransaction,
            long thinkNanos,
            long transactionTimeoutMs,
            double abortShare,
            double crashShare,
            double hangShare,
            long restartNanos) {
        Settings {
            partitions = List.copyOf(partitions);
        }
    }

    /** A step due: {@code generation} drops the steps of an instance that crashed or was fenced. */
    record Step(long generation) implements Timer {}

    private enum Waiting {
        INIT,
        ADD,
        PRODUCE,
        END,
        NOTHING
    }

    /** A bound on attempts, so that a seed drawing failure after failure still ends. */
    private static final int ATTEMPTS_PER_TRANSACTION_MAX = 20;

    private final Settings settings;
    private final Map<TopicPartition, Integer> sequences = new TreeMap<>();
    private long generation;
    private long requestIdNext;
    private long producerId = -1;
    private short epoch;
    private int transaction;
    private int attempts;
    private int paymentsWritten;
    private Fate fate = Fate.COMMIT;
    private Waiting waiting = Waiting.NOTHING;

    PaymentProducer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        startInstance(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof TxLogMessages.Response response)) {
            return;
        }
        switch (response) {
            case TxLogMessages.InitProducerIdOk ok
            when waiting == Waiting.INIT -> {
                producerId = ok.producerId();
                epoch = ok.producerEpoch();
                sequences.clear();
                begin(ctx);
            }
            case TxLogMessages.TxnOk ok when waiting == Waiting.ADD -> later(ctx, settings.thinkNanos());
            case TxLogMessages.ProduceOk ok
            when waiting == Waiting.PRODUCE -> {
                paymentsWritten++;
                later(ctx, settings.thinkNanos());
            }
            case TxLogMessages.TxnOk ok when waiting == Waiting.END -> ended(ctx);
            case TxLogMessages.TxnRefused refused
            when refused.error() == ErrorCode.CONCURRENT_TRANSACTIONS -> retrySoon(ctx);
            case TxLogMessages.TxnRefused refused -> startInstance(ctx);
            case TxLogMessages.ProduceRefused refused -> startInstance(ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (!(timer instanceof Step step) || step.generation() != generation) {
            return;
        }
        switch (waiting) {
            case INIT -> send(ctx, new InitProducerId(nextId(), settings.transactionalId(), timeoutMs()));
            case ADD, PRODUCE -> writeOrEnd(ctx);
            case END -> end(ctx);
            case NOTHING -> {}
        }
    }

    /**
     * A new instance of the producer (the first, after a crash, or after being fenced): it asks for its producer id,
     * which bumps the epoch and aborts whatever an earlier instance left open, and retries the current transaction.
     */
    private void startInstance(NodeContext ctx) {
        generation++;
        waiting = Waiting.INIT;
        send(ctx, new InitProducerId(nextId(), settings.transactionalId(), timeoutMs()));
    }

    private void begin(NodeContext ctx) {
        if (transaction >= settings.transactions() || attempts >= ATTEMPTS_PER_TRANSACTION_MAX) {
            waiting = Waiting.NOTHING;
            return;
        }
        attempts++;
        paymentsWritten = 0;
        fate = draw(ctx);
        waiting = Waiting.ADD;
        send(
                ctx,
                new AddPartitionsToTxn(nextId(), settings.transactionalId(), producerId, epoch, settings.partitions()));
    }

    private void writeOrEnd(NodeContext ctx) {
        if (paymentsWritten < settings.paymentsPerTransaction()) {
            TopicPartition partition = settings.partitions()
                    .get(paymentsWritten % settings.partitions().size());
            int sequence = sequences.merge(partition, 1, Integer::sum) - 1;
            waiting = Waiting.PRODUCE;
            send(ctx, new Produce(nextId(), partition, producerId, epoch, sequence, true, List.of(payment())));
            return;
        }
        switch (fate) {
            case COMMIT, ABORT -> end(ctx);
            case CRASH -> {
                ctx.note("crashes with transaction " + transaction + " open");
                generation++;
                waiting = Waiting.INIT;
                ctx.setTimer(Duration.ofNanos(settings.restartNanos()), new Step(generation));
            }
            case HANG -> {
                ctx.note("stalls with transaction " + transaction + " open");
                waiting = Waiting.END;
                ctx.setTimer(Duration.ofMillis(timeoutMs() + timeoutMs() / 2), new Step(generation));
            }
        }
    }

    private void end(NodeContext ctx) {
        waiting = Waiting.END;
        boolean commit = fate != Fate.ABORT;
        send(ctx, new EndTxn(nextId(), settings.transactionalId(), producerId, epoch, commit));
    }

    /** The end was acknowledged: a commit moves on to the next business transaction, an abort retries this one. */
    private void ended(NodeContext ctx) {
        if (fate != Fate.ABORT) {
            transaction++;
            attempts = 0;
        }
        begin(ctx);
    }

    private void later(NodeContext ctx, long delayNanos) {
        waiting = Waiting.PRODUCE;
        ctx.setTimer(Duration.ofNanos(delayNanos), new Step(generation));
    }

    /** The coordinator is completing a transaction: ask again shortly (a write in progress starts over). */
    private void retrySoon(NodeContext ctx) {
        if (waiting == Waiting.ADD || waiting == Waiting.PRODUCE) {
            startInstance(ctx);
            return;
        }
        ctx.setTimer(Duration.ofMillis(1), new Step(generation));
    }

    private Fate draw(NodeContext ctx) {
        double roll = ctx.random().nextDouble();
        if (roll < settings.abortShare()) {
            return Fate.ABORT;
        }
        if (roll < settings.abortShare() + settings.crashShare()) {
            return Fate.CRASH;
        }
        if (roll < settings.abortShare() + settings.crashShare() + settings.hangShare()) {
            return Fate.HANG;
        }
        return Fate.COMMIT;
    }

    /** "id:amount"; the id names the producer, the business transaction and the payment, the same on every retry. */
    private String payment() {
        String id = settings.transactionalId() + "-" + transaction + "-" + paymentsWritten;
        long amountCents = 100 + Math.floorMod(id.hashCode(), 9_900);
        return id + ":" + amountCents;
    }

    private long timeoutMs() {
        return settings.transactionTimeoutMs();
    }

    private long nextId() {
        return requestIdNext++;
    }

    private void send(NodeContext ctx, TxLogMessages.Request request) {
        ctx.send(settings.broker(), request);
    }
}
