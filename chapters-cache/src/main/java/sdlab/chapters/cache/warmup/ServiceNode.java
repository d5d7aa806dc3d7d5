package sdlab.chapters.cache.warmup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import sdlab.cache.CacheConfig;
import sdlab.cache.CacheEngine;
import sdlab.cache.ClientSession;
import sdlab.cache.Reply;
import sdlab.chapters.cache.warmup.WarmupMessage.Failed;
import sdlab.chapters.cache.warmup.WarmupMessage.FromCache;
import sdlab.chapters.cache.warmup.WarmupMessage.FromDatabase;
import sdlab.chapters.cache.warmup.WarmupMessage.Query;
import sdlab.chapters.cache.warmup.WarmupMessage.Read;
import sdlab.chapters.cache.warmup.WarmupMessage.Rejected;
import sdlab.chapters.cache.warmup.WarmupMessage.Rows;
import sdlab.chapters.cache.warmup.WarmupMessage.Update;
import sdlab.chapters.cache.warmup.WarmupMessage.Updated;
import sdlab.chapters.cache.warmup.WarmupMessage.Write;
import sdlab.chapters.cache.warmup.WarmupMessage.Written;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * The service of chapter 13, just deployed: a new process whose in-memory cache (the cache engine)
 * starts empty, in front of the slow database.
 *
 * <p>A read is answered from the cache when the record is there, else from the database, and then
 * cached for the policy's TTL (not at all with a TTL of zero). A write goes to the database first;
 * then the policy either deletes the cached entry or stores the new version (write-through). With
 * pre-population, the service reads the whole data set at start-up, a page of rows per query and a
 * bounded number of queries at a time, so that the database is not flooded by its own warm-up.
 *
 * <p>Not modelled: coalescing of concurrent misses for the same key (rarely read data seldom has
 * them), and the race in which a slow read's fill overwrites a newer write's invalidation.
 */
final class ServiceNode implements Node {
    static final NodeId ID = NodeId.of("service");
    private static final long NANOS_PER_MILLI = 1_000_000;

    /**
     * What the service needs to know.
     *
     * @param policy how it fills and keeps its cache
     * @param keys the data set: records {@code k0} to {@code k<keys-1>}
     * @param recordBytes the size of a record
     * @param pageSize rows per pre-population query
     * @param pagesInFlightMax pre-population queries at a time
     */
    record Setup(WarmupPolicy policy, int keys, int recordBytes, int pageSize, int pagesInFlightMax) {}

    /** What the service is waiting for the database to answer. */
    private sealed interface Pending {}

    private record ReadMiss(NodeId client, long requestId, String key, boolean cold) implements Pending {}

    private record PendingWrite(NodeId client, long requestId, String key) implements Pending {}

    private record Page(int index) implements Pending {}

    private final Setup setup;
    private final Set<String> everCached = new HashSet<>();
    private final Map<Long, Pending> pending = new HashMap<>();
    private NodeContext ctx;
    private CacheEngine cache;
    private ClientSession session;
    private long nextQueryId;
    private final Warmup warmup = new Warmup();

    /** How pre-population went. */
    static final class Warmup {
        private int pages;
        private int nextPage;
        private int inFlight;
        private int loaded;
        private int failed;
        private long doneAtNanos = -1;

        /** Pages of the data set loaded. */
        int pagesLoaded() {
            return loaded;
        }

        /** Pages the database turned away. */
        int pagesFailed() {
            return failed;
        }

        /** When the last page came in, or -1 if pre-population did not run or did not finish. */
        long doneAtNanos() {
            return doneAtNanos;
        }
    }

