package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.Set;
import java.util.random.RandomGenerator;
import sdlab.cache.store.Database;
import sdlab.cache.store.Entry;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;
import sdlab.cache.store.SetValue;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;
import sdlab.cache.store.StringValue;
import sdlab.cache.store.Value;

/**
 * RENAME, RENAMENX and COPY: a value and its expiry under another name. All are logged as they
 * came: the expiry they carry over is already absolute, so a replay gives the same data. The
 * renamed key counts as new for LRU and LFU (Redis keeps the object's access time).
 */
final class RenameCommands {
    private static final String NO_SUCH_KEY = "ERR no such key";

    private RenameCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("rename", 3, Set.of(WRITE), 1, 2, 1, (ctx, argv) -> rename(ctx, argv, false))
                .add("renamenx", 3, Set.of(WRITE, FAST), 1, 2, 1, (ctx, argv) -> rename(ctx, argv, true))
                .add("copy", -3, Set.of(WRITE, DENYOOM), 1, 2, 1, RenameCommands::copy);
    }

    /** RENAME answers OK and replaces the target; RENAMENX answers 1, or 0 if the target exists. */
    private static Reply rename(CommandContext ctx, byte[][] argv, boolean onlyIfNew) {
        Entry source = ctx.db().lookupWrite(Key.wrap(argv[1]));
        if (source == null) {
            return Reply.error(NO_SUCH_KEY);
        }
        if (Key.wrap(argv[1]).equals(Key.wrap(argv[2]))) {
            return onlyIfNew ? Reply.ZERO : Reply.OK;
        }
        Entry target = ctx.db().lookupWrite(Key.wrap(argv[2]));
        if (target != null) {
            if (onlyIfNew) {
                return Reply.ZERO;
            }
            ctx.db().delete(target);
        }
        Value value = source.value();
        long expireAtMillis = source.expireAtMillis();
        ctx.db().delete(source);
        place(ctx, argv[2], value, expireAtMillis);
        return onlyIfNew ? Reply.ONE : Reply.OK;
    }

    /**
     * COPY source destination [DB index] [REPLACE]: 1 if copied, 0 if the source is missing or
     * the destination exists; the destination is in database {@code index} if given.
     */
    private static Reply copy(CommandContext ctx, byte[][] argv) {
        boolean replace = false;
        Database targetDb = ctx.db();
        for (int i = 3; i < argv.length; i++) {
            if (Args.is(argv[i], "REPLACE")) {
                replace = true;
            } else if (Args.is(argv[i], "DB") && i + 1 < argv.length) {
                int index = Args.parseInt(argv[++i]);
                if (index < 0 || index >= ctx.keyspace().databaseCount()) {
                    return Reply.error(ErrorReplies.DB_INDEX_RANGE);
                }
                targetDb = ctx.keyspace().db(index);
            } else {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        if (targetDb == ctx.db() && Key.wrap(argv[1]).equals(Key.wrap(argv[2]))) {
            return Reply.error("ERR source and destination objects are the same");
        }
        Entry source = ctx.db().lookupRead(Key.wrap(argv[1]));
        if (source == null) {
            return Reply.ZERO;
        }
        Entry target = targetDb.lookupWrite(Key.wrap(argv[2]));
        if (target != null) {
            if (!replace) {
                return Reply.ZERO;
            }
            targetDb.delete(target);
        }
        place(targetDb, argv[2], copyOf(source.value(), ctx.random()), source.expireAtMillis());
        return Reply.ONE;
    }

    private static void place(CommandContext ctx, byte[] key, Value value, long expireAtMillis) {
        place(ctx.db(), key, value, expireAtMillis);
    }

    private static void place(Database db, byte[] key, Value value, long expireAtMillis) {
        Entry placed = db.add(Key.wrap(key), value);
        if (expireAtMillis != Entry.NO_EXPIRY) {
            db.setExpiry(placed, expireAtMillis);
        }
    }

    /** A copy that shares nothing mutable with {@code value}: strings are immutable and shared. */
    private static Value copyOf(Value value, RandomGenerator random) {
        return switch (value) {
            case StringValue string -> string;
            case ListValue list -> {
                ListValue copy = new ListValue();
                list.range(0, list.size() - 1).forEach(copy::pushTail);
                yield copy;
            }
            case HashValue hash -> {
                HashValue copy = new HashValue();
                hash.fields().forEach(copy::put);
                yield copy;
            }
            case SetValue set -> {
                SetValue copy = new SetValue();
                set.members().forEach(copy::add);
                yield copy;
            }
            case SortedSetValue zset -> {
                SortedSetValue copy = new SortedSetValue(random);
                for (SortedSetNode node = zset.byRank(0); node != null; node = node.next()) {
                    copy.put(node.member(), node.score());
                }
                yield copy;
            }
        };
    }
}
