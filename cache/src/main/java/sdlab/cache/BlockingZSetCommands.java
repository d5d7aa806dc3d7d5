package sdlab.cache;

import static sdlab.cache.CommandFlag.BLOCKING;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sdlab.cache.ZPopCommands.MultiPop;
import sdlab.cache.store.SortedSetValue;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP: the sorted-set pops that wait for data, as
 * {@link BlockingListCommands} are for lists. A served pop is logged as the ZPOPMIN or ZPOPMAX
 * it amounts to.
 */
final class BlockingZSetCommands {
    private static final byte[] ZPOPMIN = Args.bytes("ZPOPMIN");
    private static final byte[] ZPOPMAX = Args.bytes("ZPOPMAX");

    private BlockingZSetCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("bzpopmin", -3, Set.of(WRITE, BLOCKING, FAST), 1, -2, 1, (ctx, argv) -> bzpop(ctx, argv, false))
                .add("bzpopmax", -3, Set.of(WRITE, BLOCKING, FAST), 1, -2, 1, (ctx, argv) -> bzpop(ctx, argv, true))
                .add("bzmpop", -5, Set.of(WRITE, BLOCKING), BlockingZSetCommands::bzmpop);
    }

    /** BZPOPMIN|BZPOPMAX key [key ...] timeout: answers {@code [key, member, score]}. */
    private static Reply bzpop(CommandContext ctx, byte[][] argv, boolean max) {
        long deadlineMillis = BlockTimeout.deadlineMillis(argv[argv.length - 1], ctx.nowMillis());
        List<byte[]> keys = Arrays.asList(argv).subList(1, argv.length - 1);
        BlockedPop.Pop pop = (served, key) -> popOne(served, key, max);
        for (byte[] key : keys) {
            if (ctx.write(key, SortedSetValue.class) != null) {
                return pop.serve(ctx, key);
            }
        }
        if (!ctx.mayBlock()) {
            return Reply.Nil.ARRAY;
        }
        return ctx.block(
                new BlockedPop(BlockedPop.keysOf(ctx.session().db(), keys), SortedSetValue.class, deadlineMillis, pop));
    }

    private static Reply popOne(CommandContext ctx, byte[] key, boolean max) {
        List<Reply> popped = ZPopCommands.pop(ctx, ctx.write(key, SortedSetValue.class), max, 1);
        ctx.propagateAs(max ? ZPOPMAX : ZPOPMIN, key);
        List<Reply> reply = new ArrayList<>(3);
        reply.add(new Reply.Bulk(key));
        reply.addAll(popped);
        return new Reply.Array(reply);
    }

    /** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: answers {@code [key, [[member, score], ...]]}. */
    private static Reply bzmpop(CommandContext ctx, byte[][] argv) {
        MultiPop request = MultiPop.parse(argv, 2);
        long deadlineMillis = BlockTimeout.deadlineMillis(argv[1], ctx.nowMillis());
        Reply reply = ZPopCommands.popFirstNonEmpty(ctx, request);
        if (reply != Reply.Nil.ARRAY || !ctx.mayBlock()) {
            return reply;
        }
        BlockedPop.Pop pop = (served, key) ->
                ZPopCommands.popFirstNonEmpty(served, new MultiPop(List.of(key), request.max(), request.count()));
        return ctx.block(new BlockedPop(
                BlockedPop.keysOf(ctx.session().db(), request.keys()), SortedSetValue.class, deadlineMillis, pop));
    }
}
