package sdlab.chapters.shard.hotspots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.shard.store.ShardRouter;

/**
 * Stale reads of the hot key, measured from the history: a read is stale when the write whose value it returned was
 * followed, in real time, by another acknowledged write that finished before the read began. That newer write was
 * acknowledged, so a linearizable store could not have returned the older value; how long before the read it was
 * acknowledged is the read's staleness. Writes of the hot key carry distinct values ({@link Hotspot#HOT_VALUES_FROM}),
 * so a value names its write; the loaded value counts as written at time zero.
 */
final class HotKeyStaleness {
    /** Reads counted, stale reads among them, and the largest staleness in nanoseconds. */
    record Result(long reads, long stale, long stalenessNanosMax) {}

    private HotKeyStaleness() {}

    static Result of(List<Operation> history, String hotKey) {
        List<Operation> writes = new ArrayList<>();
        Map<Object, Operation> writeOfValue = new HashMap<>();
        for (Operation op : history) {
            if (hotKey.equals(op.key()) && ShardRouter.PUT.equals(op.f()) && op.status() != Status.FAIL) {
                writes.add(op);
                writeOfValue.put(op.input(), op);
            }
        }
        long reads = 0;
        long stale = 0;
        long worst = 0;
        for (Operation read : history) {
            if (!hotKey.equals(read.key()) || !ShardRouter.GET.equals(read.f()) || read.status() != Status.OK) {
                continue;
            }
            reads++;
            Operation source = writeOfValue.get(read.output());
            // The loaded value was in place before anything ran.
            long sourceDoneNanos = source == null ? 0 : source.completeTimeNanos();
            long supersededAt = Long.MAX_VALUE;
            for (Operation write : writes) {
                if (write.status() == Status.OK
                        && write.invokeTimeNanos() > sourceDoneNanos
                        && write.completeTimeNanos() < read.invokeTimeNanos()) {
                    supersededAt = Math.min(supersededAt, write.completeTimeNanos());
                }
            }
            if (supersededAt != Long.MAX_VALUE) {
                stale++;
                worst = Math.max(worst, read.invokeTimeNanos() - supersededAt);
            }
        }
        return new Result(reads, stale, worst);
    }
}
