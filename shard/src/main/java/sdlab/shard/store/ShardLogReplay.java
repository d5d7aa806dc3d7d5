package sdlab.shard.store;

import java.util.List;
import java.util.TreeMap;
import sdlab.core.NodeId;

/**
 * A durable shard's state rebuilt from its log: the records replayed in order through the same bookkeeping that
 * handled them live ({@link TableChange}), so a table applied takes out and retains again what it gave away, and a
 * handoff taken in or acknowledged counts as it did.
 */
final class ShardLogReplay {
    private ShardLogReplay() {}

    /** Replays {@code records} into {@code data} (emptied first) and {@code change}; returns the table in force. */
    static RoutingTable replay(
            List<ShardLogRecord> records, NodeId self, TreeMap<String, Long> data, TableChange change) {
        if (records.isEmpty() || !(records.getFirst() instanceof ShardLogRecord.Begin first)) {
            throw new IllegalArgumentException("a shard's log starts with its table, got " + records);
        }
        RoutingTable table = first.table();
        data.clear();
        for (ShardLogRecord record : records) {
            switch (record) {
                case ShardLogRecord.Begin begin -> {
                    table = begin.table();
                    change.readyAt(table.epoch());
                }
                case ShardLogRecord.Put put -> data.put(put.key(), put.value());
                case ShardLogRecord.Delete delete -> data.remove(delete.key());
                case ShardLogRecord.Update update -> {
                    table = update.update().table();
                    change.begin(update.update(), self, data);
                }
                case ShardLogRecord.Accepted accepted -> change.take(accepted.handoff(), data);
                case ShardLogRecord.Acked acked -> change.acknowledged(acked.epoch(), acked.to());
            }
        }
        return table;
    }
}
