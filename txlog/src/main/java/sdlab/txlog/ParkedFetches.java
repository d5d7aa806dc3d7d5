package sdlab.txlog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.txlog.ReplicationMessages.ReplicaFetch;

/**
 * The follower fetches a leader holds back because they found nothing worth sending, as Kafka's purgatory holds a
 * DelayedFetch: at most one per follower (a follower has one fetch out at a time, so a newer one replaces what is
 * held), each with a timer for the end of its wait. The leader decides when to answer; this only keeps them.
 */
final class ParkedFetches {
    /**
     * Kafka counts a record's header too, so a fetch that waits for one byte is answered by a transaction marker,
     * whose value is empty.
     */
    static final int RECORD_OVERHEAD_BYTES = 8;

    /** A held fetch: who sent it, the fetch, since when it is held, and the id its wait's timer names. */
    record Parked(NodeId follower, ReplicaFetch fetch, long parkedAtNanos, long id) {}

    /** The wait of held fetch {@code id} ends; stale when that fetch was answered or replaced meanwhile. */
    record WaitEnds(TopicPartition partition, int leaderEpoch, NodeId follower, long id) implements Timer {}

    private final Map<NodeId, Parked> byFollower = new TreeMap<>();
    private long lastId;

    /** Holds {@code fetch} for up to {@code waitMaxMs}, replacing what {@code follower} had held here. */
    void park(NodeId follower, ReplicaFetch fetch, long waitMaxMs, NodeContext ctx) {
        lastId++;
        byFollower.put(follower, new Parked(follower, fetch, ctx.nowNanos(), lastId));
        ctx.setTimer(
                Duration.ofMillis(waitMaxMs), new WaitEnds(fetch.partition(), fetch.leaderEpoch(), follower, lastId));
    }

    /** Lets go of what {@code follower} had held here, if anything: a newer fetch from it is being handled. */
    void release(NodeId follower) {
        byFollower.remove(follower);
    }

    /** The held fetch whose wait just ended, taken out; empty if it was answered or replaced before. */
    Optional<Parked> takeExpired(WaitEnds ends) {
        Parked parked = byFollower.get(ends.follower());
        if (parked == null || parked.id() != ends.id()) {
            return Optional.empty();
        }
        byFollower.remove(ends.follower());
        return Optional.of(parked);
    }

    /** Takes out and returns every held fetch that {@code ready} accepts, in follower order. */
    List<Parked> takeIf(Predicate<Parked> ready) {
        List<Parked> taken = new ArrayList<>();
        for (Parked parked : List.copyOf(byFollower.values())) {
            if (ready.test(parked)) {
                byFollower.remove(parked.follower());
                taken.add(parked);
            }
        }
        return taken;
    }

    /** Drops everything held: this broker no longer leads, and the controller tells the followers whom to ask. */
    void clear() {
        byFollower.clear();
    }

    /** The held fetches, for tests and the leader's checks. */
    List<Parked> held() {
        return List.copyOf(byFollower.values());
    }

    /** The size Kafka's min.bytes would see in {@code records}: their values and a header each. */
    static long bytesOf(List<LogRecord> records) {
        long bytes = 0;
        for (LogRecord record : records) {
            bytes += RECORD_OVERHEAD_BYTES + record.value().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
