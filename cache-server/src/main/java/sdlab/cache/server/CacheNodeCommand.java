package sdlab.cache.server;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sdlab.cache.MemorySize;
import sdlab.cache.persist.AppendFsync;
import sdlab.cache.store.EvictionSettings;
import sdlab.cache.store.LruMode;

/**
 * {@code sdlab node cache}: runs a cache node that redis-cli, Redis client libraries and (with
 * {@code --memcached-port}) memcached clients use unchanged. Options are named like
 * redis-server's configuration directives.
 */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a cache node speaking the Redis protocol (RESP2/RESP3) and, optionally, memcached's text protocol.",
            "Data survives restarts through an append-only file and/or snapshots in --dir."
        })
public final class CacheNodeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "RESP port (default: ${DEFAULT-VALUE}; 0 picks a free port)")
    int port = 6379;

    @Option(names = "--bind", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind = "127.0.0.1";

    @Option(names = "--memcached-port", description = "memcached text-protocol port (default: off)")
    int memcachedPort = -1;

    @Option(names = "--maxmemory", description = "memory limit, e.g. 100mb or 1gb (default: no limit)")
    String maxmemory = "0";

    @Option(
            names = "--maxmemory-policy",
            description = "eviction policy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
            completionCandidates = Policies.class)
    String maxmemoryPolicy = "noeviction";

    @Option(
            names = "--lru-mode",
            description = "how the LRU policies find victims: exact or sampled (default: ${DEFAULT-VALUE})")
    String lruMode = "sampled";

    @Option(
            names = "--appendonly",
            description = "yes to log every write to appendonly.aof (default: ${DEFAULT-VALUE})")
    String appendOnly = "no";

    @Option(names = "--appendfsync", description = "always, everysec or no (default: ${DEFAULT-VALUE})")
    String appendFsync = "everysec";

    @Option(names = "--dir", description = "directory of appendonly.aof and dump.sdrdb (default: ${DEFAULT-VALUE})")
    Path dir = Path.of(".");

    @Option(names = "--requirepass", description = "password clients must AUTH with (default: none)")
    String requirePass;

    @Option(names = "--databases", description = "number of databases, SELECT 0 to N-1 (default: ${DEFAULT-VALUE})")
    int databases = 16;

    @Option(
            names = "--save",
            description =
                    "snapshot rules as pairs of <seconds> <changes>; \"\" for none (default: \"${DEFAULT-VALUE}\")")
    String save = "3600 1 300 100 60 10000";

    @Option(names = "--maxclients", description = "most simultaneous clients (default: ${DEFAULT-VALUE})")
    int maxClients = 10_000;

    @Option(names = "--memcached-threads", description = "memcached I/O threads (default: number of cores)")
    int memcachedThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--memcached-memory", description = "memory for memcached items (default: ${DEFAULT-VALUE})")
    String memcachedMemory = "64mb";

    @Option(
            names = "--client-query-buffer-limit",
            description = "most one client's unfinished request may hold (default: ${DEFAULT-VALUE})")
    String clientQueryBufferLimit = "1gb";

    @Option(
            names = "--maxmemory-clients",
            description = "most all clients' unfinished requests may hold together; a client that would pass it is"
                    + " disconnected (default: ${DEFAULT-VALUE})")
    String maxmemoryClients = "1gb";

    @Option(
            names = "--client-output-buffer-limit",
            description =
                    "replies a client may leave unread, as in redis.conf: '<normal|pubsub> <hard> <soft> <seconds>'"
                            + " ... (default: normal 256mb 0 0, pubsub 32mb 8mb 60)")
    String clientOutputBufferLimit = "";

    @Option(
            names = "--transport",
            description = "socket implementation of both ports: auto (epoll, or nio where epoll does not load),"
                    + " io_uring (Linux 5.1+, where the kernel permits it), epoll or nio. Default: the system"
                    + " property sdlab.cache.transport, else auto")
    String transport;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The policy names, for help and completion. */
    static final class Policies implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return EvictionSettings.POLICIES.iterator();
        }
    }

    @Override
    public Integer call() {
        CacheServerConfig config = toConfig();
        CacheServer server = new CacheServer(config);
        try {
            server.start();
        } catch (CacheStartupException e) {
            spec.commandLine().getErr().println("sdlab node cache: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "cache-shutdown-hook"));
        spec.commandLine()
                .getOut()
                .printf(
                        "cache node ready on %s:%d%s%n",
                        config.bind(),
                        server.port(),
                        server.memcachedPort() < 0
                                ? ""
                                : ", memcached on port " + server.memcachedPort() + " ("
                                        + server.memcachedTransport().orElseThrow() + ")");
        spec.commandLine().getOut().flush();
        server.awaitStop();
        return 0;
    }

    /** Checks every option and builds the node's configuration; bad values are usage errors. */
    CacheServerConfig toConfig() {
        try {
            return CacheServerConfig.builder()
                    .port(port)
                    .bind(bind)
                    .memcachedPort(memcachedPort)
                    .maxmemoryBytes(memory("--maxmemory", maxmemory))
                    .evictionPolicy(maxmemoryPolicy)
                    .lruMode(LruMode.parse(lruMode))
                    .appendOnly(yesNo("--appendonly", appendOnly))
                    .appendFsync(AppendFsync.parse(appendFsync))
                    .dir(dir)
                    .requirePass(requirePass)
                    .databases(databases)
                    .savePoints(SavePoint.parseAll(save))
                    .clientsMax(maxClients)
                    .memcachedThreads(memcachedThreads)
                    .memcachedMemoryBytes(memory("--memcached-memory", memcachedMemory))
                    .queryBufferBytesMax(memory("--client-query-buffer-limit", clientQueryBufferLimit))
                    .queryBuffersTotalBytesMax(memory("--maxmemory-clients", maxmemoryClients))
                    .outputBufferLimits(clientOutputBufferLimit)
                    .transport(transport == null ? Transport.choiceFromProperty() : transport)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static long memory(String option, String value) {
        OptionalLong bytes = MemorySize.parse(value);
        if (bytes.isEmpty()) {
            throw new IllegalArgumentException(
                    option + " must be a size such as 100mb, 1gb or 1048576, not '" + value + "'");
        }
        return bytes.getAsLong();
    }

    private static boolean yesNo(String option, String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException(option + " must be yes or no, not '" + value + "'");
        };
    }
}
