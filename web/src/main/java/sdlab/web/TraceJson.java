package sdlab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.lab.report.html.MessageType;
import sdlab.lab.report.html.NaturalOrder;
import sdlab.sim.TraceEvent;

/**
 * A run's trace for the page's space-time diagram: the lanes (every node and client, in the order people count, as
 * the HTML report orders them) and every event, none left out. An event is an array rather than an object, because a
 * large run has hundreds of thousands of them and field names would triple the transfer; {@code eventFields} names
 * the columns.
 */
final class TraceJson {
    /** The columns of one event, in order. */
    static final List<String> EVENT_FIELDS =
            List.of("timeNanos", "kind", "node", "peer", "messageId", "operation", "type", "detail");

    private TraceJson() {}

    /**
     * Writes {@code nodes}, {@code eventFields} and {@code events} of {@code trace} into {@code seed}; {@code owners}
     * are {@link MessageOwners#of} the trace.
     */
    static void write(ObjectNode seed, List<TraceEvent> trace, int[] owners) {
        TreeSet<NodeId> names = new TreeSet<>(NaturalOrder.NODE_IDS);
        for (TraceEvent event : trace) {
            if (event.node() != null) {
                names.add(event.node());
            }
            if (event.peer() != null) {
                names.add(event.peer());
            }
        }
        Map<NodeId, Integer> lanes = new HashMap<>();
        ArrayNode nodes = seed.putArray("nodes");
        for (NodeId name : names) {
            lanes.put(name, lanes.size());
            nodes.add(name.name());
        }
        EVENT_FIELDS.forEach(seed.putArray("eventFields")::add);
        ArrayNode events = seed.putArray("events");
        for (int index = 0; index < trace.size(); index++) {
            TraceEvent event = trace.get(index);
            ArrayNode row = events.addArray();
            row.add(event.timeNanos());
            row.add(event.kind().name());
            row.add(event.node() == null ? -1 : lanes.get(event.node()));
            row.add(event.peer() == null ? -1 : lanes.get(event.peer()));
            row.add(event.messageId());
            row.add(owners[index]);
            row.add(isMessage(event) ? MessageType.of(event.detail()) : "");
            row.add(event.detail());
        }
    }

    /** Events an arrow starts at, labelled with the message's type. */
    private static boolean isMessage(TraceEvent event) {
        return event.kind() == TraceEvent.Kind.SEND || event.kind() == TraceEvent.Kind.DUPLICATE;
    }
}
