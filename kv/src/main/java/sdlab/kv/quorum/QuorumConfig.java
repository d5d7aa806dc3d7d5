package sdlab.kv.quorum;

import java.util.Objects;

/**
 * The knobs of the quorum store. Start from {@link #of(int, int, int)} and change one knob
 * with a {@code with...} method, or several with {@link #toBuilder()}.
 *
 * @param n replicas per key: the length of a key's preference list
 * @param r replies a read waits for
 * @param w acknowledgements a write waits for
 * @param sloppy whether writes and reads skip nodes believed down and use the next nodes on the
 *     ring instead, with hinted handoff back to the intended owner
 * @param readRepair what a read does about stale replicas
 * @param requestTimeoutMs how long a coordinator waits for its quorum before it answers the
 *     client with an error; with {@code sloppy}, silent replicas are replaced after half of it
 * @param clientTimeoutMs how long a client waits for its coordinator before it reports the
 *     operation as unknown (writes) or failed (reads)
 * @param virtualNodesPerNode ring positions per physical node
 * @param coordinatorChoice how clients pick a coordinator
 * @param handoffIntervalMs how often a node holding hints tries to hand them to their owners
 * @param suspicionMs how long a node that missed a request deadline is believed down (sloppy
 *     quorums skip it meanwhile); any message from it ends the suspicion early
 * @param bug a deliberately broken variant, to show that the checks can catch one
 */
