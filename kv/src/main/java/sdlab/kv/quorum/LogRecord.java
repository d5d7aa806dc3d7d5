package sdlab.kv.quorum;

import sdlab.core.NodeId;

/**
 * One entry of a replica's log on disk. Replaying entries in any order gives the same state,
 * because each one only ever raises a version: that makes recovery indifferent to how many
 * log generations survived a crash.
 */
sealed interface LogRecord permits LogRecord.Put, LogRecord.Hint, LogRecord.HintDone {

    /** The replica's own copy of a key. */
    record Put(String key, Versioned item) implements LogRecord {}

    /** A copy kept for {@code owner}, which was believed down when the write came. */
    record Hint(NodeId owner, String key, Versioned item) implements LogRecord {}

    /** The owner acknowledged versions of the key up to {@code version}: those hints are gone. */
    record HintDone(NodeId owner, String key, Version version) implements LogRecord {}
}
