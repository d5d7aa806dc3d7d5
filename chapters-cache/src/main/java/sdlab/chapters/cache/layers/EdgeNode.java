package sdlab.chapters.cache.layers;

import java.util.HashMap;
import java.util.Map;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;
import sdlab.chapters.cache.layers.LayersMessage.HttpResponse;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.traffic.httpcache.HttpCache;
import sdlab.traffic.httpcache.Lookup;

/**
 * An edge POP: a reverse proxy near its users that forwards their requests to the origin and,
 * if its policy says so, keeps responses in a shared HTTP cache.
 *
 * <p>The cache is the project's mechanism, {@link sdlab.traffic.httpcache.HttpCache}: it decides
 * what a shared cache may store (no {@code private} response), for how long ({@code max-age}),
 * and under which key (the URL and the values of the request headers the response varies on), so
 * that each taste segment (or each user) gets its own copy. This node only asks it and relays. A
 * policy that leaves Vary out of the key, or keeps {@code private} responses, hands one user's
 * variant to the next user who asks for the same URL.
 */
final class EdgeNode implements Node {
    private record Forwarded(NodeId user, HttpGet request) {}

    private final NodeId origin;

    /** Null when the policy does not cache. */
    private final HttpCache<HttpResponse> cache;

    private final Map<Long, Forwarded> forwarded = new HashMap<>();
    private NodeContext ctx;
    private long nextRequestId;
    private long lookups;
    private long hits;

    EdgeNode(EdgePolicy policy, NodeId origin, long capacityBytes) {
        this.origin = origin;
        this.cache = policy.cacheConfig(capacityBytes)
                .map(HttpCache<HttpResponse>::new)
                .orElse(null);
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {
        this.ctx = context;
        // A restarted POP numbers its requests from its restart time, far above any number its former self used,
        // so that a response to that former self never passes for a response to it.
        this.nextRequestId = restarted ? context.nowNanos() : 0;
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext context) {
        switch ((LayersMessage) message) {
            case HttpGet request -> serve(from, request);
            case HttpResponse response -> relay(response);
            default -> throw new IllegalArgumentException("an edge takes GETs and responses, not " + message);
        }
    }

    /** Requests looked up in the cache. */
    long lookups() {
        return lookups;
    }

    /** Requests the cache answered. */
    long hits() {
        return hits;
    }

    private void serve(NodeId user, HttpGet request) {
        if (cache != null) {
            lookups++;
            if (cache.lookup(request.toCacheRequest(), ctx.nowNanos()) instanceof Lookup.Hit<HttpResponse> hit) {
                hits++;
                ctx.send(user, hit.value().withRequestId(request.requestId(), "edge"));
                return;
            }
        }
        long id = ++nextRequestId;
        forwarded.put(id, new Forwarded(user, request));
        ctx.send(origin, new HttpGet(id, request.url(), request.user(), request.taste()));
    }

    private void relay(HttpResponse response) {
        Forwarded to = forwarded.remove(response.requestId());
        if (to == null) {
            return; // a response to a request this POP never forwarded (its former self did, before a crash)
        }
        if (cache != null) {
            cache.store(to.request().toCacheRequest(), response.toCacheResponse(), response, ctx.nowNanos());
        }
        ctx.send(to.user(), response.withRequestId(to.request().requestId(), response.servedBy()));
    }
}
