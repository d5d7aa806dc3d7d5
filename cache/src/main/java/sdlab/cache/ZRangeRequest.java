package sdlab.cache;

import java.util.ArrayList;
import java.util.List;
import sdlab.cache.store.LexRange;
import sdlab.cache.store.ScoreRange;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;

/**
 * One range query of the ZRANGE family, parsed as Redis 7.0's {@code zrangeGenericCommand}
 * parses it, and the members it selects. ZRANGE takes every option; the older forms
 * (ZRANGEBYSCORE, ZREVRANGE, ...) fix the kind and direction and refuse BYSCORE, BYLEX and REV.
 */
record ZRangeRequest(
        Kind kind,
        boolean reverse,
        boolean withScores,
        long offset,
        long limit,
        long start,
        long stop,
        ScoreRange scores,
        LexRange lex) {

    /** By position, by score or by member bytes. */
    enum Kind {
        RANK,
        SCORE,
        LEX
    }

    static final String LIMIT_NEEDS_BY =
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX";
    static final String WITHSCORES_AND_BYLEX = "ERR syntax error, WITHSCORES not supported in combination with BYLEX";

    /**
     * @param keyIndex where the source key is; min and max follow it
     * @param fixedKind the kind a legacy command implies, or null to read BYSCORE / BYLEX
     * @param fixedReverse the direction a legacy command implies, or null to read REV
     * @param store whether the result is stored (ZRANGESTORE), which refuses WITHSCORES
     */
    static ZRangeRequest parse(byte[][] argv, int keyIndex, Kind fixedKind, Boolean fixedReverse, boolean store) {
        Kind kind = fixedKind;
        Boolean reverse = fixedReverse;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int j = keyIndex + 3; j < argv.length; j++) {
            int left = argv.length - j - 1;
            if (!store && Args.is(argv[j], "WITHSCORES")) {
                withScores = true;
            } else if (Args.is(argv[j], "LIMIT") && left >= 2) {
                offset = Args.parseLong(argv[j + 1]);
                limit = Args.parseLong(argv[j + 2]);
                j += 2;
            } else if (fixedReverse == null && reverse == null && Args.is(argv[j], "REV")) {
                reverse = true;
            } else if (fixedKind == null && kind == null && Args.is(argv[j], "BYLEX")) {
                kind = Kind.LEX;
            } else if (fixedKind == null && kind == null && Args.is(argv[j], "BYSCORE")) {
                kind = Kind.SCORE;
            } else {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
        }
        kind = kind == null ? Kind.RANK : kind;
        boolean backwards = reverse != null && reverse;
        if (limit != -1 && kind == Kind.RANK) {
            throw new CommandException(LIMIT_NEEDS_BY);
        }
        if (withScores && kind == Kind.LEX) {
            throw new CommandException(WITHSCORES_AND_BYLEX);
        }
        // Reversed score and lex ranges are written max first.
        byte[] min = argv[keyIndex + (backwards && kind != Kind.RANK ? 2 : 1)];
        byte[] max = argv[keyIndex + (backwards && kind != Kind.RANK ? 1 : 2)];
        return switch (kind) {
            case RANK ->
                new ZRangeRequest(
                        kind,
                        backwards,
                        withScores,
                        offset,
                        limit,
                        Args.parseLong(min),
                        Args.parseLong(max),
                        null,
                        null);
            case SCORE ->
                new ZRangeRequest(
                        kind, backwards, withScores, offset, limit, 0, 0, ZSetArgs.parseScoreRange(min, max), null);
            case LEX ->
                new ZRangeRequest(
                        kind, backwards, withScores, offset, limit, 0, 0, null, ZSetArgs.parseLexRange(min, max));
        };
    }

    /** The selected members in reply order. */
    List<SortedSetNode> select(SortedSetValue zset) {
        if (kind == Kind.RANK) {
            return byRank(zset);
        }
        SortedSetNode node =
                switch (kind) {
                    case SCORE -> reverse ? zset.lastIn(scores) : zset.firstIn(scores);
                    case LEX -> reverse ? zset.lastIn(lex) : zset.firstIn(lex);
                    case RANK -> throw new AssertionError("handled above");
                };
        // As Redis: a negative offset skips everything, a negative limit means no limit.
        for (long skip = offset; node != null && skip != 0; skip--) {
            node = step(node);
        }
        List<SortedSetNode> out = new ArrayList<>();
        for (long left = limit; node != null && left != 0 && inRange(node); left--) {
            out.add(node);
            node = step(node);
        }
        return out;
    }

    private List<SortedSetNode> byRank(SortedSetValue zset) {
        long size = zset.size();
        long from = start < 0 ? Math.max(0, size + start) : start;
        long to = stop < 0 ? size + stop : Math.min(stop, size - 1);
        if (from > to || from >= size) {
            return List.of();
        }
        List<SortedSetNode> out = new ArrayList<>((int) (to - from + 1));
        SortedSetNode node = zset.byRank(reverse ? size - 1 - from : from);
        for (long i = from; i <= to; i++) {
            out.add(node);
            node = step(node);
        }
        return out;
    }

    private SortedSetNode step(SortedSetNode node) {
        return reverse ? node.previous() : node.next();
    }

    private boolean inRange(SortedSetNode node) {
        return kind == Kind.SCORE
                ? scores.contains(node.score())
                : lex.contains(node.member().bytes());
    }
}
