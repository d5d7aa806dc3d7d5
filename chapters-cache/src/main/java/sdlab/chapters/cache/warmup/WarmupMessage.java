package sdlab.chapters.cache.warmup;

import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;

/**
 * Chapter 13's protocol at a glance: clients ask the service to read or write a record; the
 * service answers from its cache or asks the database; the database serves queries on a bounded
 * pool of connections. Timers close the file.
 */
sealed interface WarmupMessage extends Message {

    // Client and service.

    /** Read the record of {@code key}. */
    record Read(long requestId, String key) implements WarmupMessage {}

    /** Update the record of {@code key} (the database gives it its next version). */
    record Write(long requestId, String key) implements WarmupMessage {}

    /** A read answered from the cache. */
    record FromCache(long requestId, long version) implements WarmupMessage {}

    /**
     * A read answered by the database.
     *
     * @param cold true if the key had not been in the cache since the service started: a cold miss
     */
    record FromDatabase(long requestId, long version, boolean cold) implements WarmupMessage {}

    /** A write is in the database (and, with write-through, in the cache). */
    record Written(long requestId, long version) implements WarmupMessage {}

    /** The service could not answer: the database turned the query away. */
    record Failed(long requestId, String reason) implements WarmupMessage {}

    // Service and database.

    /** Read the current versions of {@code keys}, in one query. */
    record Query(long queryId, List<String> keys) implements WarmupMessage {}

    /** Give {@code key} a new version. */
    record Update(long queryId, String key) implements WarmupMessage {}

    /** The versions of a query's keys, in the query's order. */
    record Rows(long queryId, List<Long> versions) implements WarmupMessage {}

    /** The new version of an updated key. */
    record Updated(long queryId, long version) implements WarmupMessage {}

    /** Every connection was busy and the line was full. */
    record Rejected(long queryId) implements WarmupMessage {}

    // Timers.

    /** The database finishes a statement from {@code service}. */
    record StatementDone(NodeId service, WarmupMessage statement) implements Timer {}

    /** A client stops waiting for the answer to {@code requestId}. */
    record RequestTimeout(long requestId) implements Timer {}
}
