/**
 * Session guarantees and the stale-read metric, for register and key-value histories.
 *
 * <p>{@link sdlab.check.session.StaleReads} counts reads that returned a value older than a write
 * that had completed before they began: the number a Dynamo-style quorum experiment reports when
 * R + W does not exceed N. {@link sdlab.check.session.SessionGuarantees} checks the four session
 * guarantees of Terry, Demers, Petersen, Spreitzer, Theimer and Welch, "Session Guarantees for
 * Weakly Consistent Replicated Data" (PDIS 1994) — read-your-writes, monotonic reads, monotonic
 * writes and writes-follow-reads — from the clients' side, one process being one session.
 *
 * <p>A history has no version order of its own, so these checks use the only order that every
 * system must respect: real time. A value is <i>certainly older</i> than another if all writes of
 * it completed before any write of the other began. Every flagged read is therefore a true
 * anomaly whatever order the system picked for concurrent writes; anomalies hidden among
 * concurrent writes go uncounted (a lower bound, never a guess). Unknown writes count as
 * completing at the end of time, failed writes as never written.
 *
 * <p>Writes must write unique values per key (the usual Jepsen discipline). Reads are {@code
 * read}/{@code get}, writes {@code write}/{@code put}; other operations are ignored. Everything
 * here is a pure function of a history.
 */
package sdlab.check.session;
