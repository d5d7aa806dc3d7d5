package sdlab.chapters.repl.readreplica;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.repl.ReplClient;

/**
 * Finds stale reads in a client history, independent of what any replica said of itself: a read is stale when it
 * returned a value older (by its position in the primary's log) than the newest write to its key acknowledged before
 * the read began. Its staleness is how long before the read began the first such newer write had been acknowledged.
 * It also finds reads that missed their own client's earlier write, which read-your-writes promises never to do.
 */
final class StaleReads {
    /** A stale read: the operation and how stale it was. */
    record Stale(Operation read, long stalenessNanos) {}

    /** An acknowledged write. */
    private record Acked(int process, long position, long ackNanos) {}

    final List<Stale> stale = new ArrayList<>();
    final List<Operation> missedOwnWrite = new ArrayList<>();

    private StaleReads() {}

    static StaleReads find(List<Operation> ops, Map<String, Long> positions) {
        Map<String, List<Acked>> writesByKey = new HashMap<>();
        for (Operation op : ops) {
            if (op.f().equals(ReplClient.WRITE) && op.status() == Status.OK) {
                Long position = positions.get(String.valueOf(op.output()));
                if (position != null) {
                    writesByKey
                            .computeIfAbsent(op.key(), any -> new ArrayList<>())
                            .add(new Acked(op.process(), position, op.completeTimeNanos()));
                }
            }
        }
        StaleReads found = new StaleReads();
        for (Operation op : ops) {
            if (!op.f().equals(ReplClient.READ) || op.status() != Status.OK) {
                continue;
            }
            long readPosition = op.output() == null ? 0 : positions.getOrDefault(String.valueOf(op.output()), 0L);
            long firstNewerAck = Long.MAX_VALUE;
            boolean ownMissed = false;
            for (Acked write : writesByKey.getOrDefault(op.key(), List.of())) {
                if (write.ackNanos() < op.invokeTimeNanos() && write.position() > readPosition) {
                    firstNewerAck = Math.min(firstNewerAck, write.ackNanos());
                    ownMissed |= write.process() == op.process();
                }
            }
            if (firstNewerAck != Long.MAX_VALUE) {
                found.stale.add(new Stale(op, op.invokeTimeNanos() - firstNewerAck));
            }
            if (ownMissed) {
                found.missedOwnWrite.add(op);
            }
        }
        return found;
    }
}
