package sdlab.sim;

import java.util.SplittableRandom;
import sdlab.core.Message;

/**
 * The simulated network that nodes and clients share. Each send draws, from the sender's own
 * network generator, whether the message is lost, its latency, whether it is held back for
 * reordering and whether it is duplicated. A message is dropped if its directed link is cut
 * (partition or clog) when it is sent or when it arrives, or if its sender or receiver is
 * down when it arrives: a crash takes the machine's buffers with it. (A message from an
 * earlier life of a sender that has restarted since is delivered.)
 */
final class Network {

    static final String DROP_LOST = "lost";
    static final String DROP_PARTITIONED = "partitioned";
    static final String DROP_CLOGGED = "clogged";
    static final String DROP_RECEIVER_DOWN = "receiver down";
    static final String DROP_SENDER_DOWN = "sender down";

    /** A held-back message waits up to this many extra latency samples. */
    private static final int REORDER_SAMPLES_MAX = 4;

    private final Engine engine;
    private final NetworkConfig config;
    private final int endpointCount;
    /** Per directed link (from * count + to): how many partitions and clogs cut it now. */
    private final int[] cuts;
    /** Per directed link: how many of those cuts are clogs (to name the drop's reason). */
    private final int[] clogs;

    private long messageCount;
    private Message lastMessage;
    private int lastMessageHash;

    Network(Engine engine, NetworkConfig config, int endpointCount) {
        this.engine = engine;
        this.config = config;
        this.endpointCount = endpointCount;
        this.cuts = new int[endpointCount * endpointCount];
        this.clogs = new int[endpointCount * endpointCount];
    }

    void send(Endpoint from, Endpoint to, Message message) {
        int messageHash = hashOf(message);
        long messageId = ++messageCount;
        engine.counters().messagesSent++;
        engine.trace()
                .record(
                        engine.now(),
                        TraceEvent.Kind.SEND,
                        from.index,
                        to.index,
                        messageId,
                        messageHash,
                        message,
                        null);
        transmit(from, to, messageId, message, messageHash);
        if (config.duplicateRate() > 0 && from.netRandom.nextDouble() < config.duplicateRate()) {
            long copyId = ++messageCount;
            engine.counters().messagesDuplicated++;
            engine.trace()
                    .record(
                            engine.now(),
                            TraceEvent.Kind.DUPLICATE,
                            from.index,
                            to.index,
                            copyId,
                            messageHash,
                            message,
                            null);
            transmit(from, to, copyId, message, messageHash);
        }
    }

    private void transmit(Endpoint from, Endpoint to, long messageId, Message message, int messageHash) {
        MessageArrival arrival = new MessageArrival(from, to, messageId, message, messageHash);
        int link = from.index * endpointCount + to.index;
        if (cuts[link] != 0) {
            drop(arrival, clogs[link] != 0 ? DROP_CLOGGED : DROP_PARTITIONED);
            return;
        }
        SplittableRandom random = from.netRandom;
        if (config.lossRate() > 0 && random.nextDouble() < config.lossRate()) {
            drop(arrival, DROP_LOST);
            return;
        }
        Latency latency = config.latency();
        long delayNanos = latency.sampleNanos(random);
        if (config.reorderRate() > 0 && random.nextDouble() < config.reorderRate()) {
            long extraMax = REORDER_SAMPLES_MAX * latency.sampleNanos(random);
            delayNanos += random.nextLong(extraMax + 1);
        }
        engine.schedule(engine.now() + delayNanos, arrival);
    }

    /** A message reaches its receiver's side of the network. */
    void arrive(MessageArrival arrival) {
        int link = arrival.from.index * endpointCount + arrival.to.index;
        if (cuts[link] != 0) {
            drop(arrival, clogs[link] != 0 ? DROP_CLOGGED : DROP_PARTITIONED);
            return;
        }
        if (!arrival.from.up()) {
            drop(arrival, DROP_SENDER_DOWN);
            return;
        }
        arrival.to.deliver(arrival);
    }

    void drop(MessageArrival arrival, String reason) {
        engine.counters().messagesDropped++;
        engine.trace()
                .record(
                        engine.now(),
                        TraceEvent.Kind.DROP,
                        arrival.from.index,
                        arrival.to.index,
                        arrival.messageId,
                        TraceRecorder.detailHash(arrival.messageHash, reason),
                        arrival.message,
                        reason);
    }

    /** Adds ({@code delta} 1) or removes ({@code delta} -1) the cuts of a partition. */
    void cut(Partition partition, Endpoint[] endpoints, int delta) {
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (from != to && partition.cuts(from.id, to.id)) {
                    cuts[from.index * endpointCount + to.index] += delta;
                }
            }
        }
    }

    /** Adds or removes a clog of the directed link {@code from -> to}. */
    void clog(Endpoint from, Endpoint to, int delta) {
        int link = from.index * endpointCount + to.index;
        cuts[link] += delta;
        clogs[link] += delta;
    }

    /**
     * The stable hash of the message, for the trace hash. A broadcast sends one message object
     * to many peers, so the last one's hash is remembered.
     */
    private int hashOf(Message message) {
        if (!engine.trace().hashing()) {
            return 0;
        }
        if (message != lastMessage) {
            lastMessage = message;
            lastMessageHash = StableHash.of(message);
        }
        return lastMessageHash;
    }
}
