package sdlab.shard.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.shard.partition.KeyRange;
import sdlab.shard.partition.PartitionerSpec;
import sdlab.shard.store.ShardLogRecord.Accepted;
import sdlab.shard.store.ShardLogRecord.Acked;
import sdlab.shard.store.ShardLogRecord.Begin;
import sdlab.shard.store.ShardLogRecord.Delete;
import sdlab.shard.store.ShardLogRecord.Put;
import sdlab.shard.store.ShardLogRecord.Update;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.TableUpdate;

/**
 * Log records as bytes and back. A record is a frame {@code <payload length>:<payload>\n}; the payload is words
 * separated by spaces, a string written as {@code <length>'<chars>} so that keys may hold any character. A crash in
 * the middle of an unsynced append can leave any prefix of a frame: decoding stops at the first incomplete or damaged
 * frame, and nothing after it was ever acknowledged. A table is written as its {@link PartitionerSpec}, so a durable
 * shard's partitioner must hash with {@link sdlab.shard.partition.KeyHash#stable()}, as a real cluster's do.
 */
final class ShardLogCodec {
    private ShardLogCodec() {}

    /** The records of {@code bytes} before the first bad frame, and how many bytes they take. */
    record Decoded(List<ShardLogRecord> records, int validBytes) {}

    static byte[] encode(ShardLogRecord record) {
        StringBuilder payload = new StringBuilder();
        switch (record) {
            case Begin begin -> table(payload.append('B'), begin.table());
            case Put put -> string(payload.append('P'), put.key()).append(' ').append(put.value());
            case Delete delete -> string(payload.append('D'), delete.key());
            case Update update -> {
                table(payload.append('U'), update.update().table());
                shards(payload, update.update().previousShards());
            }
            case Accepted accepted -> {
                Handoff handoff = accepted.handoff();
                payload.append("A ").append(handoff.epoch());
                string(payload, handoff.from().name())
                        .append(' ')
                        .append(handoff.entries().size());
                handoff.entries()
                        .forEach(
                                (key, value) -> string(payload, key).append(' ').append(value));
            }
            case Acked acked ->
                string(payload.append("K ").append(acked.epoch()), acked.to().name());
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        byte[] header = (body.length + ":").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[header.length + body.length + 1];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        frame[frame.length - 1] = '\n';
        return frame;
    }

    static byte[] encodeAll(List<ShardLogRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(record -> out.writeBytes(encode(record)));
        return out.toByteArray();
    }

    static Decoded decode(byte[] bytes) {
        List<ShardLogRecord> records = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            int colon = position;
            while (colon < bytes.length && colon - position <= 10 && bytes[colon] != ':') {
                colon++;
            }
            if (colon >= bytes.length || bytes[colon] != ':') {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(new String(bytes, position, colon - position, StandardCharsets.UTF_8));
            } catch (NumberFormatException damaged) {
                break;
            }
            int end = colon + 1 + length;
            if (length < 0 || end >= bytes.length || bytes[end] != '\n') {
                break;
            }
            try {
                records.add(parse(new Reader(new String(bytes, colon + 1, length, StandardCharsets.UTF_8))));
            } catch (RuntimeException damaged) {
                break;
            }
            position = end + 1;
        }
        return new Decoded(records, position);
    }

    private static ShardLogRecord parse(Reader in) {
        char kind = in.kind();
        return switch (kind) {
            case 'B' -> new Begin(in.table());
            case 'P' -> new Put(in.string(), in.number());
            case 'D' -> new Delete(in.string());
            case 'U' -> new Update(new TableUpdate(in.table(), in.shards()));
            case 'A' -> {
                long epoch = in.number();
                NodeId from = NodeId.of(in.string());
                long count = in.number();
                SortedMap<String, Long> entries = new TreeMap<>();
                for (long i = 0; i < count; i++) {
                    entries.put(in.string(), in.number());
                }
                yield new Accepted(new Handoff(epoch, from, entries));
            }
            case 'K' -> new Acked(in.number(), NodeId.of(in.string()));
            default -> throw new IllegalArgumentException("no record of kind " + kind);
        };
    }

    private static void table(StringBuilder out, RoutingTable table) {
        out.append(' ').append(table.epoch());
        switch (PartitionerSpec.of(table.partitioner())) {
            case PartitionerSpec.Modulo modulo -> shards(out.append(" M"), modulo.shards());
            case PartitionerSpec.Ring ring -> {
                out.append(" R ").append(ring.tokensPerShard()).append(' ').append(ring.tokenSeed());
                shards(out, ring.shards());
            }
            case PartitionerSpec.Ranges ranges -> {
                out.append(" G ").append(ranges.ranges().size());
                for (KeyRange range : ranges.ranges()) {
                    string(out, range.start());
                    out.append(range.end() == null ? " -" : " +");
                    if (range.end() != null) {
                        string(out, range.end());
                    }
                    string(out, range.owner().name());
                }
            }
        }
    }

    private static void shards(StringBuilder out, List<NodeId> shards) {
        out.append(' ').append(shards.size());
        shards.forEach(shard -> string(out, shard.name()));
    }

    private static StringBuilder string(StringBuilder out, String text) {
        return out.append(' ').append(text.length()).append('\'').append(text);
    }

    /** Reads a payload's words in order. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        char kind() {
            return text.charAt(at++);
        }

        private String word() {
            if (text.charAt(at) != ' ') {
                throw new IllegalArgumentException("no word at " + at);
            }
            int start = ++at;
            while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '\'') {
                at++;
            }
            return text.substring(start, at);
        }

        long number() {
            return Long.parseLong(word());
        }

        String string() {
            int length = Integer.parseInt(word());
            if (text.charAt(at) != '\'') {
                throw new IllegalArgumentException("no string at " + at);
            }
            String value = text.substring(at + 1, at + 1 + length);
            at += 1 + length;
            return value;
        }

        List<NodeId> shards() {
            long count = number();
            List<NodeId> shards = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                shards.add(NodeId.of(string()));
            }
            return shards;
        }

        RoutingTable table() {
            long epoch = number();
            String kind = word();
            PartitionerSpec spec =
                    switch (kind) {
                        case "M" -> new PartitionerSpec.Modulo(shards());
                        case "R" -> {
                            int tokens = (int) number();
                            long seed = number();
                            yield new PartitionerSpec.Ring(shards(), tokens, seed);
                        }
                        case "G" -> {
                            long count = number();
                            List<KeyRange> ranges = new ArrayList<>();
                            for (long i = 0; i < count; i++) {
                                String start = string();
                                String bound = word();
                                String end = bound.equals("+") ? string() : null;
                                ranges.add(new KeyRange(start, end, NodeId.of(string())));
                            }
                            yield new PartitionerSpec.Ranges(ranges);
                        }
                        default -> throw new IllegalArgumentException("no partitioner of kind " + kind);
                    };
            return new RoutingTable(epoch, spec.build());
        }
    }
}
