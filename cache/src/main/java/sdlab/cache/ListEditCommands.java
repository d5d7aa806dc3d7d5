package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.ListValue;

/**
 * LSET, LINSERT, LTRIM, LREM and LPOS: reading and changing a list away from its ends. Each
 * checks its arguments and the key in Redis 7.0's order, so that a command wrong in two ways
 * reports the same mistake Redis does. A change that removes nothing (LTRIM of the whole list,
 * LREM of an absent element) is not a change and is not logged.
 */
final class ListEditCommands {
    static final String NO_SUCH_KEY = "ERR no such key";
    static final String INDEX_OUT_OF_RANGE = "ERR index out of range";
    static final String RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second"
            + " ... or use negative to start from the end of the list";

    private ListEditCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("lset", 4, Set.of(WRITE, DENYOOM), ListEditCommands::lset)
                .addSingleKey("linsert", 5, Set.of(WRITE, DENYOOM), ListEditCommands::linsert)
                .addSingleKey("ltrim", 4, Set.of(WRITE), ListEditCommands::ltrim)
                .addSingleKey("lrem", 4, Set.of(WRITE), ListEditCommands::lrem)
                .addSingleKey("lpos", -3, Set.of(READONLY), ListEditCommands::lpos);
    }

    /** LSET key index element: the key must exist, then the index must be a number and in range. */
    private static Reply lset(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], ListValue.class);
        if (e == null) {
            return Reply.error(NO_SUCH_KEY);
        }
        long index = Args.parseLong(argv[2]);
        ListValue list = (ListValue) e.value();
        long at = index < 0 ? list.size() + index : index;
        if (at < 0 || at >= list.size()) {
            return Reply.error(INDEX_OUT_OF_RANGE);
        }
        list.set((int) at, argv[3]);
        ctx.db().valueChanged(e);
        return Reply.OK;
    }

    /** LINSERT key BEFORE|AFTER pivot element: the new length, 0 for a missing key, -1 without the pivot. */
    private static Reply linsert(CommandContext ctx, byte[][] argv) {
        boolean after = Args.is(argv[2], "AFTER");
        if (!after && !Args.is(argv[2], "BEFORE")) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        Entry e = ctx.write(argv[1], ListValue.class);
        if (e == null) {
            return Reply.integer(0);
        }
        ListValue list = (ListValue) e.value();
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.equals(list.get(i), argv[3])) {
                list.insert(after ? i + 1 : i, argv[4]);
                ctx.db().valueChanged(e);
                return Reply.integer(list.size());
            }
        }
        return Reply.integer(-1);
    }

    /** LTRIM key start stop: keeps the inclusive range, with LRANGE's reading of negative indexes. */
    private static Reply ltrim(CommandContext ctx, byte[][] argv) {
        long start = Args.parseLong(argv[2]);
        long stop = Args.parseLong(argv[3]);
        Entry e = ctx.write(argv[1], ListValue.class);
        if (e == null) {
            return Reply.OK;
        }
        ListValue list = (ListValue) e.value();
        int size = list.size();
        long first = Math.max(0, start < 0 ? size + start : start);
        long last = Math.min(size - 1L, stop < 0 ? size + stop : stop);
        int dropped = list.retainIf(i -> i >= first && i <= last);
        afterRemoval(ctx, e, list, dropped);
        return Reply.OK;
    }

    /**
     * LREM key count element: removes up to count matches from the head (count > 0), from the
     * tail (count < 0) or all of them (0); answers how many went.
     */
    private static Reply lrem(CommandContext ctx, byte[][] argv) {
        long count = Args.parseLong(argv[2]);
        Entry e = ctx.write(argv[1], ListValue.class);
        if (e == null) {
            return Reply.integer(0);
        }
        ListValue list = (ListValue) e.value();
        boolean[] drop = new boolean[list.size()];
        long limit = count == 0 ? Long.MAX_VALUE : Math.abs(count == Long.MIN_VALUE ? Long.MAX_VALUE : count);
        long found = 0;
        for (int step = 0; step < drop.length && found < limit; step++) {
            int i = count < 0 ? drop.length - 1 - step : step;
            if (Arrays.equals(list.get(i), argv[3])) {
                drop[i] = true;
                found++;
            }
        }
        int dropped = found == 0 ? 0 : list.retainIf(i -> !drop[i]);
        afterRemoval(ctx, e, list, dropped);
        return Reply.integer(dropped);
    }

    /** A list that lost elements is resized in the accounts, or deleted if it is now empty. */
    private static void afterRemoval(CommandContext ctx, Entry e, ListValue list, int dropped) {
        if (list.size() == 0) {
            ctx.db().delete(e);
        } else if (dropped > 0) {
            ctx.db().valueChanged(e);
        }
    }

    /**
     * LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]: the index of the rank-th
     * match (from the tail for a negative rank), or with COUNT an array of up to that many
     * indexes (0 for all); MAXLEN bounds how many elements are compared.
     */
    private static Reply lpos(CommandContext ctx, byte[][] argv) {
        long rank = 1;
        long count = -1; // no COUNT: answer one index, not an array
        long maxlen = 0;
        for (int j = 3; j < argv.length; j++) {
            boolean more = j + 1 < argv.length;
            if (more && Args.is(argv[j], "RANK")) {
                rank = Args.parseLong(argv[++j]);
                if (rank == 0) {
                    return Reply.error(RANK_ZERO);
                }
            } else if (more && Args.is(argv[j], "COUNT")) {
                count = nonNegative(argv[++j], "ERR COUNT can't be negative");
            } else if (more && Args.is(argv[j], "MAXLEN")) {
                maxlen = nonNegative(argv[++j], "ERR MAXLEN can't be negative");
            } else {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        ListValue list = ctx.read(argv[1], ListValue.class);
        List<Reply> indexes = matches(list, argv[2], rank, count == -1 ? 1 : count, maxlen);
        if (count != -1) {
            return new Reply.Array(indexes);
        }
        return indexes.isEmpty() ? Reply.Nil.BULK : indexes.get(0);
    }

    /** The indexes (from the head) of up to {@code count} matches (0 for all), from the rank-th on. */
    private static List<Reply> matches(ListValue list, byte[] element, long rank, long count, long maxlen) {
        List<Reply> indexes = new ArrayList<>();
        if (list == null) {
            return indexes;
        }
        int size = list.size();
        long compared = maxlen == 0 ? size : Math.min(maxlen, size);
        // Redis 7.0 negates the rank in a C long: the lowest one stays negative and so counts
        // from the tail, but every match clears the bar, as rank -1 does.
        long skip = rank == Long.MIN_VALUE ? 0 : Math.abs(rank) - 1;
        for (int step = 0; step < compared; step++) {
            int i = rank < 0 ? size - 1 - step : step;
            if (Arrays.equals(list.get(i), element) && skip-- <= 0) {
                indexes.add(Reply.integer(i));
                if (count != 0 && indexes.size() >= count) {
                    break;
                }
            }
        }
        return indexes;
    }

    /** A count or length that must be a number of at least 0; Redis gives one message for both mistakes. */
    private static long nonNegative(byte[] arg, String error) {
        long[] out = new long[1];
        if (!Args.tryParseLong(arg, out) || out[0] < 0) {
            throw new CommandException(error);
        }
        return out[0];
    }
}
