package sdlab.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sdlab.cache.ZSetAlgebraCommands.Operation;
import sdlab.cache.store.Value;

/**
 * The arguments of ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, parsed in Redis
 * 7.0's order: numkeys, then the keys (so a wrong type is reported before a bad option), then
 * WEIGHTS, AGGREGATE, WITHSCORES or LIMIT as the command allows.
 *
 * @param sources the values of the keys, null for a missing key
 * @param limit ZINTERCARD's LIMIT, 0 for none
 */
record ZSetAlgebraRequest(
        Operation operation,
        List<Value> sources,
        double[] weights,
        Aggregate aggregate,
        boolean withScores,
        long limit) {

    /** How the scores of a member found in several sources combine. */
    enum Aggregate {
        SUM,
        MIN,
        MAX;

        /** Redis turns the NaN of inf + -inf into 0. */
        double combine(double a, double b) {
            return switch (this) {
                case SUM -> Double.isNaN(a + b) ? 0 : a + b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }
    }

    static final String WEIGHT_NOT_FLOAT = "ERR weight value is not a float";
    static final String LIMIT_NEGATIVE = "ERR LIMIT can't be negative";

    /**
     * @param numkeysIndex where numkeys is (2 after a destination key, else 1)
     * @param store whether a destination is written, which refuses WITHSCORES
     * @param cardinality whether this is ZINTERCARD, which takes only LIMIT
     */
    static ZSetAlgebraRequest parse(
            CommandContext ctx,
            byte[][] argv,
            int numkeysIndex,
            Operation operation,
            boolean store,
            boolean cardinality) {
        long numkeys = Args.parseLong(argv[numkeysIndex]);
        if (numkeys < 1) {
            String name = Args.text(argv[0]).toLowerCase(Locale.ROOT);
            throw new CommandException("ERR at least 1 input key is needed for '" + name + "' command");
        }
        if (numkeys > argv.length - numkeysIndex - 1) {
            throw new CommandException(ErrorReplies.SYNTAX);
        }
        int setCount = (int) numkeys;
        List<Value> sources = new ArrayList<>(setCount);
        int j = numkeysIndex + 1;
        for (int i = 0; i < setCount; i++, j++) {
            sources.add(ZSetAlgebraCommands.source(ctx, argv[j]));
        }
        double[] weights = new double[setCount];
        Arrays.fill(weights, 1);
        Aggregate aggregate = Aggregate.SUM;
        boolean withScores = false;
        long limit = 0;
        boolean weighable = operation != Operation.DIFF && !cardinality;
        while (j < argv.length) {
            int remaining = argv.length - j;
            if (weighable && remaining >= setCount + 1 && Args.is(argv[j], "WEIGHTS")) {
                for (int i = 0; i < setCount; i++) {
                    weights[i] = ZSetArgs.parseScore(argv[j + 1 + i], WEIGHT_NOT_FLOAT);
                }
                j += setCount + 1;
            } else if (weighable && remaining >= 2 && Args.is(argv[j], "AGGREGATE")) {
                aggregate = aggregate(argv[j + 1]);
                j += 2;
            } else if (!store && !cardinality && Args.is(argv[j], "WITHSCORES")) {
                withScores = true;
                j++;
            } else if (cardinality && remaining >= 2 && Args.is(argv[j], "LIMIT")) {
                limit = Args.parseLong(argv[j + 1]);
                if (limit < 0) {
                    throw new CommandException(LIMIT_NEGATIVE);
                }
                j += 2;
            } else {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
        }
        return new ZSetAlgebraRequest(operation, sources, weights, aggregate, withScores, limit);
    }

    private static Aggregate aggregate(byte[] arg) {
        for (Aggregate candidate : Aggregate.values()) {
            if (Args.is(arg, candidate.name())) {
                return candidate;
            }
        }
        throw new CommandException(ErrorReplies.SYNTAX);
    }
}
