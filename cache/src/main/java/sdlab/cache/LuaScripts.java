package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.MathLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The Lua side of EVAL: one interpreter (LuaJ, Lua 5.1) for the whole engine, the cache of
 * scripts by SHA-1, and the {@code redis} table through which a script runs commands.
 *
 * <p>Scripts run on the engine's thread, between commands, so each is atomic as in Redis. What
 * Redis removes is removed: no {@code io}, {@code os}, {@code debug}, file loading or module
 * loading. {@code math.random} is Redis's: the same 48-bit generator, seeded alike before each
 * script, so a script's effects do not depend on when it ran. A script that runs away is
 * stopped after {@link #INSTRUCTIONS_MAX} Lua instructions: with one engine thread no other
 * client could send SCRIPT KILL, so the limit is counted, not timed, which also keeps runs
 * deterministic.
 */
final class LuaScripts {
    /** About five seconds of a tight loop on this machine: Redis's lua-time-limit, counted. */
    static final long INSTRUCTIONS_MAX = 200_000_000L;

    private static final long RAND48_MULTIPLIER = 0x5DEECE66DL;
    private static final long RAND48_MASK = (1L << 48) - 1;
    private static final int SCRIPTS_MAX = 100_000;

    private final Globals globals = new Globals();
    private final InstructionBudget budget = new InstructionBudget();
    private final Map<String, LuaFunction> bySha = new LinkedHashMap<>();
    private final LuaTable redis = new LuaTable();
    private long rand48;
    /** The call running now: whose commands redis.call runs, and whether they may write. */
    private CommandContext current;

    private boolean readOnly;

    LuaScripts() {
        globals.load(new BaseLib());
        globals.load(new PackageLib());
        globals.load(new Bit32Lib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new MathLib());
        globals.load(budget);
        LoadState.install(globals);
        LuaC.install(globals);
        for (String removed :
                new String[] {"debug", "dofile", "loadfile", "require", "module", "package", "io", "os"}) {
            globals.set(removed, LuaValue.NIL);
        }
        LuaTable math = (LuaTable) globals.get("math");
        math.set("random", new Random());
        math.set("randomseed", new RandomSeed());
        redis.set("call", new Call(true));
        redis.set("pcall", new Call(false));
        redis.set("error_reply", new Field(LuaString.valueOf("err")));
        redis.set("status_reply", new Field(LuaString.valueOf("ok")));
        redis.set("sha1hex", new Sha1Hex());
        redis.set("log", new NoOp());
        redis.set("setresp", new NoOp());
        redis.set("set_repl", new NoOp());
        redis.set("replicate_commands", new True());
        for (String level : new String[] {"LOG_DEBUG", "LOG_VERBOSE", "LOG_NOTICE", "LOG_WARNING"}) {
            redis.set(level, LuaValue.valueOf(level.length()));
        }
        globals.set("redis", redis);
    }

    /** Compiles and caches {@code source}; returns its SHA-1, or throws the compiler's error as a reply. */
    String load(byte[] source) {
        String sha = sha1(source);
        if (!bySha.containsKey(sha)) {
            if (bySha.size() >= SCRIPTS_MAX) {
                bySha.remove(bySha.keySet().iterator().next()); // the oldest goes, as a bounded cache must
            }
            try {
                bySha.put(sha, (LuaFunction)
                        globals.load(new String(source, StandardCharsets.ISO_8859_1), "@user_script"));
            } catch (LuaError e) {
                throw new CommandException("ERR Error compiling script (new function): " + e.getMessage());
            }
        }
        return sha;
    }

    boolean exists(String sha) {
        return bySha.containsKey(sha);
    }

    void flush() {
        bySha.clear();
    }

    /** Runs the cached script {@code sha} with its KEYS and ARGV; null if no such script. */
    Reply run(String sha, CommandContext ctx, byte[][] keys, byte[][] args, boolean readOnlyScript) {
        LuaFunction script = bySha.get(sha);
        if (script == null) {
            return null;
        }
        globals.set("KEYS", strings(keys));
        globals.set("ARGV", strings(args));
        rand48 = 0;
        current = ctx;
        readOnly = readOnlyScript;
        budget.remaining = INSTRUCTIONS_MAX;
        try {
            return LuaReplies.toReply(script.call());
        } catch (LuaError e) {
            LuaValue raised = e.getMessageObject();
            if (raised instanceof LuaTable table && table.rawget("err").isstring()) {
                // As Redis 7.0 does, a command error that ends the script says which script and line raised it.
                String where = e instanceof CommandError raisedByCall ? raisedByCall.where() : "@user_script:?";
                return Reply.error(table.rawget("err").tojstring() + " script: " + sha + ", on " + where + ".");
            }
            return Reply.error("ERR " + e.getMessage() + " script: " + sha);
        } catch (InstructionBudget.Exhausted e) {
            return Reply.error("ERR Script killed: it ran past " + INSTRUCTIONS_MAX
                    + " Lua instructions (the counted lua-time-limit). script: " + sha);
        } finally {
            current = null;
        }
    }

    static String sha1(byte[] source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static LuaTable strings(byte[][] values) {
        LuaTable table = new LuaTable(values.length, 0);
        for (int i = 0; i < values.length; i++) {
            table.rawset(i + 1, LuaString.valueOf(values[i]));
        }
        return table;
    }

    /** redis.call (raises a command's error) and redis.pcall (returns it as {err=...}). */
    private final class Call extends VarArgFunction {
        private final boolean raise;

        Call(boolean raise) {
            this.raise = raise;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() == 0) {
                return fail("Please specify at least one argument for this redis lib call");
            }
            byte[][] argv = new byte[args.narg()][];
            for (int i = 0; i < argv.length; i++) {
                argv[i] = LuaReplies.argument(args.arg(i + 1));
                if (argv[i] == null) {
                    return fail("Lua redis lib command arguments must be strings or integers");
                }
            }
            Reply reply = current.engine().callFromScript(current.session(), argv, readOnly);
            if (raise && reply instanceof Reply.Error error) {
                throw new CommandError(LuaReplies.table(LuaString.valueOf("err"), error.text()));
            }
            return LuaReplies.toLua(reply);
        }

        private Varargs fail(String message) {
            LuaTable error = LuaReplies.table(LuaString.valueOf("err"), "ERR " + message);
            if (raise) {
                throw new LuaError(error);
            }
            return error;
        }
    }

    /** The error a command raised through redis.call; the interpreter fills in the line it was called from. */
    private static final class CommandError extends LuaError {
        private static final long serialVersionUID = 1L;

        CommandError(LuaValue error) {
            super(error);
        }

        /** {@code @user_script:LINE}, as Redis names the place. */
        String where() {
            if (fileline == null) {
                return "@user_script:?";
            }
            String line = fileline.substring(fileline.lastIndexOf(':') + 1);
            return "@user_script:" + line;
        }
    }

    /** redis.error_reply(text) and redis.status_reply(text): a table with one field. */
    private static final class Field extends VarArgFunction {
        private final LuaString name;

        Field(LuaString name) {
            this.name = name;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaTable table = new LuaTable();
            table.rawset(name, args.checkstring(1));
            return table;
        }
    }

    private static final class Sha1Hex extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            return LuaValue.valueOf(sha1(LuaReplies.bytes(args.checkstring(1))));
        }
    }

    private static final class NoOp extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            return LuaValue.NONE;
        }
    }

    private static final class True extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            return LuaValue.TRUE;
        }
    }

    /** math.random as Redis has it: redisLrand48, 31 bits a draw, seeded alike for every script. */
    private final class Random extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            rand48 = (rand48 * RAND48_MULTIPLIER + 0xB) & RAND48_MASK;
            double unit = (double) (rand48 >>> 17) / (1L << 31);
            return switch (args.narg()) {
                case 0 -> LuaValue.valueOf(unit);
                case 1 -> LuaValue.valueOf(1 + (int) Math.floor(unit * args.checkint(1)));
                default ->
                    LuaValue.valueOf(
                            args.checkint(1) + (int) Math.floor(unit * (args.checkint(2) - args.checkint(1) + 1)));
            };
        }
    }

    private final class RandomSeed extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            rand48 = args.checklong(1) & RAND48_MASK;
            return LuaValue.NONE;
        }
    }

    /**
     * Counts instructions through LuaJ's debug hook point and stops a script past its budget,
     * with an {@link Error} so that a script's own pcall cannot swallow it.
     */
    private static final class InstructionBudget extends DebugLib {
        long remaining;

        static final class Exhausted extends Error {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super("instruction budget exhausted", null, false, false);
            }
        }

        @Override
        public void onInstruction(int pc, Varargs v, int top) {
            if (--remaining < 0) {
                throw new Exhausted();
            }
        }
    }
}
