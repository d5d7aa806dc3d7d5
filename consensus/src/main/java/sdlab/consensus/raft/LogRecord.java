package sdlab.consensus.raft;

import sdlab.core.NodeId;

/**
 * One record of a node's Raft file. The file is only appended to; replaying it in order rebuilds
 * the node's persistent state.
 */
sealed interface LogRecord permits LogRecord.Vote, LogRecord.Entry {

    /** From now on the current term is {@code term} and the vote in it went to {@code votedFor} (or nobody: null). */
    record Vote(long term, NodeId votedFor) implements LogRecord {}

    /**
     * The log holds {@code entry} at {@code index}, and nothing after it: an entry written at an
     * index that already holds one replaces it and drops the rest (a follower's truncation).
     */
    record Entry(long index, LogEntry entry) implements LogRecord {}
}