public record QuorumConfig(
        int n,
        int r,
        int w,
        boolean sloppy,
        ReadRepair readRepair,
        long requestTimeoutMs,
        long clientTimeoutMs,
        int virtualNodesPerNode,
        CoordinatorChoice coordinatorChoice,
        long handoffIntervalMs,
        long suspicionMs,
        Bug bug) {

    /** Deliberately broken variants: each one breaks a claim that the correct store keeps. */
    public enum Bug {
        /** The store as designed. */
        NONE,
        /** The coordinator answers a write once its own local copy is synced, whatever W says. */
        ACK_WRITE_BEFORE_QUORUM,
        /** The coordinator answers a read with the first reply it gets, whatever R says. */
        READ_FROM_ONE
    }

    /** More ring positions than this buy no better balance and cost memory per node. */
    static final int VIRTUAL_NODES_PER_NODE_MAX = 4096;

    public QuorumConfig {
        Objects.requireNonNull(readRepair, "readRepair");
        Objects.requireNonNull(coordinatorChoice, "coordinatorChoice");
        Objects.requireNonNull(bug, "bug");
        require(n >= 1, "n (replicas per key) must be at least 1, got " + n);
        require(r >= 1 && r <= n, "r must be between 1 and n=" + n + ", got " + r);
        require(w >= 1 && w <= n, "w must be between 1 and n=" + n + ", got " + w);
        require(requestTimeoutMs >= 2, "requestTimeoutMs must be at least 2, got " + requestTimeoutMs);
        require(clientTimeoutMs >= 1, "clientTimeoutMs must be positive, got " + clientTimeoutMs);
        require(
                virtualNodesPerNode >= 1 && virtualNodesPerNode <= VIRTUAL_NODES_PER_NODE_MAX,
                "virtualNodesPerNode must be between 1 and " + VIRTUAL_NODES_PER_NODE_MAX + ", got "
                        + virtualNodesPerNode);
        require(handoffIntervalMs >= 1, "handoffIntervalMs must be positive, got " + handoffIntervalMs);
        require(suspicionMs >= 1, "suspicionMs must be positive, got " + suspicionMs);
    }

    /**
     * A strict quorum with background read repair, a 200 ms coordinator timeout, a 1 s client
     * timeout, 64 virtual nodes per node, a random coordinator per operation, hand-off attempts
     * every 500 ms and suspicion lasting 1 s.
     */
    public static QuorumConfig of(int n, int r, int w) {
        return new Builder(n, r, w).build();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether every read quorum meets every write quorum (R + W > N). */
    public boolean quorumsOverlap() {
        return r + w > n;
    }

    public QuorumConfig withSloppy(boolean sloppy) {
        return toBuilder().sloppy(sloppy).build();
    }

    public QuorumConfig withReadRepair(ReadRepair readRepair) {
        return toBuilder().readRepair(readRepair).build();
    }

    public QuorumConfig withRequestTimeoutMs(long requestTimeoutMs) {
        return toBuilder().requestTimeoutMs(requestTimeoutMs).build();
    }

    public QuorumConfig withClientTimeoutMs(long clientTimeoutMs) {
        return toBuilder().clientTimeoutMs(clientTimeoutMs).build();
    }

    public QuorumConfig withVirtualNodesPerNode(int virtualNodesPerNode) {
        return toBuilder().virtualNodesPerNode(virtualNodesPerNode).build();
    }

    public QuorumConfig withCoordinatorChoice(CoordinatorChoice coordinatorChoice) {
        return toBuilder().coordinatorChoice(coordinatorChoice).build();
    }

    public QuorumConfig withHandoffIntervalMs(long handoffIntervalMs) {
        return toBuilder().handoffIntervalMs(handoffIntervalMs).build();
    }

    public QuorumConfig withSuspicionMs(long suspicionMs) {
        return toBuilder().suspicionMs(suspicionMs).build();
    }

    public QuorumConfig withBug(Bug bug) {
        return toBuilder().bug(bug).build();
    }

    /** Changes several knobs at once; {@link #build()} validates them together. */
    public static final class Builder {
        private final int n;
        private final int r;
        private final int w;
        private boolean sloppy;
        private ReadRepair readRepair = ReadRepair.BACKGROUND;
        private long requestTimeoutMs = 200;
        private long clientTimeoutMs = 1000;
        private int virtualNodesPerNode = 64;
        private CoordinatorChoice coordinatorChoice = CoordinatorChoice.RANDOM_PER_OPERATION;
        private long handoffIntervalMs = 500;
        private long suspicionMs = 1000;
        private Bug bug = Bug.NONE;

        private Builder(int n, int r, int w) {
            this.n = n;
            this.r = r;
            this.w = w;
        }

        private Builder(QuorumConfig from) {
            this(from.n, from.r, from.w);
            sloppy = from.sloppy;
            readRepair = from.readRepair;
            requestTimeoutMs = from.requestTimeoutMs;
            clientTimeoutMs = from.clientTimeoutMs;
            virtualNodesPerNode = from.virtualNodesPerNode;
            coordinatorChoice = from.coordinatorChoice;
            handoffIntervalMs = from.handoffIntervalMs;
            suspicionMs = from.suspicionMs;
            bug = from.bug;
        }

        public Builder sloppy(boolean value) {
            sloppy = value;
            return this;
        }

        public Builder readRepair(ReadRepair value) {
            readRepair = value;
            return this;
        }

        public Builder requestTimeoutMs(long value) {
            requestTimeoutMs = value;
            return this;
        }

        public Builder clientTimeoutMs(long value) {
            clientTimeoutMs = value;
            return this;
        }

        public Builder virtualNodesPerNode(int value) {
            virtualNodesPerNode = value;
            return this;
        }

        public Builder coordinatorChoice(CoordinatorChoice value) {
            coordinatorChoice = value;
            return this;
        }

        public Builder handoffIntervalMs(long value) {
            handoffIntervalMs = value;
            return this;
        }

        public Builder suspicionMs(long value) {
            suspicionMs = value;
            return this;
        }

        public Builder bug(Bug value) {
            bug = value;
            return this;
        }

        /** The configuration; throws IllegalArgumentException naming the first knob out of range. */
        public QuorumConfig build() {
            return new QuorumConfig(
                    n,
                    r,
                    w,
                    sloppy,
                    readRepair,
                    requestTimeoutMs,
                    clientTimeoutMs,
                    virtualNodesPerNode,
                    coordinatorChoice,
                    handoffIntervalMs,
                    suspicionMs,
                    bug);
        }
    }

    /** Replies a read really waits for: R, unless the READ_FROM_ONE bug is on. */
    int readQuorum() {
        return bug == Bug.READ_FROM_ONE ? 1 : r;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("quorum config: " + message);
        }
    }
}
