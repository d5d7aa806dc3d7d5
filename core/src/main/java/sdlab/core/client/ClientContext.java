package sdlab.core.client;

import sdlab.core.NodeContext;

/** A node context that can also report the end of an operation to the workload. */
public interface ClientContext extends NodeContext {

    /** Reports how operation {@code opId} ended; each operation is completed exactly once. */
    void complete(long opId, Outcome outcome);
}
