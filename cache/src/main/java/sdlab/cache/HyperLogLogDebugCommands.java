package sdlab.cache;

import static sdlab.cache.CommandFlag.ADMIN;
import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sdlab.cache.hyperloglog.HyperLogLog;
import sdlab.cache.hyperloglog.SelfTest;
import sdlab.cache.store.Entry;
import sdlab.cache.store.StringValue;

/**
 * PFDEBUG GETREG | DECODE | ENCODING | TODENSE key, and PFSELFTEST: Redis's tools for looking
 * inside a HyperLogLog. GETREG and TODENSE store the dense encoding when the key was sparse, a
 * change that is logged like any other.
 */
final class HyperLogLogDebugCommands {
    private HyperLogLogDebugCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("pfdebug", 3, Set.of(WRITE, DENYOOM, ADMIN), 2, 2, 1, HyperLogLogDebugCommands::pfdebug)
                .add("pfselftest", 1, Set.of(ADMIN), HyperLogLogDebugCommands::pfselftest);
    }

    private static Reply pfdebug(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[2], StringValue.class);
        if (e == null) {
            return Reply.error("ERR The specified key does not exist");
        }
        HyperLogLog hll = HyperLogLogCommands.hyperLogLogOf(e);
        byte[] sub = argv[1];
        if (Args.is(sub, "GETREG")) {
            storeDense(ctx, argv[2], e, hll);
            List<Reply> registers = new ArrayList<>(HyperLogLog.REGISTERS);
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                registers.add(Reply.integer(hll.register(i)));
            }
            return new Reply.Array(registers);
        }
        if (Args.is(sub, "DECODE")) {
            return hll.isSparse() ? Reply.bulk(hll.decodeSparse()) : Reply.error("ERR HLL encoding is not sparse");
        }
        if (Args.is(sub, "ENCODING")) {
            return new Reply.Simple(hll.isSparse() ? "sparse" : "dense");
        }
        if (Args.is(sub, "TODENSE")) {
            return storeDense(ctx, argv[2], e, hll) ? Reply.ONE : Reply.ZERO;
        }
        return Reply.error("ERR Unknown PFDEBUG subcommand '" + Args.text(sub) + "'");
    }

    /** Converts a sparse {@code hll} to dense and stores it; whether there was anything to convert. */
    private static boolean storeDense(CommandContext ctx, byte[] key, Entry e, HyperLogLog hll) {
        if (!hll.isSparse()) {
            return false;
        }
        if (!hll.toDense()) {
            throw new CommandException(HyperLogLogCommands.CORRUPT);
        }
        HyperLogLogCommands.store(ctx, key, e, hll);
        return true;
    }

    private static Reply pfselftest(CommandContext ctx, byte[][] argv) {
        Optional<String> failure =
                SelfTest.run(ctx.random(), ctx.engine().config().hllSparseMaxBytes());
        return failure.map(Reply::error).orElse(Reply.OK);
    }
}
