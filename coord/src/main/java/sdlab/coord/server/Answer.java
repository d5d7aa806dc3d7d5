package sdlab.coord.server;

import java.util.List;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.wire.Packets;

/**
 * The coordinator's answer to one request: the reply for the asking connection, the watch events
 * the request triggered (each addressed to a session, to be delivered before the reply, as
 * ZooKeeper sends them), and whether the connection is to be closed after the reply (after
 * closeSession, or a request on an expired session).
 */
public record Answer(Packets.Reply reply, List<WatchEvent> events, boolean closeConnection) {
    public Answer {
        events = List.copyOf(events);
    }
}
