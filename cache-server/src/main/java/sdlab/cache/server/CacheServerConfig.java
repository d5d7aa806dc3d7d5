package sdlab.cache.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import sdlab.cache.CacheConfig;
import sdlab.cache.persist.AppendFsync;
import sdlab.cache.store.EvictionSettings;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.LruMode;

/**
 * Everything a cache node is started with. Build one with {@link #builder()}; the defaults are
 * Redis's where Redis has one.
 *
 * @param bind the address to listen on (127.0.0.1: only this machine, as Redis's protected mode)
 * @param port the RESP port, 0 for any free port
 * @param memcachedPort the memcached port, -1 for none, 0 for any free port
 * @param engine maxmemory, eviction and password
 * @param appendOnly whether writes go to the append-only file
 * @param appendFsync when the append-only file is forced to disk
 * @param dir where the append-only and snapshot files live
 * @param savePoints when to snapshot in the background; empty for never
 * @param clientsMax Redis's maxclients
 * @param bulkBytesMax Redis's proto-max-bulk-len
 * @param inlineBytesMax the longest inline command or protocol header line
 * @param queryBufferBytesMax unparsed input a client may accumulate (client-query-buffer-limit)
 * @param queryBuffersTotalBytesMax what all clients' requests in progress may hold together (Redis 7's
 *     maxmemory-clients, here always on)
 * @param outputBufferLimits replies each class of client may leave unread before it is disconnected
 *     (client-output-buffer-limit; CONFIG SET changes them at run time)
 * @param memcachedThreads I/O threads of the memcached front door
 * @param memcachedMemoryBytes memory for memcached items (memcached's -m)
 * @param memcachedItemBytesMax the largest memcached value (memcached's -I)
 * @param transport the socket implementation of both ports: {@code auto} (epoll, NIO where epoll does
 *     not load; see {@link Transport}) or a {@link Transport#optionName() transport's name}
 */
