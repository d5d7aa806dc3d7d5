package sdlab.cache;

import static sdlab.cache.CommandFlag.ADMIN;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.NO_AUTH;

import java.util.List;
import java.util.Set;

/**
 * MONITOR, and RESET, which is how a client leaves monitor mode (and every other state) without
 * reconnecting. A monitoring client may still PING, but commands that read or write keys are
 * refused, as Redis refuses them from a replica (see {@link CacheEngine#execute}).
 */
final class MonitorCommands {
    static final String REFUSED_TO_MONITOR = "ERR Replica can't interact with the keyspace";
    private static final Reply NOTHING = new Reply.Sequence(List.of());

    private MonitorCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("monitor", 1, Set.of(ADMIN), MonitorCommands::monitor)
                .add("reset", 1, Set.of(NO_AUTH, FAST), MonitorCommands::reset);
    }

    /** Whether a monitoring client is refused {@code spec}: anything that reads, writes or may propagate. */
    static boolean refusedToMonitor(CommandSpec spec) {
        return spec.has(CommandFlag.WRITE)
                || spec.has(CommandFlag.READONLY)
                || spec.name().startsWith("eval")
                || spec.name().equals("publish");
    }

    private static Reply monitor(CommandContext ctx, byte[][] argv) {
        if (ctx.engine().insideAtomicBody()) {
            // Redis marks a client inside EXEC as one that must get one reply per command.
            return Reply.error("ERR MONITOR isn't allowed for DENY BLOCKING client");
        }
        ClientSession session = ctx.session();
        if (session.monitoring()) {
            return NOTHING; // a second MONITOR is ignored, without a reply
        }
        session.setMonitoring(true);
        ctx.engine().monitors().add(session);
        return Reply.OK;
    }

    /**
     * RESET: the connection's state as on a new connection: no transaction, watches,
     * subscriptions or monitor mode, database 0, RESP2, no name, and not authenticated if a
     * password is set.
     */
    private static Reply reset(CommandContext ctx, byte[][] argv) {
        ClientSession session = ctx.session();
        CacheEngine engine = ctx.engine();
        TransactionCommands.discardTransaction(engine, session.transaction());
        engine.pubSub().forget(session);
        engine.monitors().remove(session);
        session.setMonitoring(false);
        session.select(0);
        session.setProtocol(2);
        session.setName("");
        session.setAuthenticated(engine.config().requirePass() == null);
        return new Reply.Simple("RESET");
    }
}
