package sdlab.coord.tree;

/** ZooKeeper's watch event types ({@code Watcher.Event.EventType}) with their wire values. */
public enum EventType {
    NODE_CREATED(1),
    NODE_DELETED(2),
    NODE_DATA_CHANGED(3),
    NODE_CHILDREN_CHANGED(4);

    private final int value;

    EventType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
