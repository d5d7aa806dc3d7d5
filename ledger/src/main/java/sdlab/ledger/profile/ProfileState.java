package sdlab.ledger.profile;

/**
 * One replica's copy of one user's profile, with whatever it needs to reconcile copies. Immutable: a new state per
 * write or merge, so states can be sent between replicas as they are.
 */
public sealed interface ProfileState permits LwwProfileState, SiblingProfileState, CrdtProfileState {

    /** This state joined with another replica's copy; the join is commutative, associative and idempotent. */
    ProfileState merge(ProfileState other, ProfileConfig.Bug bug);

    /** Bytes spent on reconciliation metadata: timestamps, version vectors, dots, causal context. */
    long metadataBytes();

    /** A text that two replicas share exactly when their states are equal, to judge convergence. */
    String canonical();

    /** What the application reads: every version it must choose between (one when there is no conflict). */
    Candidates candidates();
}
