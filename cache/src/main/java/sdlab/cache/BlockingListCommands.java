package sdlab.cache;

import static sdlab.cache.CommandFlag.BLOCKING;
import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sdlab.cache.ListMoveCommands.MultiPop;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.ListValue;

/**
 * BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and BLMPOP: the list pops that wait for data. With an
 * element at one of the keys (the first non-empty one, in argument order) each answers at once
 * as its non-blocking form does; otherwise the client blocks in {@link BlockedClients} until a
 * key is created, the timeout passes or CLIENT UNBLOCK ends the wait. Inside MULTI or a script
 * they never block and answer nil at once, as Redis does. Every pop is logged as the
 * non-blocking command it amounts to (LPOP, RPOP, LMOVE), so that a replay never blocks.
 */
final class BlockingListCommands {
    private static final byte[] LPOP = Args.bytes("LPOP");
    private static final byte[] RPOP = Args.bytes("RPOP");
    private static final byte[] LMOVE = Args.bytes("LMOVE");
    private static final byte[] LEFT = Args.bytes("LEFT");
    private static final byte[] RIGHT = Args.bytes("RIGHT");

    private BlockingListCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("blpop", -3, Set.of(WRITE, BLOCKING), 1, -2, 1, (ctx, argv) -> bpop(ctx, argv, true))
                .add("brpop", -3, Set.of(WRITE, BLOCKING), 1, -2, 1, (ctx, argv) -> bpop(ctx, argv, false))
                .add("blmove", 6, Set.of(WRITE, DENYOOM, BLOCKING), 1, 2, 1, BlockingListCommands::blmove)
                .add("brpoplpush", 4, Set.of(WRITE, DENYOOM, BLOCKING), 1, 2, 1, BlockingListCommands::brpoplpush)
                .add("blmpop", -5, Set.of(WRITE, BLOCKING), BlockingListCommands::blmpop);
    }

    /** BLPOP|BRPOP key [key ...] timeout: answers {@code [key, element]}. */
    private static Reply bpop(CommandContext ctx, byte[][] argv, boolean head) {
        long deadlineMillis = BlockTimeout.deadlineMillis(argv[argv.length - 1], ctx.nowMillis());
        List<byte[]> keys = Arrays.asList(argv).subList(1, argv.length - 1);
        BlockedPop.Pop pop = (served, key) -> popOne(served, key, head);
        for (byte[] key : keys) {
            if (ctx.write(key, ListValue.class) != null) {
                return pop.serve(ctx, key);
            }
        }
        if (!ctx.mayBlock()) {
            return Reply.Nil.ARRAY;
        }
        return ctx.block(
                new BlockedPop(BlockedPop.keysOf(ctx.session().db(), keys), ListValue.class, deadlineMillis, pop));
    }

    private static Reply popOne(CommandContext ctx, byte[] key, boolean head) {
        Entry e = ctx.write(key, ListValue.class);
        ListValue list = (ListValue) e.value();
        byte[] element = head ? list.popHead() : list.popTail();
        if (list.size() == 0) {
            ctx.keyspace().delete(e);
        } else {
            ctx.keyspace().valueChanged(e);
        }
        ctx.propagateAs(head ? LPOP : RPOP, key);
        return new Reply.Array(List.of(new Reply.Bulk(key), new Reply.Bulk(element)));
    }

    /** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout. */
    private static Reply blmove(CommandContext ctx, byte[][] argv) {
        Boolean fromHead = ListMoveCommands.side(argv[3]);
        Boolean toHead = ListMoveCommands.side(argv[4]);
        if (fromHead == null || toHead == null) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        return moveOrBlock(ctx, argv[1], argv[2], fromHead, toHead, argv[5]);
    }

    /** BRPOPLPUSH source destination timeout: BLMOVE source destination RIGHT LEFT timeout. */
    private static Reply brpoplpush(CommandContext ctx, byte[][] argv) {
        return moveOrBlock(ctx, argv[1], argv[2], false, true, argv[3]);
    }

    /**
     * Moves an element now if the source has one, else blocks on the source. The destination's
     * type is checked when the move happens: a destination that is not a list then gets the
     * client a WRONGTYPE error, as in Redis.
     */
    private static Reply moveOrBlock(
            CommandContext ctx, byte[] source, byte[] destination, boolean fromHead, boolean toHead, byte[] timeout) {
        long deadlineMillis = BlockTimeout.deadlineMillis(timeout, ctx.nowMillis());
        BlockedPop.Pop pop = (served, key) -> {
            served.propagateAs(LMOVE, source, destination, fromHead ? LEFT : RIGHT, toHead ? LEFT : RIGHT);
            return ListMoveCommands.move(served, source, destination, fromHead, toHead);
        };
        if (ctx.write(source, ListValue.class) != null) {
            return pop.serve(ctx, source);
        }
        if (!ctx.mayBlock()) {
            return Reply.Nil.BULK; // unlike the other blocking pops, a nil string
        }
        List<BlockingKey> keys = List.of(new BlockingKey(ctx.session().db(), Key.wrap(source)));
        return ctx.block(new BlockedPop(keys, ListValue.class, deadlineMillis, pop));
    }

    /** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: answers {@code [key, [elements]]}. */
    private static Reply blmpop(CommandContext ctx, byte[][] argv) {
        MultiPop request = MultiPop.parse(argv, 2);
        long deadlineMillis = BlockTimeout.deadlineMillis(argv[1], ctx.nowMillis());
        Reply reply = ListMoveCommands.popFirstNonEmpty(ctx, request);
        if (reply != Reply.Nil.ARRAY || !ctx.mayBlock()) {
            return reply;
        }
        BlockedPop.Pop pop = (served, key) -> ListMoveCommands.popFirstNonEmpty(
                served, new MultiPop(List.of(key), request.fromHead(), request.count()));
        return ctx.block(new BlockedPop(
                BlockedPop.keysOf(ctx.session().db(), request.keys()), ListValue.class, deadlineMillis, pop));
    }
}
