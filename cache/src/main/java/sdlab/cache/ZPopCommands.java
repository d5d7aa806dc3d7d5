package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import sdlab.cache.store.Entry;
import sdlab.cache.store.ScoreText;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;

/**
 * Taking members from either end and at random: ZPOPMIN, ZPOPMAX, ZMPOP, ZRANDMEMBER, and
 * ZSCAN. The blocking pops ({@link BlockingZSetCommands}) reuse {@link #pop} and
 * {@link #popFirstNonEmpty}. Randomness comes from the engine's generator, so a seeded run replays exactly.
 */
final class ZPopCommands {
    /**
     * The most members one ZRANDMEMBER may return with repetition (negative count). Redis
     * streams any count; this engine builds the reply in memory, so it bounds it instead.
     */
    static final long RANDOM_MEMBERS_MAX = 1L << 20;

    static final String COUNT_POSITIVE = "ERR count should be greater than 0";
    static final String NUMKEYS_POSITIVE = "ERR numkeys should be greater than 0";

    private ZPopCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("zpopmin", -2, Set.of(WRITE, FAST), ZPopCommands::zpop)
                .addSingleKey("zpopmax", -2, Set.of(WRITE, FAST), ZPopCommands::zpop)
                .add("zmpop", -4, Set.of(WRITE), ZPopCommands::zmpop)
                .addSingleKey("zrandmember", -2, Set.of(READONLY), ZPopCommands::zrandmember)
                .addSingleKey("zscan", -3, Set.of(READONLY), ZPopCommands::zscan);
    }

    /** ZPOPMIN|ZPOPMAX key [count]: without a count a flat pair, with one a list of pairs. */
    private static Reply zpop(CommandContext ctx, byte[][] argv) {
        if (argv.length > 3) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        long count = 1;
        if (argv.length == 3) {
            count = Args.parseLong(argv[2]);
            if (count < 0) {
                return Reply.error(ErrorReplies.MUST_BE_POSITIVE);
            }
        }
        boolean max = Args.is(argv[0], "ZPOPMAX");
        List<Reply> popped = pop(ctx, ctx.write(argv[1], SortedSetValue.class), max, count);
        return argv.length == 3 ? new Reply.Pairs(popped) : new Reply.Array(popped);
    }

    /** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: pops from the first non-empty set. */
    private static Reply zmpop(CommandContext ctx, byte[][] argv) {
        return popFirstNonEmpty(ctx, MultiPop.parse(argv, 1));
    }

    /**
     * Pops from the first of the keys that holds a sorted set and answers
     * {@code [key, [[member, score], ...]]}, or a nil array if none does; logged as the
     * ZPOPMIN/ZPOPMAX with a count it amounts to. BZMPOP serves its clients with it too.
     */
    static Reply popFirstNonEmpty(CommandContext ctx, MultiPop request) {
        for (byte[] key : request.keys()) {
            Entry e = ctx.write(key, SortedSetValue.class);
            if (e != null) {
                // Only one key changes: logged as the ZPOPMIN/ZPOPMAX it amounts to.
                ctx.propagateAs(Args.bytes(request.max() ? "ZPOPMAX" : "ZPOPMIN"), key, Args.digits(request.count()));
                List<Reply> popped = pop(ctx, e, request.max(), request.count());
                List<Reply> pairs = new ArrayList<>(popped.size() / 2);
                for (int p = 0; p < popped.size(); p += 2) {
                    pairs.add(new Reply.Array(List.of(popped.get(p), popped.get(p + 1))));
                }
                return new Reply.Array(List.of(new Reply.Bulk(key), new Reply.Array(pairs)));
            }
        }
        return Reply.Nil.ARRAY;
    }

    /** The arguments of ZMPOP (and BZMPOP, whose numkeys comes after a timeout): keys, end and count. */
    record MultiPop(List<byte[]> keys, boolean max, long count) {
        /** Parses {@code numkeys key [key ...] MIN|MAX [COUNT count]} starting at {@code numkeysIndex}. */
        static MultiPop parse(byte[][] argv, int numkeysIndex) {
            // Redis answers a numkeys or count that is not a number with the same error as one below 1.
            long[] parsed = {0};
            if (!Args.tryParseLong(argv[numkeysIndex], parsed) || parsed[0] <= 0) {
                throw new CommandException(NUMKEYS_POSITIVE);
            }
            if (parsed[0] > argv.length - numkeysIndex - 2) {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
            int where = numkeysIndex + 1 + (int) parsed[0];
            boolean max = Args.is(argv[where], "MAX");
            if (!max && !Args.is(argv[where], "MIN")) {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
            long count = 1;
            int rest = argv.length - where - 1;
            if (rest == 2 && Args.is(argv[where + 1], "COUNT")) {
                if (!Args.tryParseLong(argv[where + 2], parsed) || parsed[0] <= 0) {
                    throw new CommandException(COUNT_POSITIVE);
                }
                count = parsed[0];
            } else if (rest != 0) {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
            return new MultiPop(List.of(Arrays.copyOfRange(argv, numkeysIndex + 1, where)), max, count);
        }
    }

    /** Removes up to {@code count} members from one end; returns them flat with their scores. */
    static List<Reply> pop(CommandContext ctx, Entry e, boolean max, long count) {
        if (e == null || count == 0) {
            return List.of();
        }
        SortedSetValue zset = (SortedSetValue) e.value();
        int taken = (int) Math.min(count, zset.size());
        List<Reply> popped = new ArrayList<>(taken * 2);
        for (int i = 0; i < taken; i++) {
            SortedSetNode node = max ? zset.last() : zset.first();
            popped.add(new Reply.Bulk(node.member().bytes()));
            popped.add(new Reply.DoubleValue(node.score()));
            zset.remove(node.member());
        }
        ZSetCommands.afterRemoval(ctx, e, zset);
        return popped;
    }

    /** ZRANDMEMBER key [count [WITHSCORES]]: distinct members for a positive count, repeats for a negative one. */
    private static Reply zrandmember(CommandContext ctx, byte[][] argv) {
        if (argv.length > 4 || (argv.length == 4 && !Args.is(argv[3], "WITHSCORES"))) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        boolean withScores = argv.length == 4;
        if (argv.length == 2) {
            SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
            if (zset == null) {
                return Reply.Nil.BULK;
            }
            SortedSetNode node = zset.byRank(ctx.keyspace().random().nextInt(zset.size()));
            return new Reply.Bulk(node.member().bytes());
        }
        long count = Args.parseLong(argv[2]);
        if (count < -RANDOM_MEMBERS_MAX || count > Long.MAX_VALUE / 2) {
            return Reply.error("ERR value is out of range");
        }
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        if (zset == null || count == 0) {
            return withScores ? new Reply.Pairs(List.of()) : new Reply.Array(List.of());
        }
        List<SortedSetNode> chosen = count < 0
                ? withRepeats(zset, -count, ctx.keyspace().random())
                : distinct(zset, count, ctx.keyspace().random());
        List<Reply> out = new ArrayList<>(chosen.size() * (withScores ? 2 : 1));
        for (SortedSetNode node : chosen) {
            out.add(new Reply.Bulk(node.member().bytes()));
            if (withScores) {
                out.add(new Reply.DoubleValue(node.score()));
            }
        }
        return withScores ? new Reply.Pairs(out) : new Reply.Array(out);
    }

    private static List<SortedSetNode> withRepeats(SortedSetValue zset, long count, RandomGenerator random) {
        List<SortedSetNode> chosen = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            chosen.add(zset.byRank(random.nextInt(zset.size())));
        }
        return chosen;
    }

    /**
     * {@code count} different members: all of them if the count covers the set; else, when
     * most are wanted, a partial shuffle of all; when few are wanted, random ranks until
     * enough distinct ones are drawn (Redis's cases 3 and 4 of ZRANDMEMBER).
     */
    private static List<SortedSetNode> distinct(SortedSetValue zset, long count, RandomGenerator random) {
        int size = zset.size();
        if (count >= size || count * 3 > size) {
            List<SortedSetNode> all = new ArrayList<>(size);
            for (SortedSetNode n = zset.first(); n != null; n = n.next()) {
                all.add(n);
            }
            if (count >= size) {
                return all;
            }
            for (int i = 0; i < count; i++) {
                Collections.swap(all, i, i + random.nextInt(size - i));
            }
            return all.subList(0, (int) count);
        }
        Set<Long> ranks = new HashSet<>();
        List<SortedSetNode> chosen = new ArrayList<>((int) count);
        while (chosen.size() < count) {
            long rank = random.nextInt(size);
            if (ranks.add(rank)) {
                chosen.add(zset.byRank(rank));
            }
        }
        return chosen;
    }

    /**
     * ZSCAN key cursor [MATCH pattern] [COUNT count]. The whole set is answered in one reply
     * with cursor 0, as Redis does for small (listpack) sets: a rank cursor could skip members
     * when others are removed between calls, which SCAN's guarantee forbids.
     */
    private static Reply zscan(CommandContext ctx, byte[][] argv) {
        KeyCommands.parseCursor(argv[2]);
        GlobPattern pattern = null;
        for (int i = 3; i < argv.length; i += 2) {
            if (i + 1 >= argv.length) {
                return Reply.error(ErrorReplies.SYNTAX);
            }
            if (Args.is(argv[i], "MATCH")) {
                pattern = new GlobPattern(argv[i + 1]);
            } else if (Args.is(argv[i], "COUNT")) {
                if (Args.parseLong(argv[i + 1]) < 1) {
                    return Reply.error(ErrorReplies.SYNTAX);
                }
            } else {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        List<Reply> items = new ArrayList<>();
        for (SortedSetNode n = zset == null ? null : zset.first(); n != null; n = n.next()) {
            if (pattern == null || pattern.matches(n.member().bytes())) {
                items.add(new Reply.Bulk(n.member().bytes()));
                items.add(Reply.bulk(ScoreText.reply(n.score())));
            }
        }
        return new Reply.Array(List.of(Reply.bulk("0"), new Reply.Array(items)));
    }
}
