package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;

/**
 * HSET, HMSET, HSETNX, HGET, HMGET, HDEL, HGETALL, HKEYS, HVALS, HLEN, HSTRLEN and HEXISTS. A
 * hash that becomes empty is deleted. Counters are in {@link HashCounterCommands}; HRANDFIELD
 * and HSCAN in {@link HashIterationCommands}; this class registers them.
 */
final class HashCommands {
    private HashCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("hset", -4, Set.of(WRITE, DENYOOM, FAST), HashCommands::hset)
                .addSingleKey("hmset", -4, Set.of(WRITE, DENYOOM, FAST), HashCommands::hset)
                .addSingleKey("hget", 3, Set.of(READONLY, FAST), HashCommands::hget)
                .addSingleKey("hmget", -3, Set.of(READONLY, FAST), HashCommands::hmget)
                .addSingleKey("hdel", -3, Set.of(WRITE, FAST), HashCommands::hdel)
                .addSingleKey("hgetall", 2, Set.of(READONLY), HashCommands::hgetall)
                .addSingleKey("hlen", 2, Set.of(READONLY, FAST), HashCommands::hlen)
                .addSingleKey("hexists", 3, Set.of(READONLY, FAST), HashCommands::hexists)
                .addSingleKey("hsetnx", 4, Set.of(WRITE, DENYOOM, FAST), HashCommands::hsetnx)
                .addSingleKey("hkeys", 2, Set.of(READONLY), (ctx, argv) -> listing(ctx, argv, true))
                .addSingleKey("hvals", 2, Set.of(READONLY), (ctx, argv) -> listing(ctx, argv, false))
                .addSingleKey("hstrlen", 3, Set.of(READONLY, FAST), HashCommands::hstrlen);
        HashCounterCommands.register(table);
        HashIterationCommands.register(table);
    }

    /** HSET answers how many fields are new; HMSET, its older form, answers OK. */
    private static Reply hset(CommandContext ctx, byte[][] argv) {
        boolean legacy = Args.is(argv[0], "HMSET");
        if (argv.length % 2 != 0) {
            return Reply.error(ErrorReplies.wrongArity(legacy ? "hmset" : "hset"));
        }
        Entry e = ctx.write(argv[1], HashValue.class);
        HashValue hash = e == null ? new HashValue() : (HashValue) e.value();
        int added = 0;
        for (int i = 2; i < argv.length; i += 2) {
            if (hash.put(Key.wrap(argv[i]), argv[i + 1])) {
                added++;
            }
        }
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), hash);
        } else {
            ctx.db().valueChanged(e);
        }
        return legacy ? Reply.OK : Reply.integer(added);
    }

    private static Reply hget(CommandContext ctx, byte[][] argv) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        return hash == null ? Reply.Nil.BULK : Reply.bulkOrNil(hash.get(Key.wrap(argv[2])));
    }

    private static Reply hmget(CommandContext ctx, byte[][] argv) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        List<Reply> values = new ArrayList<>(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            values.add(hash == null ? Reply.Nil.BULK : Reply.bulkOrNil(hash.get(Key.wrap(argv[i]))));
        }
        return new Reply.Array(values);
    }

    private static Reply hdel(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], HashValue.class);
        if (e == null) {
            return Reply.ZERO;
        }
        HashValue hash = (HashValue) e.value();
        int removed = 0;
        for (int i = 2; i < argv.length; i++) {
            if (hash.remove(Key.wrap(argv[i]))) {
                removed++;
            }
        }
        if (hash.size() == 0) {
            ctx.db().delete(e);
        } else if (removed > 0) {
            ctx.db().valueChanged(e);
        }
        return Reply.integer(removed);
    }

    private static Reply hgetall(CommandContext ctx, byte[][] argv) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        List<Reply> pairs = new ArrayList<>(hash == null ? 0 : hash.size() * 2);
        if (hash != null) {
            hash.fields().forEach((field, value) -> {
                pairs.add(new Reply.Bulk(field.bytes()));
                pairs.add(new Reply.Bulk(value));
            });
        }
        return new Reply.Map(pairs);
    }

    private static Reply hlen(CommandContext ctx, byte[][] argv) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        return Reply.integer(hash == null ? 0 : hash.size());
    }

    private static Reply hexists(CommandContext ctx, byte[][] argv) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        return hash != null && hash.get(Key.wrap(argv[2])) != null ? Reply.ONE : Reply.ZERO;
    }

    /** HSETNX key field value: sets the field only if it does not exist. */
    private static Reply hsetnx(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], HashValue.class);
        if (e != null && ((HashValue) e.value()).get(Key.wrap(argv[2])) != null) {
            return Reply.ZERO;
        }
        if (e == null) {
            HashValue hash = new HashValue();
            hash.put(Key.wrap(argv[2]), argv[3]);
            ctx.db().add(Key.wrap(argv[1]), hash);
        } else {
            ((HashValue) e.value()).put(Key.wrap(argv[2]), argv[3]);
            ctx.db().valueChanged(e);
        }
        return Reply.ONE;
    }

    /** HKEYS (fields) or HVALS (values), in the hash's order. */
    private static Reply listing(CommandContext ctx, byte[][] argv, boolean fields) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        List<Reply> items = new ArrayList<>(hash == null ? 0 : hash.size());
        if (hash != null) {
            hash.fields().forEach((field, value) -> items.add(new Reply.Bulk(fields ? field.bytes() : value)));
        }
        return new Reply.Array(items);
    }

    private static Reply hstrlen(CommandContext ctx, byte[][] argv) {
        HashValue hash = ctx.read(argv[1], HashValue.class);
        byte[] value = hash == null ? null : hash.get(Key.wrap(argv[2]));
        return Reply.integer(value == null ? 0 : value.length);
    }
}
