package sdlab.repl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadOk;
import sdlab.repl.ReplTimers.PageReadDone;

/**
 * Answers reads through the node's {@link PageCache}: a hit answers at once; a miss reads the page from disk, which
 * takes the configured time and one of a few disk slots, so that misses queue behind each other when they come
 * faster than the disk serves them. The answer holds the value as of when the page arrived. Without a cache every
 * read answers at once.
 */
final class PageReads {
    /** A read that missed, waiting for its page. */
    private record Miss(NodeId client, Read read) {}

    private final ReadReplicaSettings settings;
    private final PageCache cache;
    private final ReplObserver observer;
    private final ArrayDeque<Miss> queued = new ArrayDeque<>();
    private final Map<Long, Miss> reading = new TreeMap<>();
    private long readsStarted;

    PageReads(ReadReplicaSettings settings, ReplObserver observer) {
        this.settings = settings;
        this.cache = new PageCache(Math.max(1, settings.cachePagesMax()));
        this.observer = observer;
    }

    /** Answers {@code read} from {@code state}, now on a hit, after a disk read on a miss. */
    void serve(NodeId client, Read read, KvState state, NodeContext ctx) {
        if (!settings.cached()) {
            answer(client, read, state, ctx);
            return;
        }
        boolean hit = cache.lookUp(read.key());
        observer.pageLookedUp(ctx.self(), hit, ctx.nowNanos());
        if (hit) {
            answer(client, read, state, ctx);
            return;
        }
        queued.addLast(new Miss(client, read));
        startReads(ctx);
    }

    /** A page read completed: the page is cached and its read answered. */
    void onDone(PageReadDone done, KvState state, NodeContext ctx) {
        Miss miss = reading.remove(done.readNumber());
        if (miss == null) {
            return;
        }
        cache.load(miss.read().key());
        answer(miss.client(), miss.read(), state, ctx);
        startReads(ctx);
    }

    long cacheHits() {
        return settings.cached() ? cache.hits() : 0;
    }

    long cacheMisses() {
        return settings.cached() ? cache.misses() : 0;
    }

    /** The cache, which a replica's applier shares: applying an entry needs its page too. */
    PageCache cache() {
        return cache;
    }

    private void startReads(NodeContext ctx) {
        while (!queued.isEmpty() && reading.size() < settings.diskReadSlots()) {
            long number = ++readsStarted;
            reading.put(number, queued.removeFirst());
            ctx.setTimer(Duration.ofNanos(settings.missNanos()), new PageReadDone(number));
        }
    }

    private static void answer(NodeId client, Read read, KvState state, NodeContext ctx) {
        ctx.send(client, new ReadOk(read.requestId(), state.value(read.key()), state.appliedPosition()));
    }
}
