package sdlab.check.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Jepsen's {@code independent} workloads run one register (or set, or queue) per key and write
 * every operation's value as a {@code [key value]} tuple: {@code {:f :write, :value [3 4]}} writes
 * 4 to key 3. A history is read that way when every invocation's value is such a tuple, and not
 * every operation is a {@code cas} (whose {@code [from to]} values look alike); the tuple's first
 * element then becomes the key, and each key is checked on its own.
 */
final class IndependentTuples {
    private IndependentTuples() {}

    /** The entries with tuple values split into key and value, or the entries unchanged. */
    static List<RawEntry> split(List<RawEntry> clientEntries) {
        if (!applies(clientEntries)) {
            return clientEntries;
        }
        List<RawEntry> keyed = new ArrayList<>(clientEntries.size());
        for (RawEntry entry : clientEntries) {
            keyed.add(entry.hasTupleValue() ? entry.withTupleKey() : entry);
        }
        return keyed;
    }

    private static boolean applies(List<RawEntry> entries) {
        boolean anyInvocation = false;
        boolean allCas = true;
        for (RawEntry entry : entries) {
            if (!"invoke".equals(RawEntry.name(entry.type()))) {
                continue;
            }
            if (!entry.hasTupleValue()) {
                return false;
            }
            anyInvocation = true;
            allCas &= "cas".equals(RawEntry.name(entry.f()));
        }
        return anyInvocation && !allCas;
    }
}
