package sdlab.app.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The check of a produce-then-read-back run, a pure function of what the producer was told and what a consumer read:
 * every record sent was acknowledged, and every acknowledged record is read back exactly once, at the offset it was
 * acknowledged at, in the order it was sent, per partition. It lists what is wrong; no problems means it holds.
 */
final class ReadBackCheck {
    /** One record as the producer saw it: its partition, its value, and the offset acknowledged (-1: not acked). */
    record Sent(int partition, String value, long ackedOffset, String failure) {}

    /** One record as a consumer read it. */
    record Read(int partition, long offset, String value) {}

    private static final int PROBLEMS_MAX = 20;

    private ReadBackCheck() {}

    static List<String> problems(List<Sent> sent, List<Read> read) {
        List<String> problems = new ArrayList<>();
        Map<Integer, List<Sent>> ackedByPartition = new TreeMap<>();
        for (Sent record : sent) {
            if (record.ackedOffset() < 0) {
                add(
                        problems,
                        "not acknowledged: " + record.value() + " to partition " + record.partition() + " ("
                                + record.failure() + ")");
            } else {
                ackedByPartition
                        .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                        .add(record);
            }
        }
        Map<Integer, List<Read>> readByPartition = new TreeMap<>();
        read.forEach(r -> readByPartition
                .computeIfAbsent(r.partition(), p -> new ArrayList<>())
                .add(r));
        ackedByPartition.forEach((partition, acked) ->
                checkPartition(problems, partition, acked, readByPartition.getOrDefault(partition, List.of())));
        return problems;
    }

    /** {@code acked} is in send order; each value must be read once, at its acked offset, offsets rising in that order. */
    private static void checkPartition(List<String> problems, int partition, List<Sent> acked, List<Read> read) {
        Map<String, List<Long>> readOffsets = new TreeMap<>();
        read.forEach(r ->
                readOffsets.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(r.offset()));
        long offsetBefore = -1;
        for (Sent record : acked) {
            List<Long> offsets = readOffsets.getOrDefault(record.value(), List.of());
            if (offsets.isEmpty()) {
                add(problems, "lost: " + record.value() + " acknowledged at " + partition + "@" + record.ackedOffset());
            } else if (offsets.size() > 1) {
                add(problems, "duplicated: " + record.value() + " read at " + partition + "@" + offsets);
            } else if (offsets.getFirst() != record.ackedOffset()) {
                add(
                        problems,
                        "moved: " + record.value() + " acknowledged at " + partition + "@" + record.ackedOffset()
                                + ", read at " + offsets.getFirst());
            }
            if (record.ackedOffset() <= offsetBefore) {
                add(
                        problems,
                        "out of order: " + record.value() + " at " + partition + "@" + record.ackedOffset()
                                + " after an earlier send at " + offsetBefore);
            }
            offsetBefore = record.ackedOffset();
        }
    }

    private static void add(List<String> problems, String problem) {
        if (problems.size() < PROBLEMS_MAX) {
            problems.add(problem);
        }
    }
}
