package sdlab.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Key;
import sdlab.cache.store.Value;

/**
 * What a client blocked by BLPOP, BLMOVE, BZPOPMIN and their kin waits for: data at one of its
 * keys, of the type its command pops, until a deadline; and the pop that serves it once the
 * data is there.
 *
 * @param keys the keys, in the order the command named them, without repeats
 * @param type the type of value that serves the client ({@code ListValue}, {@code SortedSetValue});
 *     a key that becomes another type leaves the client waiting, as in Redis
 * @param deadlineMillis when the client gets a nil reply, or {@link BlockTimeout#FOREVER}
 * @param pop serves the client from a key that now holds {@code type}
 */
record BlockedPop(List<BlockingKey> keys, Class<? extends Value> type, long deadlineMillis, Pop pop) {
    /**
     * Pops from {@code key} on the blocked client's behalf and answers what the client is
     * owed. It runs as a command of its own and must say how its change is logged
     * ({@link CommandContext#propagateAs}), as the non-blocking command it amounts to.
     */
    @FunctionalInterface
    interface Pop {
        Reply serve(CommandContext ctx, byte[] key);
    }

    /** The keys a command named in database {@code db}, in order, each once (BLPOP k k waits on k once). */
    static List<BlockingKey> keysOf(int db, List<byte[]> keys) {
        Set<BlockingKey> distinct = new LinkedHashSet<>();
        for (byte[] key : keys) {
            distinct.add(new BlockingKey(db, Key.wrap(key)));
        }
        return List.copyOf(distinct);
    }
}
