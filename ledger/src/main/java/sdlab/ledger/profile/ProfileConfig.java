package sdlab.ledger.profile;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How the profile store runs.
 *
 * @param handling how replicas reconcile concurrent writes
 * @param replicas every replica; each accepts writes and replicates them to the others asynchronously
 * @param gossipIntervalMs how often a replica sends its whole state to the others (anti-entropy after partitions)
 * @param requestTimeoutMs how long a device waits for a replica before it gives up and moves to the next one
 * @param auditPollMs how often the audit reads every replica while waiting for them to agree
 * @param auditWaitMsMax how long the audit waits for agreement before it reports the replicas that never converged
 * @param listMerge how the devices' application merges the list field of sibling versions (version vectors)
 * @param bug a bug planted on purpose, for tests that show a claim can fail
 */
public record ProfileConfig(
        ConflictHandling handling,
        List<NodeId> replicas,
        int gossipIntervalMs,
        int requestTimeoutMs,
        int auditPollMs,
        int auditWaitMsMax,
        ConflictResolver.ListMerge listMerge,
        Bug bug) {

    /** Bugs a test may plant. */
    public enum Bug {
        NONE,
        /** Version vectors order two concurrent versions by their counter sums, so the "older" one is dropped. */
        CONCURRENT_AS_DOMINATED,
        /** The CRDT map merges by keeping every value either side holds, ignoring the causal context. */
        CRDT_MERGE_AS_UNION
    }

    public ProfileConfig {
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(listMerge, "listMerge");
        Objects.requireNonNull(bug, "bug");
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a profile store needs at least one replica");
        }
        if (gossipIntervalMs < 1 || requestTimeoutMs < 1 || auditPollMs < 1 || auditWaitMsMax < auditPollMs) {
            throw new IllegalArgumentException("intervals must be positive and the audit must wait at least one poll");
        }
    }
}
