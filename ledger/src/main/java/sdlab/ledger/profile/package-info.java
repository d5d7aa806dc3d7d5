/**
 * A multi-leader profile store and the ways it handles conflicting writes, for chapter 18.
 *
 * <p>Every replica ({@link sdlab.ledger.profile.ProfileReplica}) accepts writes for any user's profile, acknowledges
 * them at once and pushes its whole copy to the others afterwards, then again on every gossip round: asynchronous
 * multi-leader replication, as in active-active deployments across regions. A user's devices ({@link
 * sdlab.ledger.profile.ProfileDevice}) edit the same profile concurrently through different replicas (or, with sticky
 * sessions, through one) and move to the next replica when theirs stops answering.
 *
 * <p>How concurrent writes are reconciled is the {@link sdlab.ledger.profile.ConflictHandling}:
 *
 * <ul>
 *   <li>last writer wins on the writing replica's wall clock (Cassandra-style): converges, but an acknowledged write
 *       whose clock is behind, or that raced another, disappears without anyone being told;
 *   <li>version vectors with siblings (Dynamo, Riak): nothing is dropped; concurrent versions reach the application,
 *       whose {@link sdlab.ledger.profile.ConflictResolver} merges them with a policy per field, asking the user for
 *       single-valued fields that hold several values;
 *   <li>a CRDT map of multi-value registers and an add-wins set (Shapiro et al., "Conflict-free replicated data
 *       types", 2011; Almeida et al., "Delta state replicated data types", 2018): edits of different fields merge by
 *       themselves; only concurrent edits of one field reach the application.
 * </ul>
 *
 * <p>What this store does not do: durability (a restarted replica starts empty and catches up by gossip), deletes
 * (so no tombstones are needed; the causal context replaces them), and bounding version vectors by pruning.
 */
package sdlab.ledger.profile;
