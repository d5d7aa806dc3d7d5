package sdlab.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.sim.TraceEvent;

/**
 * Which client operation each event of a trace works for, so that clicking an operation highlights its messages.
 *
 * <p>The simulator runs one handler at a time and records its events together: an invocation, a delivery or a timer,
 * then the sends, drops and completions it caused, on the same node at the same instant. A handler works for the
 * operation whose message it received, a client's for the operation it has open, and its sends carry that operation
 * on to their receivers. The chain is what the trace shows and no more: a send that waited for a disk sync (a
 * replica's acknowledgement after its fsync) or for a server's own timer is not attributed, rather than guessed.
 * Operations are numbered as checkers number them: the k-th INVOKE of the trace is operation k.
 */
final class MessageOwners {
    /** The owner of an event that works for no operation the trace shows. */
    static final int NONE = -1;

    private MessageOwners() {}

    /** For each event of {@code trace}, the id of the operation it works for, or {@link #NONE}. */
    static int[] of(List<TraceEvent> trace) {
        int[] owners = new int[trace.size()];
        Map<NodeId, Integer> openByClient = new HashMap<>();
        Map<Long, Integer> byMessage = new HashMap<>();
        int invocations = 0;
        NodeId handlerNode = null;
        long handlerNanos = -1;
        int handlerOwner = NONE;
        for (int index = 0; index < trace.size(); index++) {
            TraceEvent event = trace.get(index);
            NodeId node = event.node();
            boolean inHandler = node != null && node.equals(handlerNode) && event.timeNanos() == handlerNanos;
            int owner =
                    switch (event.kind()) {
                        case INVOKE -> {
                            openByClient.put(node, invocations);
                            yield invocations++;
                        }
                        case DELIVER -> {
                            // A reply reaching a client is about the operation it has open, even where the chain
                            // that carried it was broken by a disk sync.
                            int carried = byMessage.getOrDefault(event.messageId(), NONE);
                            yield carried != NONE ? carried : openByClient.getOrDefault(node, NONE);
                        }
                        case TIMER -> openByClient.getOrDefault(node, NONE);
                        case SEND, DUPLICATE -> {
                            int sender = inHandler ? handlerOwner : openByClient.getOrDefault(node, NONE);
                            byMessage.put(event.messageId(), sender);
                            yield sender;
                        }
                        case DROP -> byMessage.getOrDefault(event.messageId(), NONE);
                        case COMPLETE -> {
                            Integer open = openByClient.remove(node);
                            yield open == null ? NONE : open;
                        }
                        default -> NONE;
                    };
            owners[index] = owner;
            switch (event.kind()) {
                case INVOKE, DELIVER, TIMER, SYNC -> {
                    // A new handler starts; a sync's sends are those that waited for the disk, owned by no one known.
                    handlerNode = node;
                    handlerNanos = event.timeNanos();
                    handlerOwner = owner;
                }
                case SEND, DUPLICATE, DROP, COMPLETE, NOTE -> {}
                default -> handlerNode = null;
            }
        }
        return owners;
    }
}
