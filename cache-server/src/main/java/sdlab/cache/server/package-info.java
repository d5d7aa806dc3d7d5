/**
 * The real cache node ({@code sdlab node cache}): the pure engine of {@code sdlab.cache} behind
 * Netty sockets and real files, so that redis-cli, Jedis, Lettuce and memcached clients work
 * unchanged.
 *
 * <ul>
 *   <li><b>RESP front door</b> ({@link sdlab.cache.server.RespConnection}): RESP2 and RESP3
 *       (HELLO 3), pipelining, inline commands; requests are parsed straight from Netty's
 *       buffers and executed on one event-loop thread, so commands are serial as in Redis;
 *       replies of one loop iteration are flushed together after the append-only file is
 *       written (Redis's beforeSleep). Protocol errors answer {@code -ERR Protocol error: ...}
 *       and close the connection, with Redis's texts and limits.
 *   <li><b>Persistence</b>: the append-only file in Redis's own format with appendfsync always /
 *       everysec / no ({@link sdlab.cache.server.AofFile}, a thin adapter: when to write, when
 *       to fsync and which replies may go are decided by {@link sdlab.cache.persist.AofWriter},
 *       the same code chapter 11 runs over the simulator's disk); BGREWRITEAOF and BGSAVE without
 *       fork, by incremental copy-on-write snapshots ({@link sdlab.cache.server.AofRewrite},
 *       {@link sdlab.cache.server.BackgroundSave}); recovery that truncates a torn tail and
 *       refuses damage ({@link sdlab.cache.server.PersistenceLoader}). Snapshots use sdlab's
 *       own file format ({@code dump.sdrdb}), not Redis's RDB. Every durable write, force and
 *       rename goes through a {@link sdlab.cache.server.FileLayer}, so that tests can cut the
 *       power under a running node and keep only what it forced.
 *   <li><b>Memcached front door</b> ({@link sdlab.cache.server.MemcachedConnection}): the text
 *       protocol on several threads over a separate, lock-striped store; nothing persisted.
 * </ul>
 *
 * <p>Not implemented: replication, cluster, transactions, pub/sub, scripting, TLS, ACL users
 * beyond {@code default}, multiple databases.
 */
package sdlab.cache.server;
