package sdlab.chapters.cache.layers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;
import sdlab.chapters.cache.layers.LayersMessage.HttpResponse;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * An edge POP: a reverse proxy near its users that forwards their requests to the origin and,
 * if its policy says so, keeps responses for their max-age.
 *
 * <p>Lookup follows HTTP: the URL finds the {@code Vary} list of the last response kept for it, and
 * the values of those request headers complete the key, so that each taste segment (or each user)
 * gets its own copy. A policy that leaves Vary out of the key, or keeps {@code private} responses,
 * hands one user's variant to the next user who asks for the same URL.
 */
final class EdgeNode implements Node {
    private record Kept(HttpResponse response, long freshUntilNanos) {}

    private record Forwarded(NodeId user, long userRequestId) {}

    private final EdgePolicy policy;
    private final NodeId origin;
    private final SizedLru<String, Kept> cache;
    private final Map<String, List<String>> varyByUrl = new HashMap<>();
    private final Map<Long, Forwarded> forwarded = new HashMap<>();
    private final Map<Long, HttpGet> requests = new HashMap<>();
    private NodeContext ctx;
    private long nextRequestId;
    private long lookups;
    private long hits;

    EdgeNode(EdgePolicy policy, NodeId origin, long capacityBytes) {
        this.policy = policy;
        this.origin = origin;
        this.cache = new SizedLru<>(policy.caches() ? capacityBytes : 0);
    }

    @Override
    public void onStart(NodeContext context, boolean restarted) {
        this.ctx = context;
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
        if (policy.caches()) {
            lookups++;
            Kept kept = lookup(request);
            if (kept != null) {
                hits++;
                ctx.send(user, kept.response().withRequestId(request.requestId(), "edge"));
                return;
            }
        }
        long id = ++nextRequestId;
        forwarded.put(id, new Forwarded(user, request.requestId()));
        requests.put(id, request);
        ctx.send(origin, new HttpGet(id, request.url(), request.user(), request.taste()));
    }

    private Kept lookup(HttpGet request) {
        List<String> vary = varyByUrl.get(request.url());
        if (vary == null) {
            return null;
        }
        String key = policy.key(request, vary);
        Kept kept = cache.get(key);
        if (kept == null || kept.freshUntilNanos() <= ctx.nowNanos()) {
            return null;
        }
        return kept;
    }

    private void relay(HttpResponse response) {
        Forwarded to = forwarded.remove(response.requestId());
        HttpGet request = requests.remove(response.requestId());
        CacheControl control = response.cacheControl();
        if (policy.keeps(control)) {
            varyByUrl.put(request.url(), control.vary());
            long freshUntil = ctx.nowNanos() + control.maxAgeMillis() * 1_000_000;
            cache.put(policy.key(request, control.vary()), new Kept(response, freshUntil), response.bodyBytes());
        }
        ctx.send(to.user(), response.withRequestId(to.userRequestId(), response.servedBy()));
    }
}
