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
import sdlab.cache.store.ScoreText;
import sdlab.cache.store.SortedSetValue;

/**
 * The sorted-set commands on single members: ZADD, ZINCRBY, ZREM, ZCARD, ZSCORE, ZMSCORE,
 * ZRANK and ZREVRANK. Range queries are in {@link ZRangeCommands}, pops and sampling in
 * {@link ZPopCommands}, set algebra in {@link ZSetAlgebraCommands}. A sorted set that becomes
 * empty is deleted.
 */
final class ZSetCommands {
    private static final byte[] ZADD = Args.bytes("ZADD");

    private ZSetCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("zadd", -4, Set.of(WRITE, DENYOOM, FAST), ZSetCommands::zadd)
                .addSingleKey("zincrby", 4, Set.of(WRITE, DENYOOM, FAST), ZSetCommands::zincrby)
                .addSingleKey("zrem", -3, Set.of(WRITE, FAST), ZSetCommands::zrem)
                .addSingleKey("zcard", 2, Set.of(READONLY, FAST), ZSetCommands::zcard)
                .addSingleKey("zscore", 3, Set.of(READONLY, FAST), ZSetCommands::zscore)
                .addSingleKey("zmscore", -3, Set.of(READONLY, FAST), ZSetCommands::zmscore)
                .addSingleKey("zrank", 3, Set.of(READONLY, FAST), ZSetCommands::zrank)
                .addSingleKey("zrevrank", 3, Set.of(READONLY, FAST), ZSetCommands::zrank);
    }

    /** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]. */
    private static Reply zadd(CommandContext ctx, byte[][] argv) {
        ZAddOptions options = ZAddOptions.parse(argv);
        int first = options.firstScoreIndex();
        double[] scores = new double[(argv.length - first) / 2];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = ZSetArgs.parseScore(argv[first + 2 * i], ZSetArgs.NOT_FLOAT);
        }
        Entry e = ctx.write(argv[1], SortedSetValue.class);
        if (e == null && options.xx()) {
            return options.incr() ? Reply.Nil.BULK : Reply.ZERO;
        }
        SortedSetValue zset = e == null ? new SortedSetValue(ctx.keyspace().random()) : (SortedSetValue) e.value();
        int added = 0;
        int updated = 0;
        double lastScore = Double.NaN;
        for (int i = 0; i < scores.length; i++) {
            Key member = Key.wrap(argv[first + 2 * i + 1]);
            Double current = zset.score(member);
            if (current != null && options.nx()) {
                continue;
            }
            double score = options.incr() && current != null ? current + scores[i] : scores[i];
            if (Double.isNaN(score)) {
                throw new CommandException(ZSetArgs.NAN_RESULT);
            }
            if (!options.allows(current, score)) {
                continue;
            }
            lastScore = score;
            if (current == null) {
                zset.put(member, score);
                added++;
            } else if (current != score) {
                zset.put(member, score);
                updated++;
            }
        }
        if (added + updated > 0) {
            storeChanged(ctx, argv[1], e, zset);
        }
        if (options.incr()) {
            if (Double.isNaN(lastScore)) {
                return Reply.Nil.BULK;
            }
            // Logged as the score it produced, so that replay never depends on the old score.
            ctx.propagateAs(ZADD, argv[1], ScoreText.shortestBytes(lastScore), argv[first + 1]);
            return new Reply.DoubleValue(lastScore);
        }
        return Reply.integer(options.ch() ? added + updated : added);
    }

    /** ZINCRBY key increment member: ZADD INCR without options, answering the new score. */
    private static Reply zincrby(CommandContext ctx, byte[][] argv) {
        double increment = ZSetArgs.parseScore(argv[2], ZSetArgs.NOT_FLOAT);
        Entry e = ctx.write(argv[1], SortedSetValue.class);
        SortedSetValue zset = e == null ? new SortedSetValue(ctx.keyspace().random()) : (SortedSetValue) e.value();
        Key member = Key.wrap(argv[3]);
        Double current = zset.score(member);
        double score = current == null ? increment : current + increment;
        if (Double.isNaN(score)) {
            throw new CommandException(ZSetArgs.NAN_RESULT);
        }
        zset.put(member, score);
        storeChanged(ctx, argv[1], e, zset);
        return new Reply.DoubleValue(score);
    }

    private static Reply zrem(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], SortedSetValue.class);
        if (e == null) {
            return Reply.ZERO;
        }
        SortedSetValue zset = (SortedSetValue) e.value();
        int removed = 0;
        for (int i = 2; i < argv.length; i++) {
            if (zset.remove(Key.wrap(argv[i]))) {
                removed++;
            }
        }
        if (removed > 0) {
            afterRemoval(ctx, e, zset);
        }
        return Reply.integer(removed);
    }

    private static Reply zcard(CommandContext ctx, byte[][] argv) {
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        return Reply.integer(zset == null ? 0 : zset.size());
    }

    private static Reply zscore(CommandContext ctx, byte[][] argv) {
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        return scoreOrNil(zset, argv[2]);
    }

    private static Reply zmscore(CommandContext ctx, byte[][] argv) {
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        List<Reply> scores = new ArrayList<>(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            scores.add(scoreOrNil(zset, argv[i]));
        }
        return new Reply.Array(scores);
    }

    /** ZRANK and ZREVRANK: the 0-based position in ascending or descending order. */
    private static Reply zrank(CommandContext ctx, byte[][] argv) {
        SortedSetValue zset = ctx.read(argv[1], SortedSetValue.class);
        long rank = zset == null ? -1 : zset.rank(Key.wrap(argv[2]));
        if (rank < 0) {
            return Reply.Nil.BULK;
        }
        return Reply.integer(Args.is(argv[0], "ZREVRANK") ? zset.size() - 1 - rank : rank);
    }

    private static Reply scoreOrNil(SortedSetValue zset, byte[] member) {
        Double score = zset == null ? null : zset.score(Key.wrap(member));
        return score == null ? Reply.Nil.BULK : new Reply.DoubleValue(score);
    }

    /** Adds a new sorted set under {@code key}, or tells the keyspace its value changed. */
    static void storeChanged(CommandContext ctx, byte[] key, Entry e, SortedSetValue zset) {
        if (e == null) {
            ctx.db().add(Key.wrap(key), zset);
        } else {
            ctx.db().valueChanged(e);
        }
    }

    /** After members were removed: deletes an emptied set, else accounts for the change. */
    static void afterRemoval(CommandContext ctx, Entry e, SortedSetValue zset) {
        if (zset.size() == 0) {
            ctx.db().delete(e);
        } else {
            ctx.db().valueChanged(e);
        }
    }
}
