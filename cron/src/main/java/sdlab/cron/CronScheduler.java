package sdlab.cron;

import java.time.Duration;
import java.util.Objects;
import sdlab.consensus.raft.RaftMessages.ClientReply;
import sdlab.coord.fencing.FencingMessages.WriteAnswer;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.cron.CronTimers.BackoffOver;
import sdlab.cron.CronTimers.LeaseTick;
import sdlab.cron.CronTimers.SlotDue;
import sdlab.cron.CronTimers.WorkDone;
import sdlab.cron.CronTimers.WriteTimeout;
import sdlab.cron.StoreCalls.Completion;
import sdlab.cron.StorePurpose.ReadDone;
import sdlab.cron.StorePurpose.ReadLease;
import sdlab.cron.StorePurpose.WriteLease;

/**
 * One instance of a distributed cron scheduler. Every instance runs the same code: it keeps
 * trying to take the job's lease ({@link LeaseKeeper}), and at each slot that comes due by its
 * own clock while it believes it leads, it runs the job ({@link JobRunner}). On taking the lease
 * it also runs the slot due now if the store has no done mark for it, once, as Quartz's "fire
 * once now" misfire rule and a Kubernetes CronJob within its starting deadline do: a slot whose
 * leader died mid-run is not silently lost.
 *
 * <p>State lives in memory only: after a crash a new process starts with a new session, waits for
 * the old lease to expire, and takes it with a higher epoch.
 */
public final class CronScheduler implements Node {
    private final SchedulerConfig config;
    private final CronObserver observer;
    private StoreCalls store;
    private LeaseKeeper lease;
    private JobRunner runner;

    public CronScheduler(SchedulerConfig config, CronObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        String session = ctx.self().name() + "/" + Long.toHexString(ctx.random().nextLong());
        store = new StoreCalls(
                config,
                session,
                config.store().get(ctx.random().nextInt(config.store().size())));
        lease = new LeaseKeeper(config, ctx.self(), session, observer);
        runner = new JobRunner(config, ctx.self(), session, observer);
        lease.tick(store, ctx);
        ctx.setTimer(Duration.ofNanos(config.renewEveryNanos()), new LeaseTick());
        long next = config.slotAt(ctx.nowNanos()) + 1;
        armSlot(next, ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case ClientReply reply -> store.onReply(from, reply, ctx).ifPresent(done -> route(done, ctx));
            case WriteAnswer answer -> {
                if (runner.onAnswer(answer, store, ctx) == JobRunner.AnswerMeaning.FENCED_OFF) {
                    lease.stepDown(ctx);
                }
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case LeaseTick tick -> {
                lease.tick(store, ctx);
                ctx.setTimer(Duration.ofNanos(config.renewEveryNanos()), tick);
            }
            case SlotDue due -> {
                armSlot(due.slot() + 1, ctx);
                if (lease.leads(ctx.nowNanos())) {
                    runner.start(due.slot(), lease.epoch(), store, ctx);
                }
            }
            case WorkDone done -> runner.onWorkDone(done, ctx);
            case WriteTimeout timeout -> runner.onWriteTimeout(timeout, store, ctx);
            case BackoffOver over -> runner.onBackoffOver(over, ctx);
            default -> store.onTimer(timer, ctx).ifPresent(done -> route(done, ctx));
        }
    }

    /** Whether this process holds the lease (expired by its clock or not): for nemeses that target the leader. */
    public boolean holdsLease() {
        return lease != null && lease.holds();
    }

    /** Whether a job run is in progress here: for nemeses that strike mid-run. */
    public boolean running() {
        return runner != null && runner.running();
    }

    private void route(Completion done, NodeContext ctx) {
        switch (done.purpose()) {
            case ReadLease read -> lease.onCompletion(read, done.result(), store, ctx);
            case WriteLease write -> {
                if (lease.onCompletion(write, done.result(), store, ctx)) {
                    long slot = config.slotAt(ctx.nowNanos());
                    store.read(runner.doneKey(slot), new ReadDone(slot), ctx);
                }
            }
            case ReadDone read -> {
                boolean undone = done.result() instanceof StoreCalls.Result.Ok ok && ok.value() == null;
                if (undone && lease.leads(ctx.nowNanos())) {
                    ctx.note("catching up slot " + read.slot() + ": no done mark");
                    runner.start(read.slot(), lease.epoch(), store, ctx);
                }
            }
            default -> runner.onStore(done.purpose(), done.result(), store, ctx);
        }
    }

    private void armSlot(long slot, NodeContext ctx) {
        long delay = Math.max(0, slot * config.periodNanos() - ctx.nowNanos());
        ctx.setTimer(Duration.ofNanos(delay), new SlotDue(slot));
    }
}
