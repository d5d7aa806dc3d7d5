package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.sim.TraceEvent;
import sdlab.sim.TraceEvent.Kind;

/** Which operation each event works for: the chain of handlers the trace shows, and nothing it does not. */
class MessageOwnersTest {
    private static final NodeId CLIENT = NodeId.of("c1");
    private static final NodeId COORDINATOR = NodeId.of("n1");
    private static final NodeId REPLICA = NodeId.of("n2");

    @Test
    void anOperationOwnsWhatItsHandlersSendButNotWhatWaitedForADiskSync() {
        List<TraceEvent> trace = List.of(
                event(0, Kind.INVOKE, CLIENT, null, 0),
                event(0, Kind.SEND, CLIENT, COORDINATOR, 1),
                event(5, Kind.DELIVER, COORDINATOR, CLIENT, 1),
                event(5, Kind.SEND, COORDINATOR, REPLICA, 2),
                event(6, Kind.TIMER, COORDINATOR, null, 0),
                event(6, Kind.SEND, COORDINATOR, REPLICA, 3),
                event(9, Kind.DELIVER, REPLICA, COORDINATOR, 2),
                event(12, Kind.SYNC, REPLICA, null, 0),
                event(12, Kind.SEND, REPLICA, COORDINATOR, 4),
                event(15, Kind.DELIVER, COORDINATOR, REPLICA, 4),
                event(15, Kind.SEND, COORDINATOR, CLIENT, 5),
                event(20, Kind.DELIVER, CLIENT, COORDINATOR, 5),
                event(20, Kind.COMPLETE, CLIENT, null, 0),
                event(20, Kind.INVOKE, CLIENT, null, 0),
                event(20, Kind.SEND, CLIENT, COORDINATOR, 6));

        int[] owners = MessageOwners.of(trace);

        int none = MessageOwners.NONE;
        assertThat(owners).containsExactly(0, 0, 0, 0, none, none, 0, none, none, none, none, 0, 0, 1, 1);
    }

    private static TraceEvent event(long nanos, Kind kind, NodeId node, NodeId peer, long messageId) {
        return new TraceEvent(nanos, kind, node, peer, messageId, kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}
