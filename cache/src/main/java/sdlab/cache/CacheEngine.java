package sdlab.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
 * queue the command if the client is inside MULTI, or else run the handler, and hand every
 * change to the {@link WriteLog} in a form that replays exactly. A refusal inside MULTI also
 * dooms the transaction (EXECABORT). The changes of one EXEC reach the log as one
 * {@code MULTI ... EXEC} block, so that a replay applies all of them or none. The server calls
 * {@link #activeExpireCycle} and {@link #unblockTimedOut} periodically (Redis's {@code hz}) and
 * {@link #closeSession} when a client goes away.
 *
 * <p>A blocking command (BLPOP) with nothing to pop answers {@link Reply.Blocked}: its client
 * waits in {@link BlockedClients}. After each command, keys it created are served to the
 * clients waiting on them, whose replies go out through their sessions' deferred sinks.
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
    private final RandomGenerator random;
    private final CommandTable commands = CommandTable.standard();
    private final EngineConfig config;
    private final WatchedKeys watches;
    private final PubSub pubSub = new PubSub();
    private final Monitors monitors = new Monitors();
    private final BlockedClients blocked = new BlockedClients();
    private final Map<Long, ClientSession> sessions = new LinkedHashMap<>();
    private final LuaScripts scripts;
    private final Propagation propagation = new Propagation();
    /** The client that replays the AOF: one for the whole file, since its SELECTs carry over. */
    private final ClientSession replaySession = new ClientSession(0, true);

    private ServerHooks hooks = ServerHooks.NONE;
    private long nextClientId = 1;
    private long commandsProcessed;
    private boolean replaying;
    /** How many atomic bodies (EXEC, scripts) are running, nested. */
    private int atomicDepth;
    /** True while a script's redis.call runs, so that monitors see it as the script's. */
    private boolean callingFromScript;

    /**
     * @param config the starting configuration
     * @param clockMillis epoch milliseconds (a fake clock in tests and simulations)
     * @param random every random choice the engine makes comes from here
     */
    public CacheEngine(CacheConfig config, LongSupplier clockMillis, RandomGenerator random) {
        this.clockMillis = clockMillis;
        this.random = random;
        this.keyspace =
                new Keyspace(clockMillis, random, config.maxmemoryBytes(), config.eviction(), config.databases());
        this.config = new EngineConfig(this, config.requirePass());
        this.watches = new WatchedKeys(keyspace);
        this.scripts = new LuaScripts();
        keyspace.setListener(new Propagator());
    }

    /** A session for a new client connection; authenticated already if no password is set. */
    public ClientSession newSession() {
        ClientSession session = new ClientSession(nextClientId++, config.requirePass() == null);
        session.startedAt(clockMillis.getAsLong());
        sessions.put(session.id(), session);
        return session;
    }

    /** The sessions of the clients connected now, oldest first (CLIENT LIST, CLIENT KILL). */
    Collection<ClientSession> sessions() {
        return sessions.values();
    }

    /**
     * The client of {@code session} went away: its transaction is dropped and its watched keys
     * forgotten (Redis's {@code freeClient}).
     */
    public void closeSession(ClientSession session) {
        TransactionCommands.discardTransaction(this, session.transaction());
        pubSub.forget(session);
        monitors.remove(session);
        blocked.remove(session);
        sessions.remove(session.id());
    }

    /**
     * Where changes are logged (the AOF); {@link WriteLog#NONE} by default. The log's reader is
     * assumed to have no database selected, so the first change selects one.
     */
    public void setWriteLog(WriteLog writeLog) {
        setWriteLog(writeLog, -1);
    }

    /**
     * Like {@link #setWriteLog(WriteLog)} for a log whose reader has database {@code selectedDb}
     * selected already (a new AOF starts with {@code SELECT 0}).
     */
    public void setWriteLog(WriteLog writeLog, int selectedDb) {
        propagation.setWriteLog(writeLog, selectedDb);
    }

    /**
     * The log goes on in a new stream whose reader has not seen the earlier commands (the tail an
     * AOF rewrite captures): the next change first selects its database again.
     */
    public void writeLogRestarted() {
        propagation.restarted();
    }

    /** The server around the engine; {@link ServerHooks#NONE} by default. */
    public void setServerHooks(ServerHooks hooks) {
        this.hooks = hooks;
    }

    /** Executes one command for {@code session}; {@code argv[0]} is the command name. */
    public Reply execute(ClientSession session, byte[][] argv) {
        assert argv.length > 0 : "empty command";
        Transaction tx = session.transaction();
        CommandSpec spec = commands.lookup(argv[0]);
        if (spec == null) {
            return reject(session, null, ErrorReplies.unknownCommand(argv));
        }
        if (!spec.arityAccepts(argv.length)) {
            return reject(session, spec, ErrorReplies.wrongArity(spec.name()));
        }
        if (!session.authenticated() && !spec.has(CommandFlag.NO_AUTH)) {
            return reject(session, spec, ErrorReplies.NOAUTH);
        }
        if (session.protocol() == 2
                && session.subscriptions().count() > 0
                && !PubSubCommands.allowedWhileSubscribed(spec)) {
            return reject(session, spec, PubSubCommands.notAllowedWhileSubscribed(spec));
        }
        if (tx.open() && spec.has(CommandFlag.NO_MULTI)) {
            return reject(session, spec, ErrorReplies.NOT_IN_MULTI);
        }
        if (keyspace.maxmemoryBytes() > 0) {
            EvictionOutcome outcome = keyspace.evictToFit(EVICTIONS_PER_COMMAND_MAX);
            if (outcome == EvictionOutcome.CANNOT_EVICT && mayGrowMemory(spec, tx)) {
                return reject(session, spec, ErrorReplies.OOM);
            }
        }
        if (spec.has(CommandFlag.WRITE) || spec.name().equals("ping")) {
            // Redis refuses PING too, so that a health check notices the disk error.
            String refusal = hooks.writesRefusedBecause();
            if (refusal != null) {
                return reject(session, spec, refusal);
            }
        }
        if (session.monitoring() && MonitorCommands.refusedToMonitor(spec)) {
            return reject(session, spec, MonitorCommands.REFUSED_TO_MONITOR);
        }
        if (tx.open() && !TransactionCommands.runsInsideMulti(spec)) {
            tx.queue(spec, argv);
            return TransactionCommands.QUEUED;
        }
        Reply reply = run(spec, session, argv);
        if (blocked.hasReadyKeys()) {
            blocked.serveReadyKeys(keyspace, this::serveBlocked);
        }
        Reply ownLine = session.monitoring() ? session.takeOwnMonitorLine() : null;
        return ownLine == null ? reply : new Reply.Sequence(List.of(reply, ownLine));
    }

    /**
     * Whether a command must be refused when memory is full: a DENYOOM command, an EXEC whose
     * queue holds one, and inside MULTI anything but EXEC, DISCARD and QUIT, since a queue could
     * otherwise grow without limit.
     */
    private static boolean mayGrowMemory(CommandSpec spec, Transaction tx) {
        if (spec.has(CommandFlag.DENYOOM)) {
            return true;
        }
        if (TransactionCommands.isExec(spec)) {
            return tx.queuedDenyoom();
        }
        return tx.open() && !TransactionCommands.runsWhenOutOfMemory(spec);
    }

    /**
     * Refuses a command before it runs (Redis's {@code rejectCommand}): inside MULTI this dooms
     * the transaction, and a refused EXEC discards it at once.
     */
    private Reply reject(ClientSession session, CommandSpec spec, String error) {
        Transaction tx = session.transaction();
        tx.markQueueFailed();
        if (spec != null && TransactionCommands.isExec(spec)) {
            TransactionCommands.discardTransaction(this, tx);
            return Reply.error(ErrorReplies.execAborted(error));
        }
        return Reply.error(error);
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
            return run(spec, replaySession, argv);
        } finally {
            replaying = false;
        }
    }

    /** One run of active expiry (the server calls this about ten times a second); returns keys expired. */
    public int activeExpireCycle() {
        return keyspace.activeExpireCycle(EXPIRE_KEYS_PER_ROUND, EXPIRE_STALE_PERCENT, EXPIRE_ROUNDS_MAX);
    }

    /**
     * Answers nil to the blocked clients whose timeout has passed; returns how many. The server
     * calls it with its cron, as often as the timeouts' resolution requires.
     */
    public int unblockTimedOut() {
        return blocked.unblockTimedOut(clockMillis.getAsLong());
    }

    /**
     * How long until the wait of {@code session} times out, in milliseconds by the engine's
     * clock: -1 if it does not wait or waits without a timeout. A server can set a timer with it.
     */
    public long blockedRemainingMillis(ClientSession session) {
        long deadlineMillis = blocked.deadlineMillis(session);
        if (deadlineMillis == BlockTimeout.FOREVER) {
            return -1;
        }
        return Math.max(0, deadlineMillis - clockMillis.getAsLong());
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

    PubSub pubSub() {
        return pubSub;
    }

    Monitors monitors() {
        return monitors;
    }

    /** True inside EXEC or a script, whose commands must each get exactly one reply. */
    boolean insideAtomicBody() {
        return atomicDepth > 0;
    }

    WatchedKeys watches() {
        return watches;
    }

    BlockedClients blockedClients() {
        return blocked;
    }

    /** Commands may block only at the top level: not inside EXEC or a script, nor in a replay. */
    boolean blockingAllowed() {
        return atomicDepth == 0 && !replaying;
    }

    /**
     * Serves one blocked client from a ready key: its pop runs as a command of the client's own,
     * and its change is logged as the non-blocking command the pop set.
     */
    private Reply serveBlocked(ClientSession waiter, BlockedPop request, byte[] key) {
        CommandContext ctx = new CommandContext(this, waiter, clockMillis.getAsLong(), 0);
        long dirtyBefore = keyspace.dirty();
        Reply reply;
        try {
            reply = request.pop().serve(ctx, key);
        } catch (CommandException e) {
            reply = e.reply(); // BLMOVE's destination is of another type: WRONGTYPE, as Redis answers
        }
        if (keyspace.dirty() != dirtyBefore) {
            assert ctx.propagation() != null : "a served pop must say how it is logged";
            propagation.log(waiter.db(), ctx.propagation());
        }
        return reply;
    }

    /**
     * Runs the queued commands of an EXEC one after another and answers each one's reply, errors
     * included: a command that fails at run time does not stop the others. Their changes are
     * logged as one MULTI ... EXEC block, opened at the first change, so that the log never
     * holds part of a transaction without its end.
     */
    Reply runTransaction(ClientSession session, List<Transaction.Queued> queued) {
        return atomically(() -> {
            List<Reply> replies = new ArrayList<>(queued.size());
            for (Transaction.Queued command : queued) {
                replies.add(run(command.spec(), session, command.argv()));
            }
            return new Reply.Array(replies);
        });
    }

    /**
     * Runs {@code body} (an EXEC, a script) so that the changes it makes reach the log as one
     * MULTI ... EXEC block. Inside another such body it simply runs: a script within EXEC shares
     * the transaction's block.
     */
    Reply atomically(Supplier<Reply> body) {
        if (atomicDepth > 0) {
            return body.get();
        }
        atomicDepth++;
        propagation.beginBlock();
        try {
            return body.get();
        } finally {
            propagation.endBlock();
            atomicDepth--;
        }
    }

    /**
     * Runs a command that a script called (redis.call): the command's own checks, but no
     * queueing, eviction or authentication, which belong to the script as a whole.
     */
    Reply callFromScript(ClientSession session, byte[][] argv, boolean readOnly) {
        CommandSpec spec = commands.lookup(argv[0]);
        if (spec == null) {
            return Reply.error("ERR Unknown Redis command called from script");
        }
        if (!spec.arityAccepts(argv.length)) {
            return Reply.error("ERR Wrong number of args calling Redis command from script");
        }
        if (ScriptCommands.refusedInScripts(spec)) {
            return Reply.error("ERR This Redis command is not allowed from script");
        }
        if (readOnly && spec.has(CommandFlag.WRITE)) {
            return Reply.error("ERR Write commands are not allowed from read-only scripts.");
        }
        callingFromScript = true;
        try {
            return run(spec, session, argv);
        } finally {
            callingFromScript = false;
        }
    }

    LuaScripts scripts() {
        return scripts;
    }

    long nowMillis() {
        return clockMillis.getAsLong();
    }

    /** The source of commands' random choices (SPOP, SRANDMEMBER, HRANDFIELD, RANDOMKEY): the run's seed. */
    RandomGenerator random() {
        return random;
    }

    private Reply run(CommandSpec spec, ClientSession session, byte[][] argv) {
        CommandContext ctx = new CommandContext(this, session, clockMillis.getAsLong(), argv.length);
        if (!monitors.isEmpty() && !replaying && Monitors.shownBeforeRunning(spec)) {
            feedMonitors(session, argv, ctx.nowMillis()); // a script's line comes before its commands' lines
        }
        session.ran(spec.name(), ctx.nowMillis());
        long dirtyBefore = keyspace.dirty();
        Reply reply;
        try {
            reply = spec.handler().handle(ctx, argv);
        } catch (CommandException e) {
            reply = e.reply();
        }
        commandsProcessed++;
        if (!monitors.isEmpty() && !replaying && Monitors.shown(spec, argv) && !Monitors.shownBeforeRunning(spec)) {
            feedMonitors(session, argv, ctx.nowMillis());
        }
        // A read command that changed data on purpose (PFCOUNT caching its estimate) asks to be logged.
        byte[][] logged = ctx.propagation();
        boolean mayLog = spec.has(CommandFlag.WRITE) || logged != null;
        if (mayLog && keyspace.dirty() != dirtyBefore && !replaying) {
            propagation.log(session.db(), logged != null ? logged : argv);
        }
        return reply;
    }

    /**
     * Shows a command that ran to the monitors. A monitoring client's own command is shown to it
     * after the command's reply, as Redis orders them, except inside EXEC or a script, where
     * the reply is not sent yet.
     */
    private void feedMonitors(ClientSession session, byte[][] argv, long nowMillis) {
        String address = callingFromScript ? "lua" : session.address();
        boolean ownLater = session.monitoring() && atomicDepth == 0;
        Reply line = monitors.feed(session, ownLater ? session : null, address, nowMillis, argv);
        if (ownLater) {
            session.setOwnMonitorLine(line);
        }
    }

    /**
     * Logs keys that expire or are evicted as DEL, as Redis propagates them, and tells WATCH
     * about every touched key.
     */
    private final class Propagator implements KeyspaceListener {
        @Override
        public void keyExpired(int db, Key key) {
            if (!replaying) {
                propagation.log(db, new byte[][] {DEL, key.bytes()});
            }
            watches.touched(db, key);
        }

        @Override
        public void keyEvicted(int db, Key key) {
            if (!replaying) {
                propagation.log(db, new byte[][] {DEL, key.bytes()});
            }
            watches.touched(db, key);
        }

        @Override
        public void keyChanged(int db, Key key) {
            watches.touched(db, key);
        }

        @Override
        public void keyAdded(int db, Key key) {
            blocked.keyAdded(db, key);
        }

        @Override
        public void beforeFlush(int db) {
            watches.beforeFlush(db);
        }
    }
}
