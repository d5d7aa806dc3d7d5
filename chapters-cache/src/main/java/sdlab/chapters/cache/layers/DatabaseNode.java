package sdlab.chapters.cache.layers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import sdlab.chapters.cache.layers.LayersMessage.Finished;
import sdlab.chapters.cache.layers.LayersMessage.Query;
import sdlab.chapters.cache.layers.LayersMessage.QueryDone;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * The origin's database: rows live in pages on disk, and a buffer pool keeps the most recently
 * used pages in memory. A query costs a little per page found in the pool and a disk read per page
 * not found. With a pool of zero pages, every page comes from disk.
 */
final class DatabaseNode implements Node {
    static final NodeId ID = NodeId.of("db");

    /** Reading a page that is in the buffer pool. */
    static final Duration BUFFER_HIT = Duration.ofNanos(50_000);

    /** Reading a page from disk. */
    static final Duration DISK_READ = Duration.ofMillis(4);

    private static final int USERS_PER_PAGE = 16;
    private static final int TITLES_PER_PAGE = 8;

    /** The pages in memory, least recently used first: a put beyond the pool's size drops the eldest. */
    private final LinkedHashMap<String, Boolean> bufferPool;

    private long queries;
    private long pageReads;
    private long bufferHits;

    DatabaseNode(int bufferPages) {
        this.bufferPool = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > bufferPages;
            }
        };
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext context) {
        if (!(message instanceof Query query)) {
            throw new IllegalArgumentException("the database takes queries, not " + message);
        }
        queries++;
        Set<String> pages = new LinkedHashSet<>();
        for (String row : query.rows()) {
            pages.add(pageOf(row));
        }
        long nanos = 0;
        for (String page : pages) {
            pageReads++;
            if (bufferPool.get(page) != null) {
                bufferHits++;
                nanos += BUFFER_HIT.toNanos();
            } else {
                nanos += DISK_READ.toNanos();
                bufferPool.put(page, Boolean.TRUE);
            }
        }
        context.setTimer(Duration.ofNanos(nanos), new Finished(from, query));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext context) {
        Finished finished = (Finished) timer;
        context.send(finished.origin(), new QueryDone(finished.query().queryId()));
    }

    long queries() {
        return queries;
    }

    long pageReads() {
        return pageReads;
    }

    long bufferHits() {
        return bufferHits;
    }

    /** The page a row lives in: users sixteen to a page, titles eight, each segment's recommendations one. */
    static String pageOf(String row) {
        int colon = row.indexOf(':');
        String table = row.substring(0, colon);
        String id = row.substring(colon + 1);
        return switch (table) {
            case "user" -> "users/" + Integer.parseInt(id.substring(1)) / USERS_PER_PAGE;
            case "title" -> "titles/" + Integer.parseInt(id.substring(1)) / TITLES_PER_PAGE;
            case "recs" -> "recs/" + id;
            default -> throw new IllegalArgumentException("no table for row " + row);
        };
    }
}
