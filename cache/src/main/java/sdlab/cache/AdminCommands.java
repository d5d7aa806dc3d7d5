package sdlab.cache;

import static sdlab.cache.CommandFlag.ADMIN;
import static sdlab.cache.CommandFlag.READONLY;

import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.MemoryAccounting;

/**
 * The server commands that tools and test harnesses send, answered truthfully for a node
 * without replicas, functions or a slow log: WAIT (no replica acknowledges), MEMORY USAGE (the
 * engine's own accounting), SLOWLOG and LATENCY (nothing recorded), FUNCTION (an empty
 * library), and DEBUG SLEEP 0 and DEBUG OBJECT.
 */
final class AdminCommands {
    private AdminCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("wait", 3, Set.of(), AdminCommands::waitForReplicas)
                .add("memory", -2, Set.of(READONLY), AdminCommands::memory)
                .add("slowlog", -2, Set.of(ADMIN), AdminCommands::slowlog)
                .add("latency", -2, Set.of(ADMIN), AdminCommands::latency)
                .add("function", -2, Set.of(), AdminCommands::function)
                .add("debug", -2, Set.of(ADMIN), AdminCommands::debug);
    }

    /** WAIT numreplicas timeout: there are no replicas, so none has acknowledged, at once. */
    private static Reply waitForReplicas(CommandContext ctx, byte[][] argv) {
        long[] timeout = {0};
        if (!Args.tryParseLong(argv[2], timeout)) {
            return Reply.error("ERR timeout is not an integer or out of range");
        }
        if (timeout[0] < 0) {
            return Reply.error("ERR timeout is negative");
        }
        Args.parseLong(argv[1]);
        return Reply.ZERO;
    }

    /** MEMORY USAGE key [SAMPLES n]: the bytes the engine's accounting charges for the key. */
    private static Reply memory(CommandContext ctx, byte[][] argv) {
        if (Args.is(argv[1], "USAGE") && (argv.length == 3 || argv.length == 5)) {
            Entry entry = ctx.db().peek(Key.wrap(argv[2]));
            return entry == null
                    ? Reply.Nil.BULK
                    : Reply.integer(MemoryAccounting.entryBytes(argv[2].length, entry.value()));
        }
        if (Args.is(argv[1], "DOCTOR") && argv.length == 2) {
            return new Reply.Verbatim("txt", "Hi Sam, I can't find any memory issue in your instance.");
        }
        return Reply.error(ErrorReplies.unknownSubcommand(argv[1], "MEMORY"));
    }

    /** SLOWLOG GET [n] | LEN | RESET: commands are not timed here, so the log stays empty. */
    private static Reply slowlog(CommandContext ctx, byte[][] argv) {
        if (Args.is(argv[1], "GET") && argv.length <= 3) {
            return new Reply.Array(List.of());
        }
        if (Args.is(argv[1], "LEN") && argv.length == 2) {
            return Reply.ZERO;
        }
        if (Args.is(argv[1], "RESET") && argv.length == 2) {
            return Reply.OK;
        }
        return Reply.error(ErrorReplies.unknownSubcommand(argv[1], "SLOWLOG"));
    }

    /** LATENCY LATEST | HISTORY event | RESET | DOCTOR: no latency monitor, no events. */
    private static Reply latency(CommandContext ctx, byte[][] argv) {
        if ((Args.is(argv[1], "LATEST") && argv.length == 2) || (Args.is(argv[1], "HISTORY") && argv.length == 3)) {
            return new Reply.Array(List.of());
        }
        if (Args.is(argv[1], "RESET")) {
            return Reply.ZERO;
        }
        if (Args.is(argv[1], "DOCTOR") && argv.length == 2) {
            return new Reply.Verbatim(
                    "txt", "Dave, no latency spike was observed during the lifetime of this instance.");
        }
        return Reply.error(ErrorReplies.unknownSubcommand(argv[1], "LATENCY"));
    }

    /** FUNCTION LIST | FLUSH | STATS over an empty library (FUNCTION LOAD is not supported). */
    private static Reply function(CommandContext ctx, byte[][] argv) {
        if (Args.is(argv[1], "LIST")) {
            return new Reply.Array(List.of());
        }
        if (Args.is(argv[1], "FLUSH") && argv.length <= 3) {
            return Reply.OK;
        }
        return Reply.error(ErrorReplies.unknownSubcommand(argv[1], "FUNCTION"));
    }

    /** DEBUG SLEEP 0 (tools use it as a barrier) and DEBUG OBJECT key. */
    private static Reply debug(CommandContext ctx, byte[][] argv) {
        if (Args.is(argv[1], "SLEEP") && argv.length == 3) {
            return Args.text(argv[2]).equals("0")
                    ? Reply.OK
                    : Reply.error("ERR DEBUG SLEEP with a delay would stop the node; only DEBUG SLEEP 0 is served");
        }
        if (Args.is(argv[1], "OBJECT") && argv.length == 3) {
            Entry entry = ctx.db().peek(Key.wrap(argv[2]));
            if (entry == null) {
                return Reply.error("ERR no such key");
            }
            return new Reply.Simple("Value at:0x0 refcount:1 encoding:" + ObjectCommand.encoding(entry.value())
                    + " serializedlength:" + MemoryAccounting.entryBytes(argv[2].length, entry.value())
                    + " lru:0 lru_seconds_idle:0");
        }
        return Reply.error(ErrorReplies.unknownSubcommand(argv[1], "DEBUG"));
    }
}
