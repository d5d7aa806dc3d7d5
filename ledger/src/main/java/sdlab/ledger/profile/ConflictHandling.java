package sdlab.ledger.profile;

/** How replicas of the profile store reconcile writes that crossed, and how devices write. */
public enum ConflictHandling {
    /**
     * The whole profile carries the wall-clock timestamp of the replica that took the write; the higher timestamp wins
     * everywhere. A device sends one field's change and the replica applies it to its own copy.
     */
    LAST_WRITER_WINS("lww"),
    /**
     * Each version carries a version vector; concurrent versions are kept side by side as siblings and returned to the
     * application, which merges them with a policy per field before it writes (read, resolve, write with the context).
     */
    VERSION_VECTORS("version-vectors"),
    /**
     * The profile is a CRDT map: each single-valued field a multi-value register, the list field an add-wins set, both
     * tracked with dots and one causal context; replicas merge field by field without asking anyone.
     */
    CRDT_MAP("crdt-map");

    private final String label;

    ConflictHandling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A replica's state for a profile nobody has written yet. */
    public ProfileState empty() {
        return switch (this) {
            case LAST_WRITER_WINS -> LwwProfileState.initial();
            case VERSION_VECTORS -> SiblingProfileState.initial();
            case CRDT_MAP -> CrdtProfileState.initial();
        };
    }
}
