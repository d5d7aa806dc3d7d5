package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.OptionalLong;
import java.util.Set;
import sdlab.cache.hyperloglog.HyperLogLog;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.StringValue;

/**
 * PFADD, PFCOUNT and PFMERGE: HyperLogLogs stored as ordinary strings in Redis's exact
 * representation ({@link HyperLogLog}), so GET, SET, DUMP-like copies and the AOF carry them
 * unchanged. Every command works on a copy of the stored bytes and stores the result, since
 * stored strings are never changed in place. PFDEBUG and PFSELFTEST are in
 * {@link HyperLogLogDebugCommands}.
 *
 * <p>PFCOUNT of one key writes the estimate into the header when the cached one is stale, as
 * Redis does; Redis then propagates PFCOUNT although it is a read command, and so does this
 * node, so that a replayed AOF rebuilds the same bytes.
 */
final class HyperLogLogCommands {
    static final String NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
    static final String CORRUPT = "INVALIDOBJ Corrupted HLL object detected";

    private HyperLogLogCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("pfadd", -2, Set.of(WRITE, DENYOOM, FAST), HyperLogLogCommands::pfadd)
                .add("pfcount", -2, Set.of(READONLY), 1, -1, 1, HyperLogLogCommands::pfcount)
                .add("pfmerge", -2, Set.of(WRITE, DENYOOM), 1, -1, 1, HyperLogLogCommands::pfmerge);
        HyperLogLogDebugCommands.register(table);
    }

    /** PFADD key [element ...]: 1 if the key was created or a register grew, else 0. */
    private static Reply pfadd(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], StringValue.class);
        HyperLogLog hll = e == null ? HyperLogLog.empty() : hyperLogLogOf(e);
        boolean updated = e == null;
        long sparseBytesMax = ctx.engine().config().hllSparseMaxBytes();
        for (int i = 2; i < argv.length; i++) {
            switch (hll.add(argv[i], sparseBytesMax)) {
                case CHANGED -> updated = true;
                case CORRUPT -> {
                    return Reply.error(CORRUPT);
                }
                case UNCHANGED -> {}
            }
        }
        if (!updated) {
            return Reply.ZERO;
        }
        hll.invalidateCache();
        store(ctx, argv[1], e, hll);
        return Reply.ONE;
    }

    /** PFCOUNT key [key ...]: the estimate for one key (cached in its header) or for the union of several. */
    private static Reply pfcount(CommandContext ctx, byte[][] argv) {
        if (argv.length > 2) {
            byte[] union = new byte[HyperLogLog.REGISTERS];
            mergeSources(ctx, argv, union);
            return Reply.integer(HyperLogLog.estimate(union));
        }
        Entry e = ctx.db().lookupRead(Key.wrap(argv[1]));
        if (e == null) {
            return Reply.ZERO;
        }
        HyperLogLog hll = hyperLogLogOf(e);
        OptionalLong cached = hll.cachedCardinality();
        if (cached.isPresent()) {
            return Reply.integer(cached.getAsLong());
        }
        OptionalLong estimate = hll.estimate();
        if (estimate.isEmpty()) {
            return Reply.error(CORRUPT);
        }
        hll.cacheCardinality(estimate.getAsLong());
        store(ctx, argv[1], ctx.db().lookupWrite(Key.wrap(argv[1])), hll);
        ctx.propagateAs(argv);
        return Reply.integer(estimate.getAsLong());
    }

    /** PFMERGE destkey [sourcekey ...]: the destination becomes the union of itself and the sources. */
    private static Reply pfmerge(CommandContext ctx, byte[][] argv) {
        byte[] union = new byte[HyperLogLog.REGISTERS];
        boolean anyDense = mergeSources(ctx, argv, union);
        Entry e = ctx.db().lookupWrite(Key.wrap(argv[1]));
        HyperLogLog target = e == null ? HyperLogLog.empty() : hyperLogLogOf(e);
        if (anyDense && !target.toDense()) {
            return Reply.error(CORRUPT);
        }
        long sparseBytesMax = ctx.engine().config().hllSparseMaxBytes();
        for (int i = 0; i < union.length; i++) {
            if (union[i] != 0) {
                target.raise(i, union[i], sparseBytesMax);
            }
        }
        target.invalidateCache();
        store(ctx, argv[1], e, target);
        return Reply.OK;
    }

    /**
     * Raises {@code union}'s registers (one byte each) to those of every key named from
     * {@code argv[1]} on, a missing key counting as empty; answers whether any of them was dense.
     */
    private static boolean mergeSources(CommandContext ctx, byte[][] argv, byte[] union) {
        boolean anyDense = false;
        for (int i = 1; i < argv.length; i++) {
            Entry e = ctx.db().lookupRead(Key.wrap(argv[i]));
            if (e == null) {
                continue;
            }
            HyperLogLog hll = hyperLogLogOf(e);
            anyDense |= !hll.isSparse();
            if (!hll.mergeInto(union)) {
                throw new CommandException(CORRUPT);
            }
        }
        return anyDense;
    }

    /** A working copy of the HyperLogLog in {@code e}; WRONGTYPE if it is not a string or not a HyperLogLog. */
    static HyperLogLog hyperLogLogOf(Entry e) {
        StringValue value = CommandContext.valueOf(e, StringValue.class);
        HyperLogLog hll = HyperLogLog.parse(value.bytes());
        if (hll == null) {
            throw new CommandException(NOT_HLL);
        }
        return hll;
    }

    /** Stores {@code hll} at {@code key}, replacing {@code e} (found with a write lookup) or adding the key. */
    static void store(CommandContext ctx, byte[] key, Entry e, HyperLogLog hll) {
        StringValue value = new StringValue(hll.toBytes());
        if (e == null) {
            ctx.db().add(Key.wrap(key), value);
        } else {
            ctx.db().replace(e, value, true);
        }
    }
}
