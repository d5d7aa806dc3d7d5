package sdlab.coord.tree;

/** Which watches {@code removeWatches} removes ({@code Watcher.WatcherType}), with wire values. */
public enum WatcherType {
    /** One-shot child watches (getChildren). */
    CHILDREN(1),
    /** One-shot data watches (getData, exists). */
    DATA(2),
    /** Every watch the session has on the path, of any kind. */
    ANY(3),
    PERSISTENT(4),
    PERSISTENT_RECURSIVE(5);

    private final int value;

    WatcherType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
