/**
 * A causally consistent replicated key-value store in the style of COPS (Lloyd, Freedman,
 * Kaminsky and Andersen, "Don't settle for eventual: scalable causal consistency for wide-area
 * storage with COPS", SOSP 2011).
 *
 * <p><b>What it is.</b> One {@link sdlab.kv.causal.CausalReplica} per site. A client talks to its
 * own site's replica, which applies a write at once (after logging it) and replicates it to the
 * other sites in the background, resending until each acknowledges. Every write carries a version
 * (Lamport timestamp, origin replica) and its dependencies: the client's context, the versions it
 * read since its last write and that write ({@link sdlab.kv.causal.Context}). A replica makes a
 * replicated write visible only once every dependency is applied there (the dependency check),
 * holding it until then. Concurrent writes of one key converge by last writer wins on the version.
 *
 * <p><b>What it guarantees.</b> Causal+ consistency: a reader never sees an effect without its
 * cause, and replicas that have received the same writes show the same values. Writes are
 * available at every site during a partition, and the sites converge once it heals. With {@link
 * sdlab.kv.causal.CausalConfig.ClientMode#ANY_REPLICA_WITH_TOKEN} the context doubles as a version
 * token: a client may use any replica, which serves it only once the token's writes are applied
 * there, so it reads its own writes and never reads backwards.
 *
 * <p><b>What it does not.</b> No conditional writes and no transactions: two clients that read the
 * same value and both write over it are concurrent, and last writer wins silently drops one
 * (causal consistency does not make a read followed by a write atomic). Not linearizable: a read
 * may miss a write that finished elsewhere long ago. The dependency check asks for the exact
 * version of each dependency, stricter than COPS's "that version or a newer one", because a newer
 * concurrent version of a key does not bring the dependency's own dependencies along. A replica
 * remembers which versions it applied as a version vector with exceptions (each write also carries
 * its origin's sequence number), so that memory grows with the origins and the writes applied out of
 * order, not with every write ever applied; its answers are those of the full set. The log still
 * keeps every write (no compaction) and the origin keeps each write until every replica has it. The
 * same replica and client run as real processes ({@code sdlab cluster start causal}, in module
 * {@code app}), their messages sent as they are.
 */
package sdlab.kv.causal;