    ServiceNode(Setup setup) {
        this.setup = setup;
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {
        this.ctx = context;
        // A restarted service numbers its queries from its restart time, far above any number its former self used,
        // so that a reply to that former self (its connection gone with the crash) never passes for a reply to it.
        this.nextQueryId = restarted ? context.nowNanos() : 0;
        this.cache =
                new CacheEngine(CacheConfig.defaults(), () -> context.nowNanos() / NANOS_PER_MILLI, context.random());
        this.session = cache.newSession();
        if (setup.policy().prepopulate()) {
            int pages = (setup.keys() + setup.pageSize() - 1) / setup.pageSize();
            warmup.pages = Math.max(0, pages - setup.policy().pagesSkipped());
            loadPages();
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext context) {
        switch ((WarmupMessage) message) {
            case Read read -> read(from, read);
            case Write write -> update(new PendingWrite(from, write.requestId(), write.key()));
            case Rows rows -> ifAsked(rows.queryId(), asked -> rows(asked, rows.versions()));
            case Updated updated ->
                ifAsked(updated.queryId(), asked -> updated((PendingWrite) asked, updated.version()));
            case Rejected rejected -> ifAsked(rejected.queryId(), this::rejected);
            default -> throw new IllegalArgumentException("the service does not take " + message);
        }
    }

    /** Handles the answer to query {@code queryId}; an answer to a query this service never asked is dropped. */
    private void ifAsked(long queryId, Consumer<Pending> handle) {
        Pending asked = pending.remove(queryId);
        if (asked != null) {
            handle.accept(asked);
        }
    }

    /** The records the cache holds now. */
    long cachedRecords() {
        return cache.keyspace().size();
    }

    /** The memory the cache accounts for them. */
    long cachedBytes() {
        return cache.keyspace().usedMemoryBytes();
    }

    Warmup warmup() {
        return warmup;
    }

    private void read(NodeId client, Read read) {
        byte[] cached = get(read.key());
        if (cached != null) {
            ctx.send(client, new FromCache(read.requestId(), CachedRecord.version(cached)));
            return;
        }
        boolean cold = !everCached.contains(read.key());
        query(new ReadMiss(client, read.requestId(), read.key(), cold), List.of(read.key()));
    }

    private void rows(Pending asked, List<Long> versions) {
        switch (asked) {
            case ReadMiss miss -> {
                long version = versions.getFirst();
                store(miss.key(), version);
                ctx.send(miss.client(), new FromDatabase(miss.requestId(), version, miss.cold()));
            }
            case Page page -> {
                for (int i = 0; i < versions.size(); i++) {
                    store(key(page.index() * setup.pageSize() + i), versions.get(i));
                }
                warmup.loaded++;
                warmup.inFlight--;
                loadPages();
            }
            case PendingWrite write -> throw new IllegalStateException("rows for a write of " + write.key());
        }
    }

    private void updated(PendingWrite write, long version) {
        switch (setup.policy().onWrite()) {
            case INVALIDATE -> delete(write.key());
            case WRITE_THROUGH -> store(write.key(), version);
        }
        ctx.send(write.client(), new Written(write.requestId(), version));
    }

    private void rejected(Pending asked) {
        switch (asked) {
            case ReadMiss miss -> ctx.send(miss.client(), new Failed(miss.requestId(), "database busy"));
            case PendingWrite write -> ctx.send(write.client(), new Failed(write.requestId(), "database busy"));
            case Page page -> {
                warmup.failed++; // the page stays cold; its keys load lazily
                warmup.inFlight--;
                loadPages();
            }
        }
    }

    /** Sends page queries while fewer than the maximum are in flight; notes when the last one is in. */
    private void loadPages() {
        while (warmup.inFlight < setup.pagesInFlightMax() && warmup.nextPage < warmup.pages) {
            int page = warmup.nextPage++;
            int first = page * setup.pageSize();
            int last = Math.min(setup.keys(), first + setup.pageSize());
            List<String> keys = new ArrayList<>(last - first);
            for (int i = first; i < last; i++) {
                keys.add(key(i));
            }
            warmup.inFlight++;
            query(new Page(page), keys);
        }
        if (warmup.inFlight == 0 && warmup.nextPage == warmup.pages && warmup.doneAtNanos < 0) {
            warmup.doneAtNanos = ctx.nowNanos();
            ctx.note("pre-population done: " + warmup.loaded + " pages, "
                    + cache.keyspace().size() + " records");
        }
    }

    private void query(Pending asked, List<String> keys) {
        long queryId = ++nextQueryId;
        pending.put(queryId, asked);
        ctx.send(DatabaseNode.ID, new Query(queryId, keys));
    }

    private void update(PendingWrite write) {
        long queryId = ++nextQueryId;
        pending.put(queryId, write);
        ctx.send(DatabaseNode.ID, new Update(queryId, write.key()));
    }

    private byte[] get(String key) {
        return switch (cache.execute(session, new byte[][] {ascii("GET"), ascii(key)})) {
            case Reply.Bulk bulk -> bulk.bytes();
            case Reply.Nil nil -> null;
            case Reply other -> throw new IllegalStateException("GET " + key + " answered " + other);
        };
    }

    /** Caches {@code version} of {@code key} for the TTL; with a TTL of zero it expires at once, so nothing is kept. */
    private void store(String key, long version) {
        if (!setup.policy().caches()) {
            return;
        }
        byte[] record = CachedRecord.encode(version, setup.recordBytes());
        String ttlMillis = Long.toString(setup.policy().ttl().toMillis());
        Reply reply =
                cache.execute(session, new byte[][] {ascii("SET"), ascii(key), record, ascii("PX"), ascii(ttlMillis)});
        if (!(reply instanceof Reply.Simple)) {
            throw new IllegalStateException("SET " + key + " answered " + reply);
        }
        everCached.add(key);
    }

    private void delete(String key) {
        cache.execute(session, new byte[][] {ascii("DEL"), ascii(key)});
    }

    static String key(int index) {
        return "k" + index;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
