package sdlab.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Random positions in a collection for SPOP, SRANDMEMBER and HRANDFIELD, drawn from the
 * engine's generator so that a seed replays them. A positive count means distinct elements, a
 * negative one means |count| draws that may repeat, as in Redis.
 */
final class RandomPicks {
    /**
     * The most elements one reply may carry. Redis streams any count; a Java array cannot, so a
     * larger negative count is refused rather than exhausting the heap.
     */
    static final long REPLY_ELEMENTS_MAX = 1 << 20;

    static final String COUNT_OUT_OF_RANGE = "ERR value is out of range";

    private RandomPicks() {}

    /**
     * {@code count} distinct positions in {@code [0, size)}, in random order (a partial
     * Fisher-Yates shuffle). A few picks from a large collection keep only the displaced
     * positions, so that SPOP of one member of a million costs O(1), not a million-slot array;
     * both forms draw the same numbers and give the same picks.
     */
    static int[] distinct(int size, int count, RandomGenerator random) {
        assert count <= size : "more distinct picks than elements";
        if ((long) count * 4 < size) {
            return distinctSparse(size, count, random);
        }
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int chosen = positions[j];
            positions[j] = positions[i];
            positions[i] = chosen;
            picked[i] = chosen;
        }
        return picked;
    }

    private static int[] distinctSparse(int size, int count, RandomGenerator random) {
        Map<Integer, Integer> displaced = new HashMap<>();
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int chosen = displaced.getOrDefault(j, j);
            displaced.put(j, displaced.getOrDefault(i, i));
            picked[i] = chosen;
        }
        return picked;
    }

    /** {@code count} positions in {@code [0, size)}, each drawn independently. */
    static int[] withRepeats(int size, int count, RandomGenerator random) {
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            picked[i] = random.nextInt(size);
        }
        return picked;
    }

    /** Parses a count for a reply of that many elements; errors as Redis's range check words them. */
    static long parseCount(byte[] arg) {
        long count = Args.parseLong(arg);
        if (count == Long.MIN_VALUE) {
            throw new CommandException(
                    "ERR value is out of range, value must between -9223372036854775807 and " + "9223372036854775807");
        }
        if (Math.abs(count) > REPLY_ELEMENTS_MAX && count < 0) {
            throw new CommandException(COUNT_OUT_OF_RANGE);
        }
        return count;
    }
}
