package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.SetValue;

/**
 * SINTER, SUNION, SDIFF, their STORE forms, and SINTERCARD. A missing key is an empty set; a
 * key of another type is WRONGTYPE, checked for every key before any work, as Redis does. A
 * STORE replaces its destination (and its TTL) or deletes it when the result is empty; it is
 * logged as it came, since the same data gives the same result.
 */
final class SetAlgebraCommands {
    private enum Op {
        INTER,
        UNION,
        DIFF
    }

    private SetAlgebraCommands() {}

    static void register(CommandTable.Builder table) {
        for (Op op : Op.values()) {
            String name = "s" + op.name().toLowerCase(Locale.ROOT);
            table.add(name, -2, Set.of(READONLY), 1, -1, 1, (ctx, argv) -> read(ctx, argv, op))
                    .add(name + "store", -3, Set.of(WRITE, DENYOOM), 1, -1, 1, (ctx, argv) -> store(ctx, argv, op));
        }
        table.add("sintercard", -3, Set.of(READONLY), SetAlgebraCommands::sintercard);
    }

    private static Reply read(CommandContext ctx, byte[][] argv, Op op) {
        SetValue result = compute(ctx, argv, 1, argv.length, op, 0);
        List<Reply> members = new ArrayList<>(result.size());
        result.members().forEach(member -> members.add(new Reply.Bulk(member.bytes())));
        return new Reply.Set(members);
    }

    private static Reply store(CommandContext ctx, byte[][] argv, Op op) {
        SetValue result = compute(ctx, argv, 2, argv.length, op, 0);
        Key destination = Key.wrap(argv[1]);
        if (result.size() == 0) {
            Entry old = ctx.db().lookupWrite(destination);
            if (old != null) {
                ctx.db().delete(old);
            }
            return Reply.ZERO;
        }
        ctx.db().put(destination, result, false);
        return Reply.integer(result.size());
    }

    /** SINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection, counting stopped at limit. */
    private static Reply sintercard(CommandContext ctx, byte[][] argv) {
        long[] numKeys = {0};
        if (!Args.tryParseLong(argv[1], numKeys) || numKeys[0] < 1) {
            return Reply.error("ERR numkeys should be greater than 0");
        }
        if (numKeys[0] > argv.length - 2) {
            return Reply.error("ERR Number of keys can't be greater than number of args");
        }
        int keysEnd = 2 + (int) numKeys[0];
        long limit = 0;
        for (int i = keysEnd; i < argv.length; i += 2) {
            if (!Args.is(argv[i], "LIMIT") || i + 1 >= argv.length) {
                return Reply.error(ErrorReplies.SYNTAX);
            }
            long[] parsed = {0};
            if (!Args.tryParseLong(argv[i + 1], parsed) || parsed[0] < 0) {
                return Reply.error("ERR LIMIT can't be negative");
            }
            limit = parsed[0];
        }
        return Reply.integer(compute(ctx, argv, 2, keysEnd, Op.INTER, limit).size());
    }

    /** The result over the keys {@code argv[from, to)}; an intersection stops growing at {@code limit} if positive. */
    private static SetValue compute(CommandContext ctx, byte[][] argv, int from, int to, Op op, long limit) {
        List<SetValue> sets = new ArrayList<>(to - from);
        boolean anyMissing = false;
        for (int i = from; i < to; i++) {
            SetValue set = ctx.read(argv[i], SetValue.class);
            anyMissing |= set == null;
            sets.add(set == null ? new SetValue() : set);
        }
        SetValue result = new SetValue();
        switch (op) {
            case INTER -> {
                if (!anyMissing) {
                    intersect(sets, result, limit);
                }
            }
            case UNION -> sets.forEach(set -> set.members().forEach(result::add));
            case DIFF ->
                sets.get(0).members().forEach(member -> {
                    if (sets.stream().skip(1).noneMatch(other -> other.contains(member))) {
                        result.add(member);
                    }
                });
        }
        return result;
    }

    /** Walks the smallest set and keeps what every other set has, as Redis does. */
    private static void intersect(List<SetValue> sets, SetValue result, long limit) {
        List<SetValue> bySize = new ArrayList<>(sets);
        bySize.sort(Comparator.comparingInt(SetValue::size));
        for (Key member : bySize.get(0).members()) {
            if (limit > 0 && result.size() >= limit) {
                return;
            }
            if (bySize.stream().skip(1).allMatch(other -> other.contains(member))) {
                result.add(member);
            }
        }
    }
}
