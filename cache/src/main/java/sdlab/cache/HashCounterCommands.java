package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.WRITE;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;

/**
 * HINCRBY and HINCRBYFLOAT: a hash field as a counter. HINCRBYFLOAT is logged as {@code HSET
 * key field result}, as Redis 7.0 logs it, so that a replay stores the same digits.
 */
final class HashCounterCommands {
    private static final byte[] HSET = "HSET".getBytes(StandardCharsets.US_ASCII);

    private HashCounterCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("hincrby", 4, Set.of(WRITE, DENYOOM, FAST), HashCounterCommands::hincrby)
                .addSingleKey("hincrbyfloat", 4, Set.of(WRITE, DENYOOM, FAST), HashCounterCommands::hincrbyfloat);
    }

    private static Reply hincrby(CommandContext ctx, byte[][] argv) {
        long delta = Args.parseLong(argv[3]);
        Entry e = ctx.write(argv[1], HashValue.class);
        byte[] current = e == null ? null : ((HashValue) e.value()).get(Key.wrap(argv[2]));
        long[] parsed = {0};
        if (current != null && !Args.tryParseLong(current, parsed)) {
            return Reply.error("ERR hash value is not an integer");
        }
        long result;
        try {
            result = Math.addExact(parsed[0], delta);
        } catch (ArithmeticException overflow) {
            return Reply.error(ErrorReplies.OVERFLOW);
        }
        store(ctx, e, argv[1], argv[2], Args.digits(result));
        return Reply.integer(result);
    }

    private static Reply hincrbyfloat(CommandContext ctx, byte[][] argv) {
        BigDecimal delta;
        try {
            delta = LongDouble.parse(argv[3]);
        } catch (LongDouble.Invalid invalid) {
            return Reply.error(StringCommands.NOT_FLOAT);
        }
        if (delta == null) {
            return Reply.error("ERR value is NaN or Infinity");
        }
        Entry e = ctx.write(argv[1], HashValue.class);
        byte[] current = e == null ? null : ((HashValue) e.value()).get(Key.wrap(argv[2]));
        BigDecimal sum;
        try {
            sum = LongDouble.add(current == null ? BigDecimal.ZERO : LongDouble.parse(current), delta);
        } catch (LongDouble.Invalid invalid) {
            return Reply.error("ERR hash value is not a float");
        }
        if (sum == null) {
            return Reply.error(StringCommands.NAN_OR_INFINITY);
        }
        byte[] result = LongDouble.format(sum);
        store(ctx, e, argv[1], argv[2], result);
        ctx.propagateAs(HSET, argv[1], argv[2], result);
        return new Reply.Bulk(result);
    }

    private static void store(CommandContext ctx, Entry e, byte[] key, byte[] field, byte[] value) {
        if (e == null) {
            HashValue hash = new HashValue();
            hash.put(Key.wrap(field), value);
            ctx.db().add(Key.wrap(key), hash);
        } else {
            ((HashValue) e.value()).put(Key.wrap(field), value);
            ctx.db().valueChanged(e);
        }
    }
}
