package sdlab.chapters.cron;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.cron.CronObserver;
import sdlab.sim.SimControl;

/**
 * What the schedulers reported, stamped with virtual time (the schedulers' own clocks may be
 * skewed; the measurement needs one time line). It observes only: nothing it records reaches a
 * node. One per run.
 */
final class RunLog implements CronObserver {
    /** A scheduler learnt it holds {@code epoch}, at virtual time {@code atNanos}. */
    record Acquisition(NodeId scheduler, long epoch, long atNanos) {}

    /** A scheduler began running {@code slot} with {@code epoch}. */
    record RunStart(NodeId scheduler, long slot, long epoch, long atNanos) {}

    private final List<Acquisition> acquisitions = new ArrayList<>();
    private final List<RunStart> runs = new ArrayList<>();
    private SimControl clock;

    /** Binds the run's virtual clock; called by an action at time zero. */
    void bind(SimControl control) {
        this.clock = control;
    }

    @Override
    public void leaseAcquired(NodeId scheduler, long epoch) {
        acquisitions.add(new Acquisition(scheduler, epoch, now()));
    }

    @Override
    public void runStarted(NodeId scheduler, long slot, long epoch) {
        runs.add(new RunStart(scheduler, slot, epoch, now()));
    }

    List<Acquisition> acquisitions() {
        return List.copyOf(acquisitions);
    }

    List<RunStart> runs() {
        return List.copyOf(runs);
    }

    /** The virtual time at which an epoch above {@code epoch} was first granted; MAX_VALUE if never. */
    long supersededAtNanos(long epoch) {
        long first = Long.MAX_VALUE;
        for (Acquisition acquisition : acquisitions) {
            if (acquisition.epoch() > epoch) {
                first = Math.min(first, acquisition.atNanos());
            }
        }
        return first;
    }

    private long now() {
        return clock == null ? 0 : clock.nowNanos();
    }
}
