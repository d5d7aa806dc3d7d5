package sdlab.kv.causal;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * One causal store's shape.
 *
 * @param replicas the replicas, one per site; every write is replicated to all of them
 * @param clientMode which replica a client talks to
 * @param clientTimeoutMs how long a client waits for an answer before reporting the operation as
 *     unknown (a write) or failed (a read)
 * @param resendMs how long an origin waits for a replica's acknowledgement before sending a write
 *     again
 * @param parkMsMax how long a replica holds a client's request whose context has not arrived
 *     before refusing it; shorter than the client's timeout, so that the client hears "refused"
 * @param bug a planted bug, or {@link Bug#NONE}
 */
public record CausalConfig(
        List<NodeId> replicas, ClientMode clientMode, int clientTimeoutMs, int resendMs, int parkMsMax, Bug bug) {

    /** Which replica a client talks to. */
    public enum ClientMode {
        /**
         * Each client talks only to its own (local) replica, as in COPS: its context is always
         * applied there, so no request ever waits.
         */
        LOCAL_REPLICA,
        /**
         * Each operation goes to a replica picked at random; the context the client carries is its
         * version token, and a replica serves the request only once it has applied every write in
         * it: read-your-writes and monotonic reads without stickiness.
         */
        ANY_REPLICA_WITH_TOKEN
    }

    /** Mistakes that the tests and the chapter must catch. */
    public enum Bug {
        NONE,
        /** A replica makes a replicated write visible at once, without checking its dependencies. */
        SHOWS_WRITE_BEFORE_DEPENDENCY,
        /** A replica serves a client's request without waiting for the writes of its context (token). */
        TOKEN_IGNORED,
        /**
         * A replica's record of applied versions treats a gap in an origin's sequence as applied: a write applied
         * out of order moves the origin's prefix past the writes still missing below it.
         */
        TRIM_TREATS_GAP_AS_APPLIED
    }

    public CausalConfig {
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(clientMode, "clientMode");
        Objects.requireNonNull(bug, "bug");
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a causal store needs at least one replica");
        }
        if (clientTimeoutMs < 1 || resendMs < 1 || parkMsMax < 0) {
            throw new IllegalArgumentException("timeouts are positive, got client " + clientTimeoutMs + " ms, resend "
                    + resendMs + " ms, park " + parkMsMax + " ms");
        }
        if (parkMsMax >= clientTimeoutMs) {
            throw new IllegalArgumentException("a replica must refuse a parked request (" + parkMsMax
                    + " ms) before its client gives up (" + clientTimeoutMs + " ms)");
        }
    }

    /** Defaults: clients on their local replica, a 1 s client timeout, resends every 100 ms. */
    public static CausalConfig of(List<NodeId> replicas) {
        return new CausalConfig(replicas, ClientMode.LOCAL_REPLICA, 1_000, 100, 500, Bug.NONE);
    }

    public CausalConfig withClientMode(ClientMode mode) {
        return new CausalConfig(replicas, mode, clientTimeoutMs, resendMs, parkMsMax, bug);
    }

    public CausalConfig withBug(Bug planted) {
        return new CausalConfig(replicas, clientMode, clientTimeoutMs, resendMs, parkMsMax, planted);
    }
}
