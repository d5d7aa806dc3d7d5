package sdlab.chapters.traffic.canary;

import java.time.Duration;
import sdlab.chapters.traffic.canary.CanaryMessage.Answer;
import sdlab.chapters.traffic.canary.CanaryMessage.PageRequest;
import sdlab.chapters.traffic.canary.CanaryMessage.PageResponse;
import sdlab.chapters.traffic.canary.CanaryMessage.Pin;
import sdlab.chapters.traffic.canary.CanaryMessage.Resolve;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.sim.Latency;

/**
 * A user browsing the site in sessions: a few pages with think time between them, then a
 * pause, then another session, until the run's end. The session's pin cookie is kept for the
 * session only. A user who reaches the site by name caches the DNS answer for its TTL.
 */
final class UserClient implements Client {

    /**
     * How a user behaves.
     *
     * @param chosen whether the app marks this user's requests for the canary
     * @param site the ingress, or null when the site is reached through DNS
     * @param dns the DNS server, used when {@code site} is null
     * @param requestsMax the most pages in a session (at least 2)
     * @param thinkTime pause between pages
     * @param sessionGap pause between sessions
     * @param endNanos no session starts after this
     */
    record Setup(
            boolean chosen,
            NodeId site,
            NodeId dns,
            int requestsMax,
            Latency thinkTime,
            Latency sessionGap,
            long endNanos) {}

    record NextSession() implements Timer {}

    record NextPage() implements Timer {}

    private final Setup setup;
    private final CanaryTally tally;
    private long requests;
    private boolean reachedCanary;
    private NodeId resolved;
    private long resolvedUntilNanos = -1;
    private boolean resolving;

    private int pagesLeft;
    private Pin pin = Pin.NONE;
    private long sessionStartNanos;
    private boolean sawStable;
    private boolean sawCanary;

    UserClient(Setup setup, CanaryTally tally) {
        this.setup = setup;
        this.tally = tally;
    }

    @Override
    public void onStart(ClientContext ctx) {
        if (setup.chosen()) {
            tally.chosenUser();
        }
        ctx.setTimer(Duration.ofNanos(setup.sessionGap().sampleNanos(ctx.random())), new NextSession());
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        throw new IllegalStateException("a user browses on its own; it runs no workload operations");
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case NextSession next -> startSession(ctx);
            case NextPage next -> requestPage(ctx);
            default -> throw new IllegalStateException("unexpected timer " + timer);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        switch (message) {
            case PageResponse page -> received(page, ctx);
            case Answer answer -> {
                // The answer serves the request that waited for it even if its TTL is zero.
                resolved = answer.target();
                resolvedUntilNanos = ctx.nowNanos() + answer.ttlNanos();
                resolving = false;
                send(resolved, ctx);
            }
            default -> throw new IllegalStateException("a user does not expect " + message);
        }
    }

    private void startSession(ClientContext ctx) {
        if (ctx.nowNanos() >= setup.endNanos()) {
            return;
        }
        pagesLeft = 2 + ctx.random().nextInt(setup.requestsMax() - 1);
        pin = Pin.NONE;
        sessionStartNanos = ctx.nowNanos();
        sawStable = false;
        sawCanary = false;
        requestPage(ctx);
    }

    private void requestPage(ClientContext ctx) {
        NodeId target = setup.site();
        if (target == null) {
            if (ctx.nowNanos() >= resolvedUntilNanos) {
                if (!resolving) {
                    resolving = true;
                    ctx.send(setup.dns(), new Resolve());
                }
                return;
            }
            target = resolved;
        }
        send(target, ctx);
    }

    private void send(NodeId target, ClientContext ctx) {
        ctx.send(target, new PageRequest(++requests, setup.chosen(), pin));
    }

    private void received(PageResponse page, ClientContext ctx) {
        boolean firstCanary = page.servedBy() == Version.CANARY && !reachedCanary;
        reachedCanary |= page.servedBy() == Version.CANARY;
        tally.page(setup.chosen(), page.servedBy(), firstCanary);
        sawStable |= page.servedBy() == Version.STABLE;
        sawCanary |= page.servedBy() == Version.CANARY;
        if (page.setPin() != Pin.NONE) {
            pin = page.setPin();
        }
        if (--pagesLeft > 0) {
            ctx.setTimer(Duration.ofNanos(setup.thinkTime().sampleNanos(ctx.random())), new NextPage());
            return;
        }
        long now = ctx.nowNanos();
        tally.sessionEnded(new CanaryTally.Session(setup.chosen(), sessionStartNanos, now, sawStable, sawCanary));
        ctx.setTimer(Duration.ofNanos(setup.sessionGap().sampleNanos(ctx.random())), new NextSession());
    }
}
