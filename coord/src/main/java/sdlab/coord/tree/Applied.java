package sdlab.coord.tree;

import java.util.List;

/**
 * What applying one transaction gave: its result for the client that sent it, and the watch
 * events it triggered, in the order ZooKeeper delivers them (per triggered watch in trigger
 * order, sessions in ascending id within one trigger). A failed transaction triggers nothing.
 */
public record Applied(long zxid, OpResult result, List<WatchEvent> events) {
    public Applied {
        events = List.copyOf(events);
    }
}
