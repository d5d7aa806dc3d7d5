package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT LOAD|EXISTS|FLUSH|KILL (see {@link LuaScripts}).
 * A script's changes reach the log as the commands it ran, in one MULTI ... EXEC block, so that
 * a replay never depends on Lua and never applies half a script.
 */
final class ScriptCommands {
    private static final String NOSCRIPT = "NOSCRIPT No matching script. Please use EVAL.";
    /** What a script may not run: transactions, subscriptions, scripts themselves, blocking and server control. */
    private static final Set<String> REFUSED = Set.of(
            // Redis 7.0 marks these blocking commands noscript; BLMPOP and BZMPOP are allowed and answer at once.
            "blpop",
            "brpop",
            "blmove",
            "brpoplpush",
            "bzpopmin",
            "bzpopmax",
            "multi",
            "exec",
            "discard",
            "watch",
            "unwatch",
            "subscribe",
            "psubscribe",
            "unsubscribe",
            "punsubscribe",
            "eval",
            "evalsha",
            "eval_ro",
            "evalsha_ro",
            "script",
            "shutdown",
            "save",
            "bgsave",
            "bgrewriteaof",
            "hello",
            "auth",
            "quit",
            "client",
            "wait",
            "monitor",
            "reset");

    private ScriptCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("eval", -3, Set.of(), (ctx, argv) -> eval(ctx, argv, false, false))
                .add("evalsha", -3, Set.of(), (ctx, argv) -> eval(ctx, argv, true, false))
                .add("eval_ro", -3, Set.of(), (ctx, argv) -> eval(ctx, argv, false, true))
                .add("evalsha_ro", -3, Set.of(), (ctx, argv) -> eval(ctx, argv, true, true))
                .add("script", -2, Set.of(), ScriptCommands::script);
    }

    static boolean refusedInScripts(CommandSpec spec) {
        return REFUSED.contains(spec.name());
    }

    /** EVAL script numkeys [key ...] [arg ...], or EVALSHA with a SHA-1 in place of the script. */
    private static Reply eval(CommandContext ctx, byte[][] argv, boolean bySha, boolean readOnly) {
        long numkeys = Args.parseLong(argv[2]);
        if (numkeys < 0) {
            return Reply.error("ERR Number of keys can't be negative");
        }
        if (numkeys > argv.length - 3) {
            return Reply.error("ERR Number of keys can't be greater than number of args");
        }
        LuaScripts scripts = ctx.engine().scripts();
        String sha =
                bySha ? new String(argv[1], StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT) : scripts.load(argv[1]);
        byte[][] keys = Arrays.copyOfRange(argv, 3, 3 + (int) numkeys);
        byte[][] args = Arrays.copyOfRange(argv, 3 + (int) numkeys, argv.length);
        int callerDb = ctx.session().db();
        try {
            return ctx.engine().atomically(() -> {
                Reply result = scripts.run(sha, ctx, keys, args, readOnly);
                return result == null ? Reply.error(NOSCRIPT) : result;
            });
        } finally {
            ctx.session().select(callerDb); // a SELECT inside a script is the script's own (Redis 7)
        }
    }

    /** SCRIPT LOAD script | EXISTS sha ... | FLUSH [ASYNC|SYNC] | KILL | HELP. */
    private static Reply script(CommandContext ctx, byte[][] argv) {
        LuaScripts scripts = ctx.engine().scripts();
        String sub = Args.text(argv[1]).toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "load" ->
                argv.length == 3
                        ? Reply.bulk(scripts.load(argv[2]))
                        : Reply.error(ErrorReplies.wrongArity("script|load"));
            case "exists" -> {
                if (argv.length < 3) {
                    yield Reply.error(ErrorReplies.wrongArity("script|exists"));
                }
                List<Reply> found = new ArrayList<>();
                for (int i = 2; i < argv.length; i++) {
                    found.add(Reply.integer(scripts.exists(Args.text(argv[i]).toLowerCase(Locale.ROOT)) ? 1 : 0));
                }
                yield new Reply.Array(found);
            }
            case "flush" -> {
                scripts.flush();
                yield Reply.OK;
            }
            // One thread runs scripts and commands alike: when SCRIPT KILL can be read, none is running.
            case "kill" -> Reply.error("NOTBUSY No scripts in execution right now.");
            default -> Reply.error("ERR unknown subcommand '" + Args.text(argv[1]) + "'. Try SCRIPT HELP.");
        };
    }
}
