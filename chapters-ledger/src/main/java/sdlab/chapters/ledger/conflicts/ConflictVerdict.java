package sdlab.chapters.ledger.conflicts;

import java.util.List;

/**
 * What the conflict checker found in one run, every figure taken from the clients' history.
 *
 * @param editsAcknowledged edits the store acknowledged
 * @param lostSilently acknowledged edits that no later acknowledged edit of the field replaced, that are missing from
 *     the converged profile, and that no user chose against
 * @param removalsAcknowledged removals of an interest the store acknowledged
 * @param removalsUndone acknowledged removals whose interest is back in the converged profile
 * @param tombstones removed interests the converged profile keeps as tombstones, summed over users
 * @param discardedKnowingly acknowledged, unreplaced edits missing from the converged profile because a user chose
 *     another value on a resolution screen
 * @param valuesChosenAgainst values a user was shown beside another on a resolution screen and did not keep
 * @param conflictsSurfaced operations whose read handed the application more than one version
 * @param prompts single-valued fields a user was asked to choose for
 * @param staleOwnReads views that showed a field older than the viewing device's own acknowledged edit of it
 * @param flipBacks views that showed a field's value again after another value had replaced it in an earlier view
 * @param divergentReplicas replicas that still differed when the final audit gave up waiting
 * @param audits users whose profile an audit read from every replica
 * @param convergenceNanos per user, from their last acknowledged edit to every replica holding the same state
 * @param metadataBytes reconciliation metadata in the converged states, summed over users
 * @param failovers device moves to another replica after a timeout
 * @param examples the first few findings, for the report
 */
record ConflictVerdict(
        long editsAcknowledged,
        long lostSilently,
        long removalsAcknowledged,
        long removalsUndone,
        long tombstones,
        long discardedKnowingly,
        long valuesChosenAgainst,
        long conflictsSurfaced,
        long prompts,
        long staleOwnReads,
        long flipBacks,
        long divergentReplicas,
        long audits,
        List<Long> convergenceNanos,
        long metadataBytes,
        long failovers,
        List<String> examples) {}
