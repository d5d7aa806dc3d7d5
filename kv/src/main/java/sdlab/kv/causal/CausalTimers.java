package sdlab.kv.causal;

import sdlab.core.NodeId;
import sdlab.core.Timer;

/** The timers of the causal store's replica and client. */
final class CausalTimers {
    private CausalTimers() {}

    /** Time to resend the writes that some replica has not acknowledged. */
    record ResendDue() implements Timer {}

    /** A request parked for its context has waited as long as it may. */
    record ParkExpired(NodeId client, long requestId) implements Timer {}

    /** A client gave up waiting for an answer. */
    record ClientTimeout(long requestId) implements Timer {}
}
