package sdlab.runtime.cluster;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.runtime.net.NetworkFaults;

/** Network faults as one line of the layout file: {@code to=n2,n3;from=n2;delay=100;loss=0.05}. */
final class FaultsText {
    private FaultsText() {}

    static String format(NetworkFaults faults) {
        return "to=" + names(faults.blockedTo()) + ";from=" + names(faults.blockedFrom()) + ";delay="
                + faults.delayMillis() + ";loss=" + faults.lossRate();
    }

    static NetworkFaults parse(String text) {
        List<NodeId> to = List.of();
        List<NodeId> from = List.of();
        long delay = 0;
        double loss = 0;
        for (String field : text.split(";")) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("a fault field needs name=value, got '" + field + "'");
            }
            String value = field.substring(equals + 1);
            switch (field.substring(0, equals)) {
                case "to" -> to = ids(value);
                case "from" -> from = ids(value);
                case "delay" -> delay = Long.parseLong(value);
                case "loss" -> loss = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown fault field '" + field + "'");
            }
        }
        return new NetworkFaults(to, from, delay, loss);
    }

    private static String names(List<NodeId> ids) {
        return String.join(",", ids.stream().map(NodeId::name).toList());
    }

    private static List<NodeId> ids(String text) {
        List<NodeId> ids = new ArrayList<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                ids.add(NodeId.of(name.strip()));
            }
        }
        return ids;
    }
}
