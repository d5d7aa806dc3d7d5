package sdlab.cron;

import sdlab.core.NodeId;

/**
 * What a scheduler tells the world it did, for measurement and logs; it changes nothing the
 * scheduler does. A run's effect is measured at the target, not here.
 */
public interface CronObserver {
    /** {@code scheduler} learnt that the store granted it the lease with {@code epoch}. */
    void leaseAcquired(NodeId scheduler, long epoch);

    /** {@code scheduler} began running {@code slot} while it believed it led with {@code epoch}. */
    void runStarted(NodeId scheduler, long slot, long epoch);

    /** An observer that ignores everything. */
    static CronObserver none() {
        return new CronObserver() {
            @Override
            public void leaseAcquired(NodeId scheduler, long epoch) {}

            @Override
            public void runStarted(NodeId scheduler, long slot, long epoch) {}
        };
    }
}
