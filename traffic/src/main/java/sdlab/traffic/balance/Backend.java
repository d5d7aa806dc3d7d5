package sdlab.traffic.balance;

import java.util.concurrent.atomic.AtomicInteger;
import sdlab.core.StableHash;

/**
 * One server of an upstream and what a balancer knows about it: whether active checks find it
 * healthy, whether passive ejection has benched it until some time, whether it is draining, and
 * how many requests it is serving. The gateway's server handle extends it with its connections;
 * a simulated balancer uses it as it is. Read from every event loop of the gateway, so its state
 * is volatile or atomic; a simulated node reads it from its one thread.
 */
public class Backend {
    private final String address;
    private final String id;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failuresConsecutive = new AtomicInteger();
    private volatile boolean healthy = true;
    private volatile boolean draining;
    private volatile long ejectedUntilNanos; // both worlds' clocks start at 0, so 0 means "never ejected"

    /** A server known by {@code address} ({@code host:port}, or a simulated node's name). */
    public Backend(String address) {
        this.address = address;
        this.id = Long.toHexString(StableHash.of(address) & 0xffff_ffffL);
    }

    /** The address: what consistent hashing places on the ring. */
    public final String address() {
        return address;
    }

    /** A short stable id for sticky cookies: the address is not something to show clients. */
    public final String id() {
        return id;
    }

    /** Whether new requests may go here at {@code nowNanos}. */
    public final boolean available(long nowNanos) {
        return healthy && !draining && nowNanos - ejectedUntilNanos >= 0;
    }

    public final boolean healthy() {
        return healthy;
    }

    public final boolean draining() {
        return draining;
    }

    /** Until when passive ejection benches it; 0 if never ejected. */
    public final long ejectedUntilNanos() {
        return ejectedUntilNanos;
    }

    /** Sets the active health verdict; returns whether it changed. */
    public final boolean setHealthy(boolean healthyNew) {
        boolean changed = healthy != healthyNew;
        healthy = healthyNew;
        return changed;
    }

    /** Takes it out of rotation: no new requests, those in flight finish. */
    public void startDraining() {
        draining = true;
    }

    /** Puts a drained server back into rotation (it restarted, say). */
    public final void returnToService() {
        draining = false;
    }

    /** Whether it is draining and nothing is in flight any more. */
    public final boolean drained() {
        return draining && inFlight.get() == 0;
    }

    /** A request starts here. */
    public final void requestStarted() {
        inFlight.incrementAndGet();
    }

    /** A request here ended, answered or not. */
    public final void requestEnded() {
        inFlight.decrementAndGet();
    }

    public final int inFlight() {
        return inFlight.get();
    }

    /** A request succeeded: the run of failures is over. */
    public final void recordSuccess() {
        failuresConsecutive.set(0);
    }

    /**
     * Counts a failed request; returns true when it benches the server (passive ejection): after
     * {@code ejectAfterFailures} failures in a row (0: never), for {@code ejectNanos}.
     */
    public final boolean recordFailure(long nowNanos, int ejectAfterFailures, long ejectNanos) {
        int failures = failuresConsecutive.incrementAndGet();
        if (ejectAfterFailures > 0 && failures >= ejectAfterFailures) {
            failuresConsecutive.set(0);
            ejectedUntilNanos = nowNanos + ejectNanos;
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return address;
    }
}
