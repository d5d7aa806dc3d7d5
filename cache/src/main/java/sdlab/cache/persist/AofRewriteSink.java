package sdlab.cache.persist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdlab.cache.store.Entry;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;
import sdlab.cache.store.ScoreText;
import sdlab.cache.store.SetValue;
import sdlab.cache.store.SnapshotSink;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;
import sdlab.cache.store.StringValue;
import sdlab.cache.store.Value;

/**
 * Writes a snapshot as the shortest commands that rebuild it, as Redis's AOF rewrite does:
 * SET for strings, RPUSH / HSET / SADD / ZADD in batches of 64 items for the collections
 * (sorted-set scores in the shortest text that parses back to the same double), then
 * PEXPIREAT for keys with a TTL. The result starts with {@code SELECT 0}, like Redis's files, and
 * selects each other database before its keys.
 */
public final class AofRewriteSink implements SnapshotSink {
    /** Redis's AOF_REWRITE_ITEMS_PER_CMD: bounds the size of one rebuilt command. */
    static final int ITEMS_PER_COMMAND = 64;

    private static final byte[] SELECT = ascii("SELECT");
    private static final byte[] ZERO = ascii("0");
    private static final byte[] SET = ascii("SET");
    private static final byte[] RPUSH = ascii("RPUSH");
    private static final byte[] HSET = ascii("HSET");
    private static final byte[] SADD = ascii("SADD");
    private static final byte[] ZADD = ascii("ZADD");
    private static final byte[] PEXPIREAT = ascii("PEXPIREAT");

    private final ByteOutput out;
    private int db;

    /** Writes to {@code out}, starting with {@code SELECT 0}. */
    public AofRewriteSink(ByteOutput out) {
        this.out = out;
        RespCommandWriter.write(out, new byte[][] {SELECT, ZERO});
    }

    @Override
    public void write(int db, Key key, Value value, long expireAtMillis) {
        if (db != this.db) {
            RespCommandWriter.write(out, new byte[][] {SELECT, ascii(Integer.toString(db))});
            this.db = db;
        }
        byte[] name = key.bytes();
        switch (value) {
            case StringValue s -> RespCommandWriter.write(out, new byte[][] {SET, name, s.bytes()});
            case ListValue l -> {
                List<byte[]> items = new ArrayList<>(l.size());
                for (int i = 0; i < l.size(); i++) {
                    items.add(l.get(i));
                }
                batched(RPUSH, name, items);
            }
            case HashValue h -> {
                List<byte[]> items = new ArrayList<>(h.size() * 2);
                for (Map.Entry<Key, byte[]> field : h.fields().entrySet()) {
                    items.add(field.getKey().bytes());
                    items.add(field.getValue());
                }
                batched(HSET, name, items);
            }
            case SetValue s ->
                batched(SADD, name, s.members().stream().map(Key::bytes).toList());
            case SortedSetValue z -> {
                List<byte[]> items = new ArrayList<>(z.size() * 2);
                for (SortedSetNode n = z.first(); n != null; n = n.next()) {
                    items.add(ScoreText.shortestBytes(n.score()));
                    items.add(n.member().bytes());
                }
                batched(ZADD, name, items);
            }
        }
        if (expireAtMillis != Entry.NO_EXPIRY) {
            byte[] when = Long.toString(expireAtMillis).getBytes(StandardCharsets.US_ASCII);
            RespCommandWriter.write(out, new byte[][] {PEXPIREAT, name, when});
        }
    }

    /** Commands of at most {@link #ITEMS_PER_COMMAND} items (a hash field or zset member with its value or score is one). */
    private void batched(byte[] command, byte[] key, List<byte[]> items) {
        int step = command == HSET || command == ZADD ? ITEMS_PER_COMMAND * 2 : ITEMS_PER_COMMAND;
        for (int from = 0; from < items.size(); from += step) {
            List<byte[]> batch = items.subList(from, Math.min(items.size(), from + step));
            byte[][] argv = new byte[2 + batch.size()][];
            argv[0] = command;
            argv[1] = key;
            for (int i = 0; i < batch.size(); i++) {
                argv[2 + i] = batch.get(i);
            }
            RespCommandWriter.write(out, argv);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
