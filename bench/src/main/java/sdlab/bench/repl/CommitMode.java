package sdlab.bench.repl;

/**
 * What a commit waits for before its client hears it succeeded: the modes the bench compares across systems. Each
 * system names its own setting for the modes it offers ({@link ReplSystem#setting}); a mode with no counterpart in a
 * system is not measured there.
 */
public enum CommitMode {
    /** The primary's log synced; no replica waited for (sdlab async, MariaDB without semi-sync, PostgreSQL local). */
    ASYNC("async", "the primary's log synced"),
    /** A replica synced the change to its relay log before the primary commits its engine (MySQL's lossless mode). */
    SEMI_SYNC_AFTER_SYNC("semi-sync after-sync", "a replica's relay log synced, before the engine commit"),
    /** As above, after the primary's engine commit: readers may see a change the replica has not got. */
    SEMI_SYNC_AFTER_COMMIT("semi-sync after-commit", "a replica's relay log synced, after the engine commit"),
    /** The replica received and wrote the change, not synced (PostgreSQL remote_write). */
    SYNC_REMOTE_WRITE("sync remote-write", "a replica wrote the change (not synced)"),
    /** The replica synced the change (PostgreSQL on). */
    SYNC_ON("sync on", "a replica synced the change"),
    /** The replica applied the change, so reads there see it (PostgreSQL remote_apply). */
    SYNC_REMOTE_APPLY("sync remote-apply", "a replica applied the change"),
    /** Nothing synced at commit (PostgreSQL off); sdlab's store has no such mode. */
    NO_SYNC("no sync", "nothing: the log is synced later");

    private final String label;
    private final String waitsFor;

    CommitMode(String label, String waitsFor) {
        this.label = label;
        this.waitsFor = waitsFor;
    }

    /** The name the report and {@code --modes} use. */
    public String label() {
        return label;
    }

    /** What a commit in this mode waits for, in a few words. */
    public String waitsFor() {
        return waitsFor;
    }
}
