package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;

/**
 * LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP, LRANGE, LLEN and LINDEX: the ends of a list and
 * reading it. A list that becomes empty is deleted. {@link ListEditCommands} changes a list in
 * the middle; {@link ListMoveCommands} moves elements between lists.
 */
final class ListCommands {
    private ListCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("lpush", -3, Set.of(WRITE, DENYOOM, FAST), (ctx, argv) -> push(ctx, argv, true, false))
                .addSingleKey("rpush", -3, Set.of(WRITE, DENYOOM, FAST), (ctx, argv) -> push(ctx, argv, false, false))
                .addSingleKey("lpushx", -3, Set.of(WRITE, DENYOOM, FAST), (ctx, argv) -> push(ctx, argv, true, true))
                .addSingleKey("rpushx", -3, Set.of(WRITE, DENYOOM, FAST), (ctx, argv) -> push(ctx, argv, false, true))
                .addSingleKey("lpop", -2, Set.of(WRITE, FAST), (ctx, argv) -> pop(ctx, argv, true))
                .addSingleKey("rpop", -2, Set.of(WRITE, FAST), (ctx, argv) -> pop(ctx, argv, false))
                .addSingleKey("lrange", 4, Set.of(READONLY), ListCommands::lrange)
                .addSingleKey("llen", 2, Set.of(READONLY, FAST), ListCommands::llen)
                .addSingleKey("lindex", 3, Set.of(READONLY), ListCommands::lindex);
    }

    /** LPUSH/RPUSH, and LPUSHX/RPUSHX ({@code existingOnly}), which leave a missing key alone. */
    private static Reply push(CommandContext ctx, byte[][] argv, boolean head, boolean existingOnly) {
        Entry e = ctx.write(argv[1], ListValue.class);
        if (e == null && existingOnly) {
            return Reply.integer(0);
        }
        ListValue list = e == null ? new ListValue() : (ListValue) e.value();
        for (int i = 2; i < argv.length; i++) {
            if (head) {
                list.pushHead(argv[i]);
            } else {
                list.pushTail(argv[i]);
            }
        }
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), list);
        } else {
            ctx.db().valueChanged(e);
        }
        return Reply.integer(list.size());
    }

    private static Reply pop(CommandContext ctx, byte[][] argv, boolean head) {
        if (argv.length > 3) {
            return Reply.error(ErrorReplies.wrongArity(head ? "lpop" : "rpop"));
        }
        boolean counted = argv.length == 3;
        long[] count = {1};
        // Redis 7.0 answers "must be positive" for a count that is not a number at all, too.
        if (counted && (!Args.tryParseLong(argv[2], count) || count[0] < 0)) {
            return Reply.error(ErrorReplies.MUST_BE_POSITIVE);
        }
        Entry e = ctx.write(argv[1], ListValue.class);
        if (e == null) {
            return counted ? Reply.Nil.ARRAY : Reply.Nil.BULK;
        }
        ListValue list = (ListValue) e.value();
        List<Reply> popped = new ArrayList<>();
        for (long i = 0; i < count[0] && list.size() > 0; i++) {
            popped.add(new Reply.Bulk(head ? list.popHead() : list.popTail()));
        }
        if (list.size() == 0) {
            ctx.db().delete(e);
        } else if (!popped.isEmpty()) {
            ctx.db().valueChanged(e);
        }
        return counted ? new Reply.Array(popped) : popped.get(0);
    }

    private static Reply lrange(CommandContext ctx, byte[][] argv) {
        long start = Args.parseLong(argv[2]);
        long stop = Args.parseLong(argv[3]);
        ListValue list = ctx.read(argv[1], ListValue.class);
        if (list == null) {
            return new Reply.Array(List.of());
        }
        int size = list.size();
        start = start < 0 ? Math.max(0, size + start) : start;
        stop = stop < 0 ? size + stop : Math.min(stop, size - 1L);
        if (start > stop || start >= size) {
            return new Reply.Array(List.of());
        }
        return BulkStrings.reply(list.rangeArray((int) start, (int) stop));
    }

    private static Reply llen(CommandContext ctx, byte[][] argv) {
        ListValue list = ctx.read(argv[1], ListValue.class);
        return Reply.integer(list == null ? 0 : list.size());
    }

    private static Reply lindex(CommandContext ctx, byte[][] argv) {
        long index = Args.parseLong(argv[2]);
        ListValue list = ctx.read(argv[1], ListValue.class);
        if (list == null) {
            return Reply.Nil.BULK;
        }
        long at = index < 0 ? list.size() + index : index;
        return at < 0 || at >= list.size() ? Reply.Nil.BULK : new Reply.Bulk(list.get((int) at));
    }
}
