package sdlab.consensus.raft;

import java.util.List;
import sdlab.core.NodeId;

/**
 * One record of a node's Raft file. The file is only appended to; replaying it in order rebuilds
 * the node's persistent state.
 */
sealed interface LogRecord permits LogRecord.Vote, LogRecord.Entry, LogRecord.Base {

    /** From now on the current term is {@code term} and the vote in it went to {@code votedFor} (or nobody: null). */
    record Vote(long term, NodeId votedFor) implements LogRecord {}

    /**
     * The log holds {@code entry} at {@code index}, and nothing after it: an entry written at an
     * index that already holds one replaces it and drops the rest (a follower's truncation).
     */
    record Entry(long index, LogEntry entry) implements LogRecord {}

    /**
     * The first record of a file generation after a snapshot: forget the log so far, it now
     * starts after entry {@code index} of {@code term}, which a snapshot covers, with {@code
     * members} the configuration as of it. The entries that follow in the file are the log's
     * suffix.
     */
    record Base(long index, long term, List<NodeId> members) implements LogRecord {
        public Base {
            members = Members.normalise(members);
        }
    }
}
