package sdlab.cron;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import sdlab.coord.fencing.FencingMessages.DuplicateKey;
import sdlab.coord.fencing.FencingMessages.FencedWrite;
import sdlab.coord.fencing.FencingMessages.StaleToken;
import sdlab.coord.fencing.FencingMessages.WriteAnswer;
import sdlab.coord.fencing.FencingMessages.Written;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.TimerId;
import sdlab.cron.CronTimers.BackoffOver;
import sdlab.cron.CronTimers.WorkDone;
import sdlab.cron.CronTimers.WriteTimeout;
import sdlab.cron.StoreCalls.Result;
import sdlab.cron.StorePurpose.MarkDone;
import sdlab.cron.StorePurpose.ReadLock;
import sdlab.cron.StorePurpose.ReleaseLock;
import sdlab.cron.StorePurpose.TakeLock;

/**
 * Runs the job for a slot: (option A: take the lock row) → compute for the work time → write the
 * result to the target, with the option's token, key and retries → mark the slot done in the
 * store → (option A: release the row).
 *
 * <p>The lease is looked at once, when the slot is due, and not again before the write: the check
 * and the act are apart by the work time, and a pause in between is invisible to the scheduler.
 * Looking again just before sending would narrow the gap, not close it, which is why the target
 * must check.
 */
final class JobRunner {
    /** Runs in progress at once, at most; a slot due beyond that is skipped. */
    static final int RUNS_MAX = 4;

    private final SchedulerConfig config;
    private final NodeId self;
    private final String session;
    private final CronObserver observer;
    private final Map<Long, Run> runs = new TreeMap<>();
    private long nextWriteId;

    /** One slot's run. */
    private static final class Run {
        final long slot;
        final long epoch;
        String lock;
        long writeId;
        int attempt;
        TimerId timeout;

        Run(long slot, long epoch) {
            this.slot = slot;
            this.epoch = epoch;
        }
    }

    /** What an answer from the target meant for the scheduler. */
    enum AnswerMeaning {
        NONE,
        /** The target refused this scheduler's epoch: another scheduler holds a later lease. */
        FENCED_OFF
    }

    JobRunner(SchedulerConfig config, NodeId self, String session, CronObserver observer) {
        this.config = config;
        this.self = self;
        this.session = session;
        this.observer = observer;
    }

    /** Whether any run is in progress. */
    boolean running() {
        return !runs.isEmpty();
    }

    /** Starts running {@code slot} under {@code epoch}, unless it runs already or too many do. */
    void start(long slot, long epoch, StoreCalls store, NodeContext ctx) {
        if (runs.containsKey(slot) || runs.size() >= RUNS_MAX) {
            ctx.note("slot " + slot + " not started: running " + runs.keySet());
            return;
        }
        Run run = new Run(slot, epoch);
        runs.put(slot, run);
        if (config.option().locksRow()) {
            store.read(lockKey(), new ReadLock(slot), ctx);
        } else {
            beginWork(run, ctx);
        }
    }

    void onWorkDone(WorkDone done, NodeContext ctx) {
        Run run = runs.get(done.slot());
        if (run != null) {
            send(run, ctx);
        }
    }

    void onWriteTimeout(WriteTimeout timeout, StoreCalls store, NodeContext ctx) {
        Run run = runs.get(timeout.slot());
        if (run == null || run.attempt != timeout.attempt()) {
            return;
        }
        if (config.option().retries() && run.attempt < config.retriesMax()) {
            long backoff = config.backoffNanos() << run.attempt;
            long jitter = ctx.random().nextLong(backoff / 2 + 1);
            run.attempt++;
            run.writeId = 0; // a late answer to the abandoned attempt is ignored: this client stopped listening
            ctx.setTimer(Duration.ofNanos(backoff + jitter), new BackoffOver(run.slot, run.attempt));
            return;
        }
        ctx.note("slot " + run.slot + ": the write's outcome is unknown; giving up");
        finish(run, false, store, ctx);
    }

    void onBackoffOver(BackoffOver over, NodeContext ctx) {
        Run run = runs.get(over.slot());
        if (run != null && run.attempt == over.attempt()) {
            send(run, ctx);
        }
    }

