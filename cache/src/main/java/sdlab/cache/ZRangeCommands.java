package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.ZRangeRequest.Kind;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.LexRange;
import sdlab.cache.store.ScoreRange;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;

/**
 * Range queries on sorted sets: ZRANGE with its BYSCORE, BYLEX, REV, LIMIT and WITHSCORES
 * options, its older forms (ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX,
 * ZREVRANGE), ZRANGESTORE, ZCOUNT, ZLEXCOUNT and the ZREMRANGEBY* removals.
 */
final class ZRangeCommands {
    private ZRangeCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("zrange", -4, Set.of(READONLY), (ctx, argv) -> range(ctx, argv, null, null))
                .addSingleKey("zrevrange", -4, Set.of(READONLY), (ctx, argv) -> range(ctx, argv, Kind.RANK, true))
                .addSingleKey("zrangebyscore", -4, Set.of(READONLY), (ctx, argv) -> range(ctx, argv, Kind.SCORE, false))
                .addSingleKey(
                        "zrevrangebyscore", -4, Set.of(READONLY), (ctx, argv) -> range(ctx, argv, Kind.SCORE, true))
                .addSingleKey("zrangebylex", -4, Set.of(READONLY), (ctx, argv) -> range(ctx, argv, Kind.LEX, false))
                .addSingleKey("zrevrangebylex", -4, Set.of(READONLY), (ctx, argv) -> range(ctx, argv, Kind.LEX, true))
                .add("zrangestore", -5, Set.of(WRITE, DENYOOM), 1, 2, 1, ZRangeCommands::zrangestore)
                .addSingleKey("zcount", 4, Set.of(READONLY, FAST), ZRangeCommands::zcount)
                .addSingleKey("zlexcount", 4, Set.of(READONLY, FAST), ZRangeCommands::zlexcount)
                .addSingleKey("zremrangebyrank", 4, Set.of(WRITE), (ctx, argv) -> removeRange(ctx, argv, Kind.RANK))
                .addSingleKey("zremrangebyscore", 4, Set.of(WRITE), (ctx, argv) -> removeRange(ctx, argv, Kind.SCORE))
                .addSingleKey("zremrangebylex", 4, Set.of(WRITE), (ctx, argv) -> removeRange(ctx, argv, Kind.LEX));
    }

    private static Reply range(CommandContext ctx, byte[][] argv, Kind kind, Boolean reverse) {
        ZRangeRequest request = ZRangeRequest.parse(argv, 1, kind, reverse, false);
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        List<SortedSetNode> nodes = zset == null ? List.of() : request.select(zset);
        return members(nodes, request.withScores());
    }

    /** ZRANGESTORE dst src min max [...]: stores the range (deleting dst if it is empty). */
    private static Reply zrangestore(CommandContext ctx, byte[][] argv) {
        ZRangeRequest request = ZRangeRequest.parse(argv, 2, null, null, true);
        SortedSetValue source = ctx.read(argv[2], SortedSetValue.class);
        List<SortedSetNode> nodes = source == null ? List.of() : request.select(source);
        SortedSetValue result = new SortedSetValue(ctx.keyspace().random());
        for (SortedSetNode node : nodes) {
            result.put(node.member(), node.score());
        }
        return Reply.integer(store(ctx, argv[1], result));
    }

    /** Replaces {@code key} with {@code result}, or deletes it if the result is empty; returns the size. */
    static int store(CommandContext ctx, byte[] key, SortedSetValue result) {
        if (result.size() > 0) {
            ctx.db().put(Key.wrap(key), result, false);
        } else {
            Entry old = ctx.db().lookupWrite(Key.wrap(key));
            if (old != null) {
                ctx.db().delete(old);
            }
        }
        return result.size();
    }

    private static Reply zcount(CommandContext ctx, byte[][] argv) {
        ScoreRange range = ZSetArgs.parseScoreRange(argv[2], argv[3]);
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        if (zset == null) {
            return Reply.ZERO;
        }
        return Reply.integer(count(zset, zset.firstIn(range), zset.lastIn(range)));
    }

    private static Reply zlexcount(CommandContext ctx, byte[][] argv) {
        LexRange range = ZSetArgs.parseLexRange(argv[2], argv[3]);
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        if (zset == null) {
            return Reply.ZERO;
        }
        return Reply.integer(count(zset, zset.firstIn(range), zset.lastIn(range)));
    }

    /** Members from {@code first} to {@code last}, by their ranks: O(log n) however many. */
    private static long count(SortedSetValue zset, SortedSetNode first, SortedSetNode last) {
        return first == null ? 0 : zset.rankOf(last) - zset.rankOf(first) + 1;
    }

    /** ZREMRANGEBYRANK key start stop, ZREMRANGEBYSCORE key min max, ZREMRANGEBYLEX key min max. */
    private static Reply removeRange(CommandContext ctx, byte[][] argv, Kind kind) {
        ZRangeRequest request =
                switch (kind) {
                    case RANK ->
                        new ZRangeRequest(
                                kind,
                                false,
                                false,
                                0,
                                -1,
                                Args.parseLong(argv[2]),
                                Args.parseLong(argv[3]),
                                null,
                                null);
                    case SCORE ->
                        new ZRangeRequest(
                                kind, false, false, 0, -1, 0, 0, ZSetArgs.parseScoreRange(argv[2], argv[3]), null);
                    case LEX ->
                        new ZRangeRequest(
                                kind, false, false, 0, -1, 0, 0, null, ZSetArgs.parseLexRange(argv[2], argv[3]));
                };
        Entry e = ctx.write(argv[1], SortedSetValue.class);
        if (e == null) {
            return Reply.ZERO;
        }
        SortedSetValue zset = (SortedSetValue) e.value();
        List<SortedSetNode> doomed = request.select(zset);
        for (SortedSetNode node : doomed) {
            zset.remove(node.member());
        }
        if (!doomed.isEmpty()) {
            ZSetCommands.afterRemoval(ctx, e, zset);
        }
        return Reply.integer(doomed.size());
    }

    /** Members in order, with their scores as pairs if asked. */
    static Reply members(List<SortedSetNode> nodes, boolean withScores) {
        List<Reply> out = new ArrayList<>(nodes.size() * (withScores ? 2 : 1));
        for (SortedSetNode node : nodes) {
            out.add(new Reply.Bulk(node.member().bytes()));
            if (withScores) {
                out.add(new Reply.DoubleValue(node.score()));
            }
        }
        return withScores ? new Reply.Pairs(out) : new Reply.Array(out);
    }
}
