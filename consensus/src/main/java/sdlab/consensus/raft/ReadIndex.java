package sdlab.consensus.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;

/**
 * A leader's reads waiting to be served by ReadIndex (Raft thesis §6.4): a read that arrives is
 * given the read index (the commit index then, and at least the leader's own first entry, so
 * that everything committed before the leader took over is included) and the heartbeat round
 * that will confirm the leadership. It is answered once a majority has acknowledged that round
 * and the state machine has applied the read index. No log entry, no disk write.
 *
 * <p>Reads arrive with growing read indexes and rounds, so they are served in arrival order.
 */
final class ReadIndex {
    /** Reads one leader keeps waiting at most; more are refused (the client retries). */
    static final int READS_WAITING_MAX = 10_000;

    record PendingRead(NodeId client, long requestId, String key, long readIndex, long round) {}

    private final ArrayDeque<PendingRead> waiting = new ArrayDeque<>();

    boolean isFull() {
        return waiting.size() >= READS_WAITING_MAX;
    }

    void add(PendingRead read) {
        assert waiting.isEmpty() || waiting.peekLast().round() <= read.round();
        waiting.addLast(read);
    }

    /** The reads whose round a majority confirmed and whose read index is applied, in arrival order. */
    List<PendingRead> ready(long confirmedRound, long lastApplied) {
        List<PendingRead> ready = new ArrayList<>();
        while (!waiting.isEmpty()
                && waiting.peekFirst().round() <= confirmedRound
                && waiting.peekFirst().readIndex() <= lastApplied) {
            ready.add(waiting.removeFirst());
        }
        return ready;
    }

    /** Every read still waiting, removed: the leader stepped down. */
    List<PendingRead> drain() {
        List<PendingRead> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }
}
