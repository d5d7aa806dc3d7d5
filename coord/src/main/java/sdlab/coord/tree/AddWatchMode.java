package sdlab.coord.tree;

/** The modes of ZooKeeper's {@code addWatch} (3.6+), with their wire values. */
public enum AddWatchMode {
    /** Fires like a data watch and a child watch on the path, and stays. */
    PERSISTENT(0),
    /** Fires for data events on the path and every descendant (never NodeChildrenChanged), and stays. */
    PERSISTENT_RECURSIVE(1);

    private final int value;

    AddWatchMode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
