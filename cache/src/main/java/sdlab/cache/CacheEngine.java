package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import sdlab.cache.store.EvictionOutcome;
import sdlab.cache.store.Key;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.KeyspaceListener;

/**
 * The cache engine: a keyspace and the Redis commands that act on it. Pure and
 * single-threaded: no I/O, threads or clock of its own, so it runs unchanged in the
 * deterministic simulator and behind the RESP server.
 *
 * <p>{@link #execute} is Redis's {@code processCommand}: look the command up (unknown command
 * error), check its arity (wrong number of arguments), check authentication (NOAUTH), make
 * room under maxmemory (OOM for commands that would grow memory when nothing can be evicted),
 * run the handler, and hand every change to the {@link WriteLog} in a form that replays
 * exactly. The server calls {@link #activeExpireCycle} periodically (Redis's {@code hz}).
 */
public final class CacheEngine {
    /** Active expiry: keys sampled per round and the stale share that justifies another round (Redis's values). */
    static final int EXPIRE_KEYS_PER_ROUND = 20;

    static final int EXPIRE_STALE_PERCENT = 10;
    /** Rounds per cycle: stands in for Redis's 25% CPU time limit, deterministically. */
    static final int EXPIRE_ROUNDS_MAX = 16;
    /** Evictions per command before the command runs anyway (Redis bounds this by time). */
    static final int EVICTIONS_PER_COMMAND_MAX = 10_000;

    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    private final Keyspace keyspace;
    private final LongSupplier clockMillis;
    private final CommandTable commands = CommandTable.standard();
    private final EngineConfig config;
    private WriteLog writeLog = WriteLog.NONE;
    private ServerHooks hooks = ServerHooks.NONE;
    private long nextClientId = 1;
    private long commandsProcessed;
    private boolean replaying;

    /**
     * @param config the starting configuration
     * @param clockMillis epoch milliseconds (a fake clock in tests and simulations)
     * @param random every random choice the engine makes comes from here
     */
    public CacheEngine(CacheConfig config, LongSupplier clockMillis, RandomGenerator random) {
        this.clockMillis = clockMillis;
        this.keyspace = new Keyspace(clockMillis, random, config.maxmemoryBytes(), config.eviction());
        this.config = new EngineConfig(this, config.requirePass());
        keyspace.setListener(new Propagator());
    }

    /** A session for a new client connection; authenticated already if no password is set. */
    public ClientSession newSession() {
        return new ClientSession(nextClientId++, config.requirePass() == null);
    }

    /** Where changes are logged (the AOF); {@link WriteLog#NONE} by default. */
    public void setWriteLog(WriteLog writeLog) {
        this.writeLog = writeLog;
    }

    /** The server around the engine; {@link ServerHooks#NONE} by default. */
    public void setServerHooks(ServerHooks hooks) {
        this.hooks = hooks;
    }

    /** Executes one command for {@code session}; {@code argv[0]} is the command name. */
    public Reply execute(ClientSession session, byte[][] argv) {
        assert argv.length > 0 : "empty command";
        CommandSpec spec = commands.lookup(argv[0]);
        if (spec == null) {
            return Reply.error(ErrorReplies.unknownCommand(argv));
        }
        if (!spec.arityAccepts(argv.length)) {
            return Reply.error(ErrorReplies.wrongArity(spec.name()));
        }
        if (!session.authenticated() && !spec.has(CommandFlag.NO_AUTH)) {
            return Reply.error(ErrorReplies.NOAUTH);
        }
        if (keyspace.maxmemoryBytes() > 0) {
            EvictionOutcome outcome = keyspace.evictToFit(EVICTIONS_PER_COMMAND_MAX);
            if (outcome == EvictionOutcome.CANNOT_EVICT && spec.has(CommandFlag.DENYOOM)) {
                return Reply.error(ErrorReplies.OOM);
            }
        }
        return run(spec, session, argv);
    }

    /**
     * Re-executes a logged command while loading the append-only file: no authentication,
     * eviction or logging. Returns the reply, which is an error if the log was not ours.
     */
    public Reply replay(byte[][] argv) {
        CommandSpec spec = commands.lookup(argv[0]);
        if (spec == null || !spec.arityAccepts(argv.length)) {
            return Reply.error(spec == null ? ErrorReplies.unknownCommand(argv) : ErrorReplies.wrongArity(spec.name()));
        }
        replaying = true;
        try {
            return run(spec, new ClientSession(0, true), argv);
        } finally {
            replaying = false;
        }
    }

    /** One run of active expiry (the server calls this about ten times a second); returns keys expired. */
    public int activeExpireCycle() {
        return keyspace.activeExpireCycle(EXPIRE_KEYS_PER_ROUND, EXPIRE_STALE_PERCENT, EXPIRE_ROUNDS_MAX);
    }

    /** Continues evicting after a command stopped at its per-command bound. */
    public EvictionOutcome evictToFit() {
        return keyspace.evictToFit(EVICTIONS_PER_COMMAND_MAX);
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    CommandTable commands() {
        return commands;
    }

    /** Commands executed so far ({@code total_commands_processed}). */
    public long commandsProcessed() {
        return commandsProcessed;
    }

    /** The engine's configuration parameters and the server's, as CONFIG sees them. */
    public EngineConfig config() {
        return config;
    }

    /** The INFO report: the engine's fields, then the server's. */
    public InfoReport info() {
        InfoReport info = new InfoReport();
        EngineInfo.describe(this, info);
        hooks.describe(info);
        return info;
    }

    ServerHooks hooks() {
        return hooks;
    }

    long nowMillis() {
        return clockMillis.getAsLong();
    }

    private Reply run(CommandSpec spec, ClientSession session, byte[][] argv) {
        CommandContext ctx = new CommandContext(this, session, clockMillis.getAsLong(), argv.length);
        long dirtyBefore = keyspace.dirty();
        Reply reply;
        try {
            reply = spec.handler().handle(ctx, argv);
        } catch (CommandException e) {
            reply = e.reply();
        }
        commandsProcessed++;
        if (spec.has(CommandFlag.WRITE) && keyspace.dirty() != dirtyBefore && !replaying) {
            byte[][] logged = ctx.propagation();
            writeLog.append(logged != null ? logged : argv);
        }
        return reply;
    }

    /** Logs keys that expire or are evicted as DEL, as Redis propagates them. */
    private final class Propagator implements KeyspaceListener {
        @Override
        public void keyExpired(Key key) {
            if (!replaying) {
                writeLog.append(new byte[][] {DEL, key.bytes()});
            }
        }

        @Override
        public void keyEvicted(Key key) {
            if (!replaying) {
                writeLog.append(new byte[][] {DEL, key.bytes()});
            }
        }
    }
}
