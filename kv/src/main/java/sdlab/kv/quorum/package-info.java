/**
 * A Dynamo-style quorum key-value store: N replicas per key, reads that wait for R replies,
 * writes that wait for W acknowledgements.
 *
 * <h2>The mechanism</h2>
 *
 * <p>It follows Amazon's Dynamo (DeCandia et al., "Dynamo: Amazon's Highly Available Key-value
 * Store", SOSP 2007). Keys live on a consistent-hash ring with virtual nodes ({@link
 * sdlab.kv.quorum.HashRing}); a key's preference list is the first N distinct nodes clockwise
 * from it. Any node coordinates any request ({@link sdlab.kv.quorum.QuorumNode}): it sends the
 * operation to the key's N replicas and answers once W of them acknowledged a write, or R of
 * them replied to a read, with the newest version among the replies. A replica acknowledges a
 * write only after its disk sync, so an acknowledged write survives a crash of that replica.
 *
 * <p>Stale replicas are fixed by read repair, as in Riak and Cassandra: in the background
 * after the answer ({@link sdlab.kv.quorum.ReadRepair#BACKGROUND}), or before it, by writing
 * the newest version back to a write quorum ({@link sdlab.kv.quorum.ReadRepair#BLOCKING}),
 * which is the second phase of a read in the ABD register (Attiya, Bar-Noy and Dolev, "Sharing
 * Memory Robustly in Message-Passing Systems", JACM 1995). With a sloppy quorum, a coordinator
 * skips preference-list nodes it believes down (a failure detector by timeouts) and uses the
 * next nodes on the ring instead, giving each a hint naming the intended owner; the hint
 * holder hands the write to the owner when it answers again (hinted handoff).
 *
 * <h2>Versions: last writer wins</h2>
 *
 * <p>Every write is stamped by its coordinator with its clock reading and its name as a tie
 * breaker ({@link sdlab.kv.quorum.LwwTimestamp}), as Cassandra does. This orders all versions
 * totally, so a read returns exactly one value, which is what this chapter's questions
 * (linearizability, stale reads) need. What it loses: two concurrent writes are not detected;
 * the one with the larger timestamp silently overwrites the other. And a coordinator whose
 * clock lags can stamp a later write older than an earlier one, which then never becomes
 * visible. Dynamo's vector clocks with siblings keep both and let the application merge;
 * {@link sdlab.kv.quorum.Version} is a sealed type so that they can be added beside it.
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <ul>
 *   <li>With R + W &gt; N and a strict quorum, every read quorum meets the write quorum of
 *       every completed write, so a read returns that write's value or a newer one.
 *   <li>It does not make reads linearizable by itself: a write that is still in flight or
 *       failed part-way (the client saw a timeout) may be seen by one read and missed by a
 *       later one. Blocking write-back closes that gap: once a read returned a version, W
 *       replicas hold it durably, so every later read sees it. Even then, skewed clocks can
 *       order writes against real time.
 *   <li>With R + W &lt;= N, reads can miss completed writes: stale reads are expected.
 *   <li>Sloppy quorums trade the intersection for availability: the W nodes that acknowledged
 *       a write may all be stand-ins outside the preference list, so a later read of the real
 *       owners misses it until hinted handoff catches up.
 *   <li>Results are never invented: a write without W acknowledgements in time is reported
 *       unknown (it may be on some replicas), never failed, never ok.
 * </ul>
 *
 * <p>Start with {@link sdlab.kv.quorum.QuorumCluster} and {@link sdlab.kv.quorum.QuorumConfig};
 * the protocol's messages read at a glance in {@link sdlab.kv.quorum.QuorumMessages}.
 */
package sdlab.kv.quorum;
