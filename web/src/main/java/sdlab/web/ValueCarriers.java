package sdlab.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.sim.TraceEvent;

/**
 * Where one written value travelled in a trace: the first delivery to each server of a message that carries it, and
 * the servers that received data of its key but never this value. The chapters write unique values, so a message whose text holds the key and the
 * value, each as a whole word, carries that write (a request, a replication batch, a read's reply); a number alone
 * would match request ids and positions too, hence the key.
 */
record ValueCarriers(Map<NodeId, Integer> firstDelivery, List<NodeId> nodesNeverReached) {

    /** The carriers of {@code value} under {@code key}; {@code clients} are left out: they are not replicas. */
    static ValueCarriers of(List<TraceEvent> trace, String key, Object value, Set<NodeId> clients) {
        String valueText = String.valueOf(value);
        Map<NodeId, Integer> first = new LinkedHashMap<>();
        Set<NodeId> servers = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
        for (int index = 0; index < trace.size(); index++) {
            TraceEvent event = trace.get(index);
            NodeId node = event.node();
            if (node == null || clients.contains(node)) {
                continue;
            }
            if (event.kind() != TraceEvent.Kind.DELIVER || !holdsWord(event.detail(), key)) {
                continue;
            }
            servers.add(node); // it holds data of the key: a replica of it
            if (!first.containsKey(node) && holdsWord(event.detail(), valueText)) {
                first.put(node, index);
            }
        }
        List<NodeId> never = new ArrayList<>();
        for (NodeId server : servers) {
            if (!first.containsKey(server)) {
                never.add(server);
            }
        }
        return new ValueCarriers(first, never);
    }

    /** Whether {@code word} occurs in {@code text} with no letter, digit, '-', '_' or '.' on either side. */
    static boolean holdsWord(String text, String word) {
        if (text == null || word.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !partOfWord(text.charAt(at - 1)))
                    && (end == text.length() || !partOfWord(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean partOfWord(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
