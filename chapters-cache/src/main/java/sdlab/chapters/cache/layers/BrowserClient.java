package sdlab.chapters.cache.layers;

import java.time.Duration;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;
import sdlab.chapters.cache.layers.LayersMessage.HttpResponse;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.traffic.httpcache.HttpCache;
import sdlab.traffic.httpcache.HttpCacheConfig;
import sdlab.traffic.httpcache.Lookup;

/**
 * One user's browser: it asks its edge POP for each URL the user opens and, when its cache is on,
 * keeps responses (private ones included: it is the user's own cache) for their max-age, in the
 * project's private HTTP cache ({@link sdlab.traffic.httpcache.HttpCache}), which decides.
 *
 * <p>Every response shown to the user is checked: a personalised one must be this user's variant
 * (the home page for this user, artwork for this user's taste segment). One that is not is a
 * personalisation mistake; its history entry says whose variant the user saw.
 */
final class BrowserClient implements Client {
    /** Far beyond what a run fetches: a browser's cache is rarely the limit for one service. */
    private static final long CACHE_BYTES = 1L << 32;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record GiveUp(long requestId) implements Timer {}

    private final NodeId pop;
    private final String user;
    private final int taste;
    private final boolean caches;
    private final HttpCache<HttpResponse> cache = new HttpCache<>(HttpCacheConfig.privateCache(CACHE_BYTES));
    private final Tally tally = new Tally();
    private long currentOp = -1;
    private TimerId currentTimer;

    /** What the user saw, by layer. */
    static final class Tally {
        private long requests;
        private long browserHits;
        private long bytesShown;
        private long mistakes;

        long requests() {
            return requests;
        }

        long browserHits() {
            return browserHits;
        }

        /** Body bytes of every response shown to the user, wherever it came from. */
        long bytesShown() {
            return bytesShown;
        }

        long mistakes() {
            return mistakes;
        }
    }

    BrowserClient(NodeId pop, String user, int taste, boolean caches) {
        this.pop = pop;
        this.user = user;
        this.taste = taste;
        this.caches = caches;
    }

    Tally tally() {
        return tally;
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        tally.requests++;
        currentOp = invocation.opId();
        HttpGet request = new HttpGet(currentOp, invocation.key(), user, taste);
        if (caches && cache.lookup(request.toCacheRequest(), ctx.nowNanos()) instanceof Lookup.Hit<HttpResponse> hit) {
            tally.browserHits++;
            show(hit.value(), "browser", ctx);
            return;
        }
        currentTimer = ctx.setTimer(TIMEOUT, new GiveUp(currentOp));
        ctx.send(pop, request);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof HttpResponse response) || response.requestId() != currentOp) {
            return;
        }
        ctx.cancelTimer(currentTimer);
        if (caches) {
            HttpGet request = new HttpGet(currentOp, response.url(), user, taste);
            cache.store(request.toCacheRequest(), response.toCacheResponse(), response, ctx.nowNanos());
        }
        show(response, response.servedBy(), ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof GiveUp giveUp && giveUp.requestId() == currentOp) {
            finish(ctx, Outcome.unknown("no response within " + TIMEOUT.toSeconds() + " s"));
        }
    }

    private void show(HttpResponse response, String layer, ClientContext ctx) {
        tally.bytesShown += response.bodyBytes();
        String expected =
                Resource.of(response.url()).personalisedFor(new HttpGet(currentOp, response.url(), user, taste));
        if (!expected.equals(response.personalisedFor())) {
            tally.mistakes++;
            finish(ctx, Outcome.ok(layer + ": " + response.personalisedFor() + "'s variant, not " + expected + "'s"));
            return;
        }
        finish(ctx, Outcome.ok(layer));
    }

    private void finish(ClientContext ctx, Outcome outcome) {
        long op = currentOp;
        currentOp = -1;
        ctx.complete(op, outcome);
    }
}
