package sdlab.shard.server;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import sdlab.core.NodeId;
import sdlab.resp.RespReply;
import sdlab.shard.store.RoutingTable;

/**
 * INFO and SHARDS.WHERE: what the door's routers believe about the store. They answer from the routers' cached
 * tables, not the placement node's: a change the routers have not met yet (no shard has refused them a stale epoch)
 * does not show, which is the point of showing it.
 */
final class ShardingInfo {
    private final ShardAccess store;
    private final String doorName;

    ShardingInfo(ShardAccess store, String doorName) {
        this.store = store;
        this.doorName = doorName;
    }

    /** INFO [section...]: {@code server}, {@code sharding}, or both when none (or all) is named. */
    String info(List<String> sections) {
        List<String> asked =
                sections.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        boolean all =
                asked.isEmpty() || asked.contains("all") || asked.contains("everything") || asked.contains("default");
        StringBuilder text = new StringBuilder();
        if (all || asked.contains("server")) {
            text.append("# Server\r\n")
                    .append("sdlab_door:shards\r\n")
                    .append("door_node:")
                    .append(doorName)
                    .append("\r\n")
                    .append("routers:")
                    .append(store.cachedTables().size())
                    .append("\r\n\r\n");
        }
        if (all || asked.contains("sharding")) {
            sharding(text);
        }
        return text.toString();
    }

    /** SHARDS.WHERE key: the shard that owns {@code key} under the newest table a router holds, and its epoch. */
    RespReply where(String key) {
        RoutingTable table = newest();
        if (table == null) {
            return RespReply.error("TRYAGAIN the door's routers have not fetched the routing table yet");
        }
        NodeId owner = table.partitioner().ownerOf(key);
        return RespReply.array(List.of(RespReply.bulk(owner.name()), RespReply.integer(table.epoch())));
    }

    private void sharding(StringBuilder text) {
        RoutingTable table = newest();
        text.append("# Sharding\r\n");
        if (table == null) {
            text.append("epoch:unknown\r\n");
            return;
        }
        List<NodeId> shards = table.partitioner().shards();
        text.append("epoch:")
                .append(table.epoch())
                .append("\r\nshards:")
                .append(shards.size())
                .append("\r\nshard_nodes:")
                .append(shards.stream().map(NodeId::name).collect(Collectors.joining(",")))
                .append("\r\ntable:")
                .append(table.partitioner().describe())
                .append("\r\nrouter_epochs:")
                .append(store.cachedTables().stream()
                        .map(t -> t == null ? "none" : Long.toString(t.epoch()))
                        .collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** The newest table any router holds, or null before the first fetch returned. */
    private RoutingTable newest() {
        return store.cachedTables().stream()
                .filter(Objects::nonNull)
                .max(Comparator.comparingLong(RoutingTable::epoch))
                .orElse(null);
    }
}
