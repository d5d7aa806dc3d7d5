package sdlab.kv.causal;

/**
 * The writes a replica has applied, as the dependency check asks about them: "is this exact version applied here?"
 * The replica keeps one {@link AppliedVersionVector}; tests put a plain set of every version beside it and compare
 * their answers.
 */
interface AppliedVersions {
    /** Records {@code version} as applied here. */
    void add(Version version);

    /** Whether exactly {@code version} was applied here (not merely a newer version of its key). */
    boolean contains(Version version);

    /** How many entries the record holds: what its memory grows with. */
    int entries();
}
