package sdlab.cron;

import java.util.Objects;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.cron.StoreCalls.Result;
import sdlab.cron.StorePurpose.ReadLease;
import sdlab.cron.StorePurpose.WriteLease;

/**
 * Leader election by a lease in the store, as etcd's election recipe and most "leader lock"
 * libraries do it: the lease key holds holder, epoch and expiry; a scheduler that finds no
 * lease, or one whose expiry has passed by its own clock, takes it with a cas that raises the
 * epoch by one; the holder renews it with a cas well before it ends, and believes it leads until
 * the expiry it wrote, by its own clock.
 *
 * <p>Two clocks judge one lease: the holder's (when to stop) and the taker's (when to start).
 * When the taker's runs ahead, or the holder pauses between looking at its clock and acting,
 * two schedulers believe they lead at once. The epoch is what tells their writes apart.
 */
final class LeaseKeeper {
    private final SchedulerConfig config;
    private final NodeId self;
    private final String session;
    private final CronObserver observer;
    private LeaseValue held;

    LeaseKeeper(SchedulerConfig config, NodeId self, String session, CronObserver observer) {
        this.config = config;
        this.self = self;
        this.session = Objects.requireNonNull(session, "session");
        this.observer = observer;
    }

    /** Renews the lease if held, else looks whether it can be taken; one lease operation at a time. */
    void tick(StoreCalls store, NodeContext ctx) {
        if (store.busyWith(ReadLease.class) || store.busyWith(WriteLease.class)) {
            return;
        }
        if (held == null) {
            store.read(key(), new ReadLease(), ctx);
            return;
        }
        long now = ctx.nowNanos();
        LeaseValue renewed = new LeaseValue(session, held.epoch(), now + config.leaseNanos());
        store.cas(key(), held.encode(), renewed.encode(), new WriteLease(renewed, now), ctx);
    }

    /** Handles a lease operation's end; true if it just granted this scheduler a new epoch. */
    boolean onCompletion(StorePurpose purpose, Result result, StoreCalls store, NodeContext ctx) {
        switch (purpose) {
            case ReadLease read when result instanceof Result.Ok ok -> tryToTake(ok.value(), store, ctx);
            case WriteLease write -> {
                return onWritten(write, result, ctx);
            }
            default -> {}
        }
        return false;
    }

    /** Whether this scheduler believes it leads at {@code nowNanos} of its clock. */
    boolean leads(long nowNanos) {
        return held != null && nowNanos < held.expiresAtNanos();
    }

    /** The epoch of the lease held; meaningful only while {@link #leads}. */
    long epoch() {
        return held == null ? -1 : held.epoch();
    }

    /** Whether a lease is held, expired by this scheduler's clock or not. */
    boolean holds() {
        return held != null;
    }

    /** Gives up the lease belief at once: the target refused this epoch as stale, so another took over. */
    void stepDown(NodeContext ctx) {
        if (held != null) {
            ctx.note("stepping down: epoch " + held.epoch() + " was fenced off");
            held = null;
        }
    }

    private void tryToTake(Object stored, StoreCalls store, NodeContext ctx) {
        LeaseValue current = LeaseValue.decode(stored);
        long now = ctx.nowNanos();
        if (current != null && now <= current.expiresAtNanos()) {
            return; // someone holds it, as far as this clock can tell
        }
        long epoch = current == null ? 1 : current.epoch() + 1;
        LeaseValue taken = new LeaseValue(session, epoch, now + config.leaseNanos());
        store.cas(key(), stored, taken.encode(), new WriteLease(taken, now), ctx);
    }

    private boolean onWritten(WriteLease write, Result result, NodeContext ctx) {
        switch (result) {
            case Result.Ok ok -> {
                boolean fresh = held == null || held.epoch() != write.proposed().epoch();
                held = write.proposed();
                if (fresh) {
                    ctx.note("leading with epoch " + held.epoch());
                    observer.leaseAcquired(self, held.epoch());
                }
                return fresh;
            }
            case Result.CasFailed failed -> {
                LeaseValue current = LeaseValue.decode(failed.current());
                // An earlier renewal whose answer was lost may have applied: then the lease is still ours.
                boolean stillOurs = current != null
                        && current.holder().equals(session)
                        && held != null
                        && current.epoch() == held.epoch();
                if (!stillOurs && held != null) {
                    ctx.note("lost the lease of epoch " + held.epoch() + " to "
                            + (current == null ? "nobody" : current.holder()));
                }
                held = stillOurs ? current : null;
                return false;
            }
            case Result.Unknown unknown -> {
                return false; // keep believing until the expiry this clock knows: the classic hazard
            }
        }
    }

    private String key() {
        return "lease/" + config.job();
    }
}