    /** Handles the target's answer to a write of a run in progress. */
    AnswerMeaning onAnswer(WriteAnswer answer, StoreCalls store, NodeContext ctx) {
        Run run = runFor(answer.requestId());
        if (run == null) {
            return AnswerMeaning.NONE;
        }
        return switch (answer) {
            case Written written -> {
                finish(run, true, store, ctx);
                yield AnswerMeaning.NONE;
            }
            case DuplicateKey duplicate -> {
                finish(run, true, store, ctx); // an earlier attempt, or another scheduler, applied this slot
                yield AnswerMeaning.NONE;
            }
            case StaleToken stale -> {
                ctx.note("slot " + run.slot + ": epoch " + run.epoch + " refused, the target has seen "
                        + stale.highestToken());
                finish(run, false, store, ctx);
                yield AnswerMeaning.FENCED_OFF;
            }
        };
    }

    /** Handles the end of a lock-row or done-mark operation. */
    void onStore(StorePurpose purpose, Result result, StoreCalls store, NodeContext ctx) {
        switch (purpose) {
            case ReadLock read
            when runs.containsKey(read.slot()) -> lockRead(runs.get(read.slot()), result, store, ctx);
            case TakeLock take
            when runs.containsKey(take.slot()) -> {
                Run run = runs.get(take.slot());
                if (result instanceof Result.Ok) {
                    run.lock = take.proposed();
                    beginWork(run, ctx);
                } else {
                    ctx.note("slot " + run.slot + ": lock row not taken (" + result + ")");
                    runs.remove(run.slot);
                }
            }
            default -> {} // done marks and releases: nothing waits for them
        }
    }

    private void lockRead(Run run, Result result, StoreCalls store, NodeContext ctx) {
        if (!(result instanceof Result.Ok ok)) {
            runs.remove(run.slot);
            return;
        }
        long now = ctx.nowNanos();
        if (ok.value() != null && now <= lockExpiry(ok.value().toString())) {
            ctx.note("slot " + run.slot + ": lock row held by " + ok.value());
            runs.remove(run.slot);
            return;
        }
        String proposed = session + "|" + run.slot + "|" + (now + config.lockNanos());
        store.cas(lockKey(), ok.value(), proposed, new TakeLock(run.slot, proposed), ctx);
    }

    private void beginWork(Run run, NodeContext ctx) {
        observer.runStarted(self, run.slot, run.epoch);
        ctx.setTimer(Duration.ofNanos(config.workNanos()), new WorkDone(run.slot));
    }

    private void send(Run run, NodeContext ctx) {
        run.writeId = ++nextWriteId;
        long token = config.option().sendsToken() ? run.epoch : 0;
        String key = config.option().sendsKey() ? JobEffect.key(config.job(), run.slot) : "";
        String value = new JobEffect(run.slot, run.epoch, self.name()).format();
        ctx.send(config.target(), new FencedWrite(run.writeId, config.job(), token, key, value));
        run.timeout =
                ctx.setTimer(Duration.ofNanos(config.targetTimeoutNanos()), new WriteTimeout(run.slot, run.attempt));
    }

    private void finish(Run run, boolean done, StoreCalls store, NodeContext ctx) {
        runs.remove(run.slot);
        if (run.timeout != null) {
            ctx.cancelTimer(run.timeout);
        }
        if (done) {
            store.put(doneKey(run.slot), session, new MarkDone(run.slot), ctx);
        }
        if (run.lock != null) {
            store.cas(lockKey(), run.lock, null, new ReleaseLock(run.slot, run.lock), ctx);
        }
    }

    private Run runFor(long writeId) {
        for (Run run : runs.values()) {
            if (run.writeId == writeId) {
                return run;
            }
        }
        return null;
    }

    private static long lockExpiry(String lock) {
        String[] parts = lock.split("\\|");
        return Long.parseLong(parts[parts.length - 1]);
    }

    private String lockKey() {
        return "lock/" + config.job();
    }

    String doneKey(long slot) {
        return "done/" + config.job() + "/" + slot;
    }
}
