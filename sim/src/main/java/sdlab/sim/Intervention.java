package sdlab.sim;

import java.time.Duration;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * A change made by hand to a run at one of its steps (a {@link Fork}): what a learner does when they ask "what if this
 * message had been lost", "what if n3 had crashed here". Each acts on the run's state at that instant only, through
 * the same machinery as the seeded faults, so the run stays deterministic: the same seed with the same forks is the
 * same run.
 */
public sealed interface Intervention {

    /** One line for the trace and the page: what was changed. */
    String describe();

    /** The message in flight is lost now, as if the network had dropped it. */
    record DropMessage(long messageId) implements Intervention {
        @Override
        public String describe() {
            return "drop message #" + messageId;
        }
    }

    /** The message in flight arrives {@code by} later than it would have. */
    record DelayMessage(long messageId, Duration by) implements Intervention {
        public DelayMessage {
            requirePositive(by, "a delay");
        }

        @Override
        public String describe() {
            return "delay message #" + messageId + " by " + words(by);
        }
    }

    /** The message in flight arrives now, ahead of every event still waiting at later instants. */
    record DeliverMessageNow(long messageId) implements Intervention {
        @Override
        public String describe() {
            return "deliver message #" + messageId + " now";
        }
    }

    /** The node crashes now (unsynced writes lost, as with the seeded faults) and restarts after {@code downFor}. */
    record CrashNode(NodeId node, Duration downFor) implements Intervention {
        public CrashNode {
            Objects.requireNonNull(node, "node");
            requirePositive(downFor, "a crash");
        }

        @Override
        public String describe() {
            return "crash " + node + " for " + words(downFor);
        }
    }

    /** The node or client stops running for {@code length} (a long GC pause, a stopped VM). */
    record PauseNode(NodeId node, Duration length) implements Intervention {
        public PauseNode {
            Objects.requireNonNull(node, "node");
            requirePositive(length, "a pause");
        }

        @Override
        public String describe() {
            return "pause " + node + " for " + words(length);
        }
    }

    /** The links the partition names are cut now, for {@code length}. */
    record CutNetwork(Partition partition, Duration length) implements Intervention {
        public CutNetwork {
            Objects.requireNonNull(partition, "partition");
            requirePositive(length, "a cut");
        }

        @Override
        public String describe() {
            return "cut " + partition.describe() + " for " + words(length);
        }
    }

    /** "200 ms", "1.5 s": a length as the page and the trace print it. */
    private static String words(Duration length) {
        long nanos = length.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + " ms";
        }
        return nanos / 1_000L + " µs";
    }

    private static void requirePositive(Duration length, String what) {
        if (length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException(what + " needs a positive length, got " + length);
        }
    }
}
