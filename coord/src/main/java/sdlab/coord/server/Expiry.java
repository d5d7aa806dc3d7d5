package sdlab.coord.server;

import java.util.List;
import sdlab.coord.tree.WatchEvent;

/** What a clock tick expired: the sessions (their connections are to be closed) and the watch events their ephemerals' removal fired. */
public record Expiry(List<Long> sessions, List<WatchEvent> events) {
    public Expiry {
        sessions = List.copyOf(sessions);
        events = List.copyOf(events);
    }
}
