package sdlab.chapters.cache.layers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.cache.CacheConfig;
import sdlab.cache.CacheEngine;
import sdlab.cache.ClientSession;
import sdlab.cache.Reply;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;
import sdlab.chapters.cache.layers.LayersMessage.HttpResponse;
import sdlab.chapters.cache.layers.LayersMessage.Query;
import sdlab.chapters.cache.layers.LayersMessage.QueryDone;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * The origin: the application servers that build every response the edges and browsers do not
 * answer themselves. A page needs database rows (the user's profile and recommendations, a title's
 * record); video segments come from storage without the database.
 *
 * <p>The application memory cache, when on, is the cache engine holding the rows it read, for a
 * minute: it spares the database, and the origin still sends every byte of every response it
 * builds. Counting those bytes is the chapter's measure of origin bandwidth.
 */
final class OriginNode implements Node {
    static final NodeId ID = NodeId.of("origin");

    /** How long the application cache keeps a row. */
    static final Duration ROW_TTL = Duration.ofMinutes(1);

    /** The size of a cached row. */
    private static final int ROW_BYTES = 1024;

    private static final long NANOS_PER_MILLI = 1_000_000;

    private record Waiting(NodeId edge, HttpGet request, Resource resource, List<String> rows) {}

    private final Resource.Sizes sizes;
    private final boolean appCache;
    private final Map<Long, Waiting> waiting = new HashMap<>();
    private NodeContext ctx;
    private CacheEngine rowCache;
    private ClientSession session;
    private long nextQueryId;
    private long responses;
    private long bytesSent;
    private long rowLookups;
    private long rowHits;

    OriginNode(Resource.Sizes sizes, boolean appCache) {
        this.sizes = sizes;
        this.appCache = appCache;
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {
        this.ctx = context;
        // A restarted origin numbers its queries from its restart time, far above any number its former self used,
        // so that a reply to that former self (its connection gone with the crash) never passes for a reply to it.
        this.nextQueryId = restarted ? context.nowNanos() : 0;
        if (appCache) {
            rowCache = new CacheEngine(
                    CacheConfig.defaults(), () -> context.nowNanos() / NANOS_PER_MILLI, context.random());
            session = rowCache.newSession();
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext context) {
        switch ((LayersMessage) message) {
            case HttpGet request -> build(from, request);
            case QueryDone done -> {
                Waiting w = waiting.remove(done.queryId());
                if (w == null) {
                    return; // an answer to a query this origin never asked (its former self did, before a crash)
                }
                w.rows().forEach(this::keepRow);
                respond(w.edge(), w.request(), w.resource());
            }
            default -> throw new IllegalArgumentException("the origin takes GETs and query results, not " + message);
        }
    }

    long responses() {
        return responses;
    }

    /** Response bytes the origin sent: its bandwidth. */
    long bytesSent() {
        return bytesSent;
    }

    long rowLookups() {
        return rowLookups;
    }

    long rowHits() {
        return rowHits;
    }

    private void build(NodeId edge, HttpGet request) {
        Resource resource = Resource.of(request.url());
        List<String> missing = new ArrayList<>();
        for (String row : resource.rows(request)) {
            if (!hasRow(row)) {
                missing.add(row);
            }
        }
        if (missing.isEmpty()) {
            respond(edge, request, resource);
            return;
        }
        long queryId = ++nextQueryId;
        waiting.put(queryId, new Waiting(edge, request, resource, List.copyOf(missing)));
        ctx.send(DatabaseNode.ID, new Query(queryId, missing));
    }

    private void respond(NodeId edge, HttpGet request, Resource resource) {
        long bytes = resource.bodyBytes(sizes);
        responses++;
        bytesSent += bytes;
        ctx.send(
                edge,
                new HttpResponse(
                        request.requestId(),
                        request.url(),
                        bytes,
                        resource.cacheControl(),
                        resource.vary(),
                        resource.personalisedFor(request),
                        "origin"));
    }

    private boolean hasRow(String row) {
        if (!appCache) {
            return false;
        }
        rowLookups++;
        boolean hit = rowCache.execute(session, new byte[][] {ascii("GET"), ascii(row)}) instanceof Reply.Bulk;
        rowHits += hit ? 1 : 0;
        return hit;
    }

    private void keepRow(String row) {
        if (appCache) {
            String ttl = Long.toString(ROW_TTL.toMillis());
            rowCache.execute(
                    session, new byte[][] {ascii("SET"), ascii(row), new byte[ROW_BYTES], ascii("PX"), ascii(ttl)});
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
