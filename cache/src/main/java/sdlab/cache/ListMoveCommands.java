package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;

/**
 * LMOVE, RPOPLPUSH and LMPOP: taking elements from one end of a list and moving them to
 * another list or to the client. LMOVE and RPOPLPUSH are logged as they arrive (they replay
 * exactly); LMPOP is logged as the LPOP or RPOP it amounts to, as Redis propagates it. The
 * blocking commands reuse {@link #move} and {@link #popFirstNonEmpty}.
 */
final class ListMoveCommands {
    static final String NUMKEYS_POSITIVE = "ERR numkeys should be greater than 0";
    static final String COUNT_POSITIVE = "ERR count should be greater than 0";

    private ListMoveCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("lmove", 5, Set.of(WRITE, DENYOOM), 1, 2, 1, ListMoveCommands::lmove)
                .add("rpoplpush", 3, Set.of(WRITE, DENYOOM), 1, 2, 1, ListMoveCommands::rpoplpush)
                .add("lmpop", -4, Set.of(WRITE), ListMoveCommands::lmpop);
    }

    /** LMOVE source destination LEFT|RIGHT LEFT|RIGHT. */
    private static Reply lmove(CommandContext ctx, byte[][] argv) {
        Boolean fromHead = side(argv[3]);
        Boolean toHead = side(argv[4]);
        if (fromHead == null || toHead == null) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        return move(ctx, argv[1], argv[2], fromHead, toHead);
    }

    /** RPOPLPUSH source destination: LMOVE source destination RIGHT LEFT. */
    private static Reply rpoplpush(CommandContext ctx, byte[][] argv) {
        return move(ctx, argv[1], argv[2], false, true);
    }

    /** LEFT is the head (true), RIGHT the tail (false), anything else null. */
    static Boolean side(byte[] arg) {
        if (Args.is(arg, "LEFT")) {
            return true;
        }
        return Args.is(arg, "RIGHT") ? false : null;
    }

    /**
     * Pops one element from {@code source} and pushes it onto {@code destination} (which may be
     * the same list); nil if the source is missing. Both keys are type-checked before anything
     * changes, as in Redis.
     */
    static Reply move(CommandContext ctx, byte[] source, byte[] destination, boolean fromHead, boolean toHead) {
        Entry from = ctx.write(source, ListValue.class);
        if (from == null) {
            return Reply.Nil.BULK;
        }
        Entry to = ctx.write(destination, ListValue.class);
        ListValue fromList = (ListValue) from.value();
        byte[] element = fromHead ? fromList.popHead() : fromList.popTail();
        ListValue toList = to == null ? new ListValue() : (ListValue) to.value();
        if (toHead) {
            toList.pushHead(element);
        } else {
            toList.pushTail(element);
        }
        if (to == null) {
            ctx.db().add(Key.wrap(destination), toList);
        } else if (to != from) {
            ctx.db().valueChanged(to);
        }
        if (fromList.size() == 0) {
            ctx.db().delete(from);
        } else {
            ctx.db().valueChanged(from);
        }
        return new Reply.Bulk(element);
    }

    /** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops from the first non-empty list. */
    private static Reply lmpop(CommandContext ctx, byte[][] argv) {
        MultiPop request = MultiPop.parse(argv, 1);
        return popFirstNonEmpty(ctx, request);
    }

    /**
     * Pops up to {@code count} elements from the first of the keys that holds a list and answers
     * {@code [key, [elements]]}, or a nil array if none does; logged as LPOP/RPOP key count.
     */
    static Reply popFirstNonEmpty(CommandContext ctx, MultiPop request) {
        for (byte[] key : request.keys()) {
            Entry e = ctx.write(key, ListValue.class);
            if (e == null) {
                continue;
            }
            ListValue list = (ListValue) e.value();
            List<Reply> popped = new ArrayList<>();
            for (long i = 0; i < request.count() && list.size() > 0; i++) {
                popped.add(new Reply.Bulk(request.fromHead() ? list.popHead() : list.popTail()));
            }
            if (list.size() == 0) {
                ctx.db().delete(e);
            } else {
                ctx.db().valueChanged(e);
            }
            ctx.propagateAs(Args.bytes(request.fromHead() ? "LPOP" : "RPOP"), key, Args.digits(popped.size()));
            return new Reply.Array(List.of(new Reply.Bulk(key), new Reply.Array(popped)));
        }
        return Reply.Nil.ARRAY;
    }

    /**
     * The arguments of LMPOP (and BLMPOP, whose numkeys comes after a timeout): the keys, the
     * end to pop from and how many elements.
     */
    record MultiPop(List<byte[]> keys, boolean fromHead, long count) {
        /** Parses {@code numkeys key [key ...] LEFT|RIGHT [COUNT count]} starting at {@code numkeysIndex}. */
        static MultiPop parse(byte[][] argv, int numkeysIndex) {
            long[] numkeys = new long[1];
            if (!Args.tryParseLong(argv[numkeysIndex], numkeys) || numkeys[0] <= 0) {
                throw new CommandException(NUMKEYS_POSITIVE);
            }
            if (numkeys[0] >= argv.length - numkeysIndex - 1) {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
            int where = numkeysIndex + 1 + (int) numkeys[0];
            Boolean fromHead = side(argv[where]);
            if (fromHead == null) {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
            long[] count = {-1};
            for (int j = where + 1; j < argv.length; j++) {
                if (count[0] == -1 && Args.is(argv[j], "COUNT") && j + 1 < argv.length) {
                    if (!Args.tryParseLong(argv[++j], count) || count[0] <= 0) {
                        throw new CommandException(COUNT_POSITIVE);
                    }
                } else {
                    throw new CommandException(ErrorReplies.SYNTAX);
                }
            }
            List<byte[]> keys = List.of(java.util.Arrays.copyOfRange(argv, numkeysIndex + 1, where));
            return new MultiPop(keys, fromHead, count[0] == -1 ? 1 : count[0]);
        }
    }
}
