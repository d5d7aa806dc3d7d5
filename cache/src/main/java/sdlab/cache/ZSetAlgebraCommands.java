package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.SetValue;
import sdlab.cache.store.SortedSetNode;
import sdlab.cache.store.SortedSetValue;
import sdlab.cache.store.Value;

/**
 * Set algebra over sorted sets (plain sets count as members with score 1, as in Redis):
 * ZUNION, ZINTER and ZDIFF, their STORE forms, and ZINTERCARD, with WEIGHTS and
 * AGGREGATE SUM|MIN|MAX. Results are sorted sets, so replies come in (score, member) order.
 */
final class ZSetAlgebraCommands {
    private ZSetAlgebraCommands() {}

    /** Which members a result keeps. */
    enum Operation {
        UNION,
        INTER,
        DIFF
    }

    static void register(CommandTable.Builder table) {
        table.add("zunionstore", -4, Set.of(WRITE, DENYOOM), 1, 1, 1, (c, a) -> store(c, a, Operation.UNION))
                .add("zinterstore", -4, Set.of(WRITE, DENYOOM), 1, 1, 1, (c, a) -> store(c, a, Operation.INTER))
                .add("zdiffstore", -4, Set.of(WRITE, DENYOOM), 1, 1, 1, (c, a) -> store(c, a, Operation.DIFF))
                .add("zunion", -3, Set.of(READONLY), (c, a) -> reply(c, a, Operation.UNION))
                .add("zinter", -3, Set.of(READONLY), (c, a) -> reply(c, a, Operation.INTER))
                .add("zdiff", -3, Set.of(READONLY), (c, a) -> reply(c, a, Operation.DIFF))
                .add("zintercard", -3, Set.of(READONLY), ZSetAlgebraCommands::zintercard);
    }

    private static Reply store(CommandContext ctx, byte[][] argv, Operation operation) {
        ZSetAlgebraRequest request = ZSetAlgebraRequest.parse(ctx, argv, 2, operation, true, false);
        SortedSetValue result = new SortedSetValue(ctx.keyspace().random());
        compute(request).forEach(result::put);
        return Reply.integer(ZRangeCommands.store(ctx, argv[1], result));
    }

    private static Reply reply(CommandContext ctx, byte[][] argv, Operation operation) {
        ZSetAlgebraRequest request = ZSetAlgebraRequest.parse(ctx, argv, 1, operation, false, false);
        SortedSetValue result = new SortedSetValue(ctx.keyspace().random());
        compute(request).forEach(result::put);
        List<SortedSetNode> nodes = new ArrayList<>(result.size());
        for (SortedSetNode n = result.first(); n != null; n = n.next()) {
            nodes.add(n);
        }
        return ZRangeCommands.members(nodes, request.withScores());
    }

    /** ZINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection, stopping at the limit. */
    private static Reply zintercard(CommandContext ctx, byte[][] argv) {
        ZSetAlgebraRequest request = ZSetAlgebraRequest.parse(ctx, argv, 1, Operation.INTER, false, true);
        List<Value> sources = new ArrayList<>(request.sources());
        if (sources.contains(null)) {
            return Reply.ZERO;
        }
        sources.sort(Comparator.comparingInt(ZSetAlgebraCommands::size));
        long count = 0;
        for (Key member : members(sources.get(0)).keySet()) {
            if (inAll(member, sources)) {
                count++;
                if (count == request.limit()) {
                    break;
                }
            }
        }
        return Reply.integer(count);
    }

    /** The members of the result with their scores, weighted and aggregated as Redis does. */
    static Map<Key, Double> compute(ZSetAlgebraRequest request) {
        List<Value> sources = request.sources();
        Map<Key, Double> result = new LinkedHashMap<>();
        switch (request.operation()) {
            case UNION -> {
                for (int i = 0; i < sources.size(); i++) {
                    double weight = request.weights()[i];
                    for (Map.Entry<Key, Double> m : members(sources.get(i)).entrySet()) {
                        double score = weighted(weight, m.getValue());
                        result.merge(m.getKey(), score, request.aggregate()::combine);
                    }
                }
            }
            case INTER -> {
                if (sources.contains(null)) {
                    return result;
                }
                for (Map.Entry<Key, Double> m : members(sources.get(0)).entrySet()) {
                    if (inAll(m.getKey(), sources)) {
                        double score = weighted(request.weights()[0], m.getValue());
                        for (int i = 1; i < sources.size(); i++) {
                            double other = weighted(request.weights()[i], scoreIn(sources.get(i), m.getKey()));
                            score = request.aggregate().combine(score, other);
                        }
                        result.put(m.getKey(), score);
                    }
                }
            }
            case DIFF -> {
                for (Map.Entry<Key, Double> m : members(sources.get(0)).entrySet()) {
                    boolean elsewhere = false;
                    for (int i = 1; i < sources.size() && !elsewhere; i++) {
                        elsewhere = scoreIn(sources.get(i), m.getKey()) != null;
                    }
                    if (!elsewhere) {
                        result.put(m.getKey(), m.getValue());
                    }
                }
            }
        }
        return result;
    }

    /** A weight times a score; Redis turns the NaN of 0 * inf into 0. */
    private static double weighted(double weight, double score) {
        double product = weight * score;
        return Double.isNaN(product) ? 0 : product;
    }

    private static boolean inAll(Key member, List<Value> sources) {
        for (int i = 1; i < sources.size(); i++) {
            if (scoreIn(sources.get(i), member) == null) {
                return false;
            }
        }
        return true;
    }

    /** The score of {@code member} in a sorted set, 1 in a plain set, or null (also for a missing key). */
    private static Double scoreIn(Value source, Key member) {
        return switch (source) {
            case null -> null;
            case SortedSetValue z -> z.score(member);
            case SetValue s -> s.contains(member) ? 1.0 : null;
            default -> throw new AssertionError("sources are checked to be sets or sorted sets");
        };
    }

    private static int size(Value source) {
        return source instanceof SortedSetValue z ? z.size() : ((SetValue) source).size();
    }

    /** The members of a source in its order, with their scores. */
    private static Map<Key, Double> members(Value source) {
        Map<Key, Double> out = new LinkedHashMap<>();
        switch (source) {
            case null -> {}
            case SortedSetValue z -> {
                for (SortedSetNode n = z.first(); n != null; n = n.next()) {
                    out.put(n.member(), n.score());
                }
            }
            case SetValue s -> s.members().forEach(m -> out.put(m, 1.0));
            default -> throw new AssertionError("sources are checked to be sets or sorted sets");
        }
        return out;
    }

    /** Looks up a source key: a sorted set, a set, or null if missing; WRONGTYPE otherwise. */
    static Value source(CommandContext ctx, byte[] key) {
        Entry e = ctx.db().lookupRead(Key.wrap(key));
        if (e == null) {
            return null;
        }
        if (!(e.value() instanceof SortedSetValue) && !(e.value() instanceof SetValue)) {
            throw new CommandException(ErrorReplies.WRONGTYPE);
        }
        return e.value();
    }
}
