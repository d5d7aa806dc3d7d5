package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Database;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.StringValue;

/**
 * GET, SET and its variants, GETSET, GETDEL, MGET, MSET, MSETNX, INCR/DECR/INCRBY/DECRBY,
 * INCRBYFLOAT, APPEND and STRLEN. The rest of the string family lives by role in {@link
 * GetExCommand}, {@link StringRangeCommands}, {@link BitCommands} and {@link LcsCommand}, which
 * this class registers.
 */
final class StringCommands {
    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PXAT = "PXAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPTTL = "KEEPTTL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    static final String NOT_FLOAT = "ERR value is not a valid float";
    static final String NAN_OR_INFINITY = "ERR increment would produce NaN or Infinity";

    private StringCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("get", 2, Set.of(READONLY, FAST), StringCommands::get)
                .addSingleKey("set", -3, Set.of(WRITE, DENYOOM), StringCommands::set)
                .addSingleKey("setnx", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::setnx)
                .addSingleKey("setex", 4, Set.of(WRITE, DENYOOM), (ctx, argv) -> setex(ctx, argv, 1000))
                .addSingleKey("psetex", 4, Set.of(WRITE, DENYOOM), (ctx, argv) -> setex(ctx, argv, 1))
                .add("mget", -2, Set.of(READONLY, FAST), 1, -1, 1, StringCommands::mget)
                .add("mset", -3, Set.of(WRITE, DENYOOM), 1, -1, 2, StringCommands::mset)
                .addSingleKey("incr", 2, Set.of(WRITE, DENYOOM, FAST), (ctx, argv) -> incrBy(ctx, argv[1], 1))
                .addSingleKey("decr", 2, Set.of(WRITE, DENYOOM, FAST), (ctx, argv) -> incrBy(ctx, argv[1], -1))
                .addSingleKey("incrby", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::incrby)
                .addSingleKey("decrby", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::decrby)
                .addSingleKey("append", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::append)
                .addSingleKey("strlen", 2, Set.of(READONLY, FAST), StringCommands::strlen)
                .addSingleKey("getset", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::getset)
                .addSingleKey("getdel", 2, Set.of(WRITE, FAST), StringCommands::getdel)
                .add("msetnx", -3, Set.of(WRITE, DENYOOM), 1, -1, 2, StringCommands::msetnx)
                .addSingleKey("incrbyfloat", 3, Set.of(WRITE, DENYOOM, FAST), StringCommands::incrbyfloat);
        GetExCommand.register(table);
        StringRangeCommands.register(table);
        BitCommands.register(table);
        LcsCommand.register(table);
    }

    private static Reply get(CommandContext ctx, byte[][] argv) {
        StringValue value = ctx.read(argv[1], StringValue.class);
        return value == null ? Reply.Nil.BULK : new Reply.Bulk(value.bytes());
    }

    private static Reply set(CommandContext ctx, byte[][] argv) {
        SetOptions options = SetOptions.parse(argv, ctx.nowMillis());
        Entry e = ctx.db().lookupWrite(Key.wrap(argv[1]));
        byte[] old = options.get() && e != null
                ? CommandContext.valueOf(e, StringValue.class).bytes()
                : null;
        if ((options.nx() && e != null) || (options.xx() && e == null)) {
            return options.get() ? Reply.bulkOrNil(old) : Reply.Nil.BULK;
        }
        store(ctx, e, argv[1], argv[2], options.keepTtl(), options.expireAtMillis());
        return options.get() ? Reply.bulkOrNil(old) : Reply.OK;
    }

    private static Reply setnx(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.db().lookupWrite(Key.wrap(argv[1]));
        if (e != null) {
            return Reply.ZERO;
        }
        ctx.db().add(Key.wrap(argv[1]), new StringValue(argv[2]));
        ctx.propagateAs(SET, argv[1], argv[2]);
        return Reply.ONE;
    }

    private static Reply setex(CommandContext ctx, byte[][] argv, long unitMillis) {
        String name = Args.text(argv[0]).toLowerCase(java.util.Locale.ROOT);
        long expireAt = SetOptions.expireAt(argv[2], unitMillis, false, ctx.nowMillis(), name);
        Entry e = ctx.db().lookupWrite(Key.wrap(argv[1]));
        store(ctx, e, argv[1], argv[3], false, expireAt);
        return Reply.OK;
    }

    /** Stores a string and logs it as {@code SET key value [PXAT ms | KEEPTTL]}. */
    private static void store(CommandContext ctx, Entry e, byte[] key, byte[] value, boolean keepTtl, long expireAt) {
        Database keyspace = ctx.db();
        StringValue stored = new StringValue(value);
        Entry target = e == null ? keyspace.add(Key.wrap(key), stored) : keyspace.replace(e, stored, keepTtl);
        if (expireAt != Entry.NO_EXPIRY) {
            keyspace.setExpiry(target, expireAt);
            ctx.propagateAs(SET, key, value, PXAT, Args.digits(expireAt));
        } else if (keepTtl) {
            ctx.propagateAs(SET, key, value, KEEPTTL);
        } else if (ctx.argc() != 3) {
            ctx.propagateAs(SET, key, value); // drops NX, XX and GET, which a replay must not repeat
        }
    }

    private static Reply mget(CommandContext ctx, byte[][] argv) {
        List<Reply> values = new ArrayList<>(argv.length - 1);
        for (int i = 1; i < argv.length; i++) {
            Entry e = ctx.db().lookupRead(Key.wrap(argv[i]));
            values.add(e != null && e.value() instanceof StringValue s ? new Reply.Bulk(s.bytes()) : Reply.Nil.BULK);
        }
        return new Reply.Array(values);
    }

    private static Reply mset(CommandContext ctx, byte[][] argv) {
        if (argv.length % 2 == 0) {
            return Reply.error(ErrorReplies.wrongArity("mset"));
        }
        for (int i = 1; i < argv.length; i += 2) {
            ctx.db().put(Key.wrap(argv[i]), new StringValue(argv[i + 1]), false);
        }
        return Reply.OK;
    }

    private static Reply incrby(CommandContext ctx, byte[][] argv) {
        return incrBy(ctx, argv[1], Args.parseLong(argv[2]));
    }

    private static Reply decrby(CommandContext ctx, byte[][] argv) {
        long delta = Args.parseLong(argv[2]);
        if (delta == Long.MIN_VALUE) {
            return Reply.error("ERR decrement would overflow");
        }
        return incrBy(ctx, argv[1], -delta);
    }

    /** Adds {@code delta} to the integer stored at {@code key} (0 if missing), keeping its TTL. */
    private static Reply incrBy(CommandContext ctx, byte[] key, long delta) {
        Entry e = ctx.write(key, StringValue.class);
        long current = 0;
        if (e != null) {
            long[] parsed = new long[1];
            if (!Args.tryParseLong(((StringValue) e.value()).bytes(), parsed)) {
                return Reply.error(ErrorReplies.NOT_INTEGER);
            }
            current = parsed[0];
        }
        long result;
        try {
            result = Math.addExact(current, delta);
        } catch (ArithmeticException overflow) {
            return Reply.error(ErrorReplies.OVERFLOW);
        }
        StringValue stored = new StringValue(Args.digits(result));
        if (e == null) {
            ctx.db().add(Key.wrap(key), stored);
        } else {
            ctx.db().replace(e, stored, true);
        }
        return Reply.integer(result);
    }

    private static Reply append(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], StringValue.class);
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), new StringValue(argv[2]));
            return Reply.integer(argv[2].length);
        }
        byte[] old = ((StringValue) e.value()).bytes();
        byte[] joined = new byte[old.length + argv[2].length];
        System.arraycopy(old, 0, joined, 0, old.length);
        System.arraycopy(argv[2], 0, joined, old.length, argv[2].length);
        ctx.db().replace(e, new StringValue(joined), true);
        return Reply.integer(joined.length);
    }

    private static Reply strlen(CommandContext ctx, byte[][] argv) {
        StringValue value = ctx.read(argv[1], StringValue.class);
        return Reply.integer(value == null ? 0 : value.bytes().length);
    }

    /** GETSET key value: SET that answers the old value; logged as the SET it is. */
    private static Reply getset(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], StringValue.class);
        byte[] old = e == null ? null : ((StringValue) e.value()).bytes();
        store(ctx, e, argv[1], argv[2], false, Entry.NO_EXPIRY);
        ctx.propagateAs(SET, argv[1], argv[2]);
        return Reply.bulkOrNil(old);
    }

    /** GETDEL key: GET, then DEL, logged as DEL. */
    private static Reply getdel(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], StringValue.class);
        if (e == null) {
            return Reply.Nil.BULK;
        }
        byte[] value = ((StringValue) e.value()).bytes();
        ctx.db().delete(e);
        ctx.propagateAs(DEL, argv[1]);
        return new Reply.Bulk(value);
    }

    /** MSETNX: all the keys or none, only if none of them exists. */
    private static Reply msetnx(CommandContext ctx, byte[][] argv) {
        if (argv.length % 2 == 0) {
            return Reply.error(ErrorReplies.wrongArity("msetnx"));
        }
        for (int i = 1; i < argv.length; i += 2) {
            if (ctx.db().lookupWrite(Key.wrap(argv[i])) != null) {
                return Reply.ZERO;
            }
        }
        for (int i = 1; i < argv.length; i += 2) {
            ctx.db().put(Key.wrap(argv[i]), new StringValue(argv[i + 1]), false);
        }
        return Reply.ONE;
    }

    /**
     * INCRBYFLOAT key increment, in Redis's long double arithmetic (see {@link LongDouble});
     * logged as {@code SET key result KEEPTTL} so that a replay stores the same digits.
     */
    private static Reply incrbyfloat(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], StringValue.class);
        BigDecimal sum;
        try {
            BigDecimal current = e == null ? BigDecimal.ZERO : LongDouble.parse(((StringValue) e.value()).bytes());
            sum = LongDouble.add(current, LongDouble.parse(argv[2]));
        } catch (LongDouble.Invalid invalid) {
            return Reply.error(NOT_FLOAT);
        }
        if (sum == null) {
            return Reply.error(NAN_OR_INFINITY);
        }
        byte[] result = LongDouble.format(sum);
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), new StringValue(result));
        } else {
            ctx.db().replace(e, new StringValue(result), true);
        }
        ctx.propagateAs(SET, argv[1], result, KEEPTTL);
        return new Reply.Bulk(result);
    }
}
