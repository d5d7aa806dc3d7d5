/**
 * The cache engine: Redis's data model and commands as a pure, single-threaded state
 * machine, used by the real cache node ({@code sdlab.cache.server}) and by simulated nodes.
 *
 * <p>{@link sdlab.cache.CacheEngine#execute} takes a command as Redis receives it (an array of
 * binary arguments) and returns a {@link sdlab.cache.Reply}, a protocol-independent value that
 * the RESP front door encodes as RESP2 or RESP3. Commands are found in a
 * {@link sdlab.cache.CommandTable} (name, arity, flags, handler) and answer bad input with
 * Redis 7's exact error texts ({@code ERR wrong number of arguments for 'get' command},
 * {@code WRONGTYPE ...}, {@code ERR unknown command 'foo', with args beginning with: ...}).
 *
 * <p>Every change is handed to a {@link sdlab.cache.WriteLog} in the form Redis 7 propagates it
 * to its append-only file: relative expiries become absolute ({@code SET ... PXAT},
 * {@code PEXPIREAT}), and keys removed by expiry or eviction become {@code DEL}, so that
 * replaying the log rebuilds the same keyspace at any later time.
 *
 * <p>Blocking pops (BLPOP and its kin) never block a thread: a client with nothing to pop is
 * answered {@link sdlab.cache.Reply.Blocked} and waits in the engine's wait queues, to be
 * served after a later command creates one of its keys, or answered nil when
 * {@link sdlab.cache.CacheEngine#unblockTimedOut} finds its timeout passed by the engine's
 * clock. The late reply goes out through the session's deferred sink.
 *
 * <p>What it does not do: no I/O, threads or clock of its own (the build's forbidden-apis check
 * rejects them); persistence, sockets and timers belong to the server, which reaches the
 * engine through {@link sdlab.cache.ServerHooks}. No replication or cluster mode.
 */
package sdlab.cache;
