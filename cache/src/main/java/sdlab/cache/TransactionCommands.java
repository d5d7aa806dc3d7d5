package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;

import java.util.List;
import java.util.Set;
import sdlab.cache.store.Key;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH, with Redis 7.0's replies. The queueing itself is
 * the dispatcher's decision ({@link CacheEngine#execute}); these commands open, run, drop and
 * guard the queue.
 */
final class TransactionCommands {
    /** The commands that run at once inside MULTI instead of being queued (Redis's processCommand). */
    private static final Set<String> RUN_INSIDE_MULTI = Set.of("exec", "discard", "multi", "watch", "quit");
    /** The commands that still run inside MULTI when memory is full and nothing can be evicted. */
    private static final Set<String> RUN_WHEN_OUT_OF_MEMORY = Set.of("exec", "discard", "quit");

    static final Reply QUEUED = new Reply.Simple("QUEUED");

    private TransactionCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("multi", 1, Set.of(FAST), TransactionCommands::multi)
                .add("exec", 1, Set.of(), TransactionCommands::exec)
                .add("discard", 1, Set.of(FAST), TransactionCommands::discard)
                .add("watch", -2, Set.of(FAST), 1, -1, 1, TransactionCommands::watch)
                .add("unwatch", 1, Set.of(FAST), TransactionCommands::unwatch);
    }

    /** Whether {@code spec} runs immediately inside MULTI (everything else is queued). */
    static boolean runsInsideMulti(CommandSpec spec) {
        return RUN_INSIDE_MULTI.contains(spec.name());
    }

    /** Whether {@code spec} is still accepted inside MULTI when over maxmemory with nothing to evict. */
    static boolean runsWhenOutOfMemory(CommandSpec spec) {
        return RUN_WHEN_OUT_OF_MEMORY.contains(spec.name());
    }

    static boolean isExec(CommandSpec spec) {
        return spec.name().equals("exec");
    }

    private static Reply multi(CommandContext ctx, byte[][] argv) {
        Transaction tx = ctx.session().transaction();
        if (tx.open()) {
            return Reply.error(ErrorReplies.NESTED_MULTI);
        }
        tx.begin();
        return Reply.OK;
    }

    private static Reply exec(CommandContext ctx, byte[][] argv) {
        Transaction tx = ctx.session().transaction();
        if (!tx.open()) {
            return Reply.error(ErrorReplies.EXEC_WITHOUT_MULTI);
        }
        WatchedKeys watches = ctx.engine().watches();
        if (watches.anyExpiredSinceWatch(tx)) {
            tx.markWatchBroken();
        }
        boolean queueFailed = tx.queueFailed();
        boolean watchBroken = tx.watchBroken();
        watches.unwatchAll(tx); // as soon as possible: later touches need not look at this client
        List<Transaction.Queued> commands = tx.takeQueued();
        if (queueFailed) {
            return Reply.error(ErrorReplies.EXECABORT);
        }
        if (watchBroken) {
            return Reply.Nil.ARRAY;
        }
        return ctx.engine().runTransaction(ctx.session(), commands);
    }

    private static Reply discard(CommandContext ctx, byte[][] argv) {
        Transaction tx = ctx.session().transaction();
        if (!tx.open()) {
            return Reply.error(ErrorReplies.DISCARD_WITHOUT_MULTI);
        }
        discardTransaction(ctx.engine(), tx);
        return Reply.OK;
    }

    private static Reply watch(CommandContext ctx, byte[][] argv) {
        Transaction tx = ctx.session().transaction();
        if (tx.open()) {
            return Reply.error(ErrorReplies.WATCH_IN_MULTI);
        }
        if (tx.watchBroken()) {
            return Reply.OK; // no point in watching more: EXEC fails anyway
        }
        if (tx.watched().size() + argv.length - 1 > WatchedKeys.KEYS_PER_CLIENT_MAX) {
            return Reply.error("ERR too many watched keys: at most " + WatchedKeys.KEYS_PER_CLIENT_MAX
                    + " per client; UNWATCH or EXEC first");
        }
        for (int i = 1; i < argv.length; i++) {
            ctx.engine().watches().watch(tx, new DbKey(ctx.session().db(), Key.wrap(argv[i])));
        }
        return Reply.OK;
    }

    private static Reply unwatch(CommandContext ctx, byte[][] argv) {
        Transaction tx = ctx.session().transaction();
        ctx.engine().watches().unwatchAll(tx);
        tx.clearWatchBroken();
        return Reply.OK;
    }

    /** Drops the queue, the flags and the watches (DISCARD, a refused EXEC, a closed client). */
    static void discardTransaction(CacheEngine engine, Transaction tx) {
        tx.discardQueue();
        engine.watches().unwatchAll(tx);
    }
}