public record CacheServerConfig(
        String bind,
        int port,
        int memcachedPort,
        CacheConfig engine,
        boolean appendOnly,
        AppendFsync appendFsync,
        Path dir,
        List<SavePoint> savePoints,
        int clientsMax,
        long bulkBytesMax,
        int inlineBytesMax,
        long queryBufferBytesMax,
        long queryBuffersTotalBytesMax,
        OutputBufferLimits outputBufferLimits,
        int memcachedThreads,
        long memcachedMemoryBytes,
        int memcachedItemBytesMax,
        String transport) {

    public static final String AOF_FILE = "appendonly.aof";
    public static final String SNAPSHOT_FILE = "dump.sdrdb";

    public CacheServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(appendFsync, "appendFsync");
        Objects.requireNonNull(dir, "dir");
        String choice = Objects.requireNonNull(transport, "transport");
        transport = Transport.parseChoice(choice)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--transport must be auto, io_uring, epoll or nio, not '" + choice + "'"));
        savePoints = List.copyOf(savePoints);
        if (port < 0 || port > 65535 || memcachedPort < -1 || memcachedPort > 65535) {
            throw new IllegalArgumentException("ports must be between 0 and 65535");
        }
        if (clientsMax < 1 || memcachedThreads < 1) {
            throw new IllegalArgumentException("maxclients and memcached threads must be at least 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path aofPath() {
        return dir.resolve(AOF_FILE);
    }

    public Path snapshotPath() {
        return dir.resolve(SNAPSHOT_FILE);
    }

    /** A builder whose defaults are those of {@code redis-server} with no configuration file. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port = 6379;
        private int memcachedPort = -1;
        private long maxmemoryBytes;
        private EvictionSettings eviction = EvictionSettings.defaults();
        private String requirePass;
        private int databases = Keyspace.DATABASES_DEFAULT;
        private boolean appendOnly;
        private AppendFsync appendFsync = AppendFsync.EVERYSEC;
        private Path dir = Path.of(".");
        private List<SavePoint> savePoints = SavePoint.REDIS_DEFAULT;
        private int clientsMax = 10_000;
        private long bulkBytesMax = 512L * 1024 * 1024;
        private int inlineBytesMax = 64 * 1024;
        private long queryBufferBytesMax = 1024L * 1024 * 1024;
        private long queryBuffersTotalBytesMax = 1024L * 1024 * 1024;
        private OutputBufferLimits outputBufferLimits = OutputBufferLimits.DEFAULT;
        private int memcachedThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private long memcachedMemoryBytes = 64L * 1024 * 1024;
        private int memcachedItemBytesMax = 1024 * 1024;
        private String transport = Transport.choiceFromProperty();

        public Builder bind(String value) {
            this.bind = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder memcachedPort(int value) {
            this.memcachedPort = value;
            return this;
        }

        public Builder maxmemoryBytes(long value) {
            this.maxmemoryBytes = value;
            return this;
        }

        public Builder evictionPolicy(String policy) {
            this.eviction = eviction.withPolicy(policy);
            return this;
        }

        public Builder lruMode(LruMode mode) {
            this.eviction = eviction.withLruMode(mode);
            return this;
        }

        public Builder requirePass(String value) {
            this.requirePass = value;
            return this;
        }

        public Builder databases(int value) {
            this.databases = value;
            return this;
        }

        public Builder appendOnly(boolean value) {
            this.appendOnly = value;
            return this;
        }

        public Builder appendFsync(AppendFsync value) {
            this.appendFsync = value;
            return this;
        }

        public Builder dir(Path value) {
            this.dir = value;
            return this;
        }

        public Builder savePoints(List<SavePoint> value) {
            this.savePoints = value;
            return this;
        }

        public Builder clientsMax(int value) {
            this.clientsMax = value;
            return this;
        }

        public Builder bulkBytesMax(long value) {
            this.bulkBytesMax = value;
            return this;
        }

        public Builder inlineBytesMax(int value) {
            this.inlineBytesMax = value;
            return this;
        }

        public Builder queryBufferBytesMax(long value) {
            this.queryBufferBytesMax = value;
            return this;
        }

        public Builder queryBuffersTotalBytesMax(long value) {
            this.queryBuffersTotalBytesMax = value;
            return this;
        }

        /** The hard limit of normal clients, the others unchanged. */
        public Builder outputBufferBytesMax(long value) {
            this.outputBufferLimits = new OutputBufferLimits(
                    new OutputBufferLimits.Limit(value, 0, 0),
                    outputBufferLimits.replica(),
                    outputBufferLimits.pubsub());
            return this;
        }

        /** Redis's {@code client-output-buffer-limit} text, such as {@code "pubsub 32mb 8mb 60"}. */
        public Builder outputBufferLimits(String text) {
            this.outputBufferLimits = outputBufferLimits.with(text);
            return this;
        }

        public Builder memcachedThreads(int value) {
            this.memcachedThreads = value;
            return this;
        }

        public Builder memcachedMemoryBytes(long value) {
            this.memcachedMemoryBytes = value;
            return this;
        }

        public Builder memcachedItemBytesMax(int value) {
            this.memcachedItemBytesMax = value;
            return this;
        }

        /** {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}; by default {@code -Dsdlab.cache.transport}'s, else auto. */
        public Builder transport(String value) {
            this.transport = value;
            return this;
        }

        public CacheServerConfig build() {
            CacheConfig engine = new CacheConfig(maxmemoryBytes, eviction, requirePass, databases);
            return new CacheServerConfig(
                    bind,
                    port,
                    memcachedPort,
                    engine,
                    appendOnly,
                    appendFsync,
                    dir,
                    savePoints,
                    clientsMax,
                    bulkBytesMax,
                    inlineBytesMax,
                    queryBufferBytesMax,
                    queryBuffersTotalBytesMax,
                    outputBufferLimits,
                    memcachedThreads,
                    memcachedMemoryBytes,
                    memcachedItemBytesMax,
                    transport);
        }
    }
}
