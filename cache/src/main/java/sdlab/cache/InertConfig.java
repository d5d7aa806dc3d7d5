package sdlab.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The redis.conf parameters this node accepts without acting on them, each with Redis 7.0's
 * default. Test harnesses and client tools set them as a matter of course
 * ({@code CONFIG SET list-max-ziplist-size 5}); refusing them stops those programs, while
 * pretending they act would mislead. So CONFIG SET stores the value and CONFIG GET returns it,
 * and the read-only parameter {@code sdlab-no-effect} lists every one of them.
 */
final class InertConfig {
    static final String NO_EFFECT_LIST = "sdlab-no-effect";

    private static final String[][] DEFAULTS = {
        {"timeout", "0"},
        {"tcp-keepalive", "300"},
        {"tcp-backlog", "511"},
        {"loglevel", "notice"},
        {"logfile", ""},
        {"syslog-enabled", "no"},
        {"protected-mode", "yes"},
        {"daemonize", "no"},
        {"supervised", "no"},
        {"pidfile", ""},
        {"hz", "10"},
        {"dynamic-hz", "yes"},
        {"rdbcompression", "yes"},
        {"rdbchecksum", "yes"},
        {"stop-writes-on-bgsave-error", "yes"},
        {"rdb-del-sync-files", "no"},
        {"replica-serve-stale-data", "yes"},
        {"replica-read-only", "yes"},
        {"repl-diskless-sync", "yes"},
        {"repl-diskless-sync-delay", "5"},
        {"repl-backlog-size", "1048576"},
        {"repl-timeout", "60"},
        {"min-replicas-to-write", "0"},
        {"min-replicas-max-lag", "10"},
        {"replica-priority", "100"},
        {"lazyfree-lazy-eviction", "no"},
        {"lazyfree-lazy-expire", "no"},
        {"lazyfree-lazy-server-del", "no"},
        {"lazyfree-lazy-user-del", "no"},
        {"lazyfree-lazy-user-flush", "no"},
        {"replica-lazy-flush", "no"},
        {"io-threads", "1"},
        {"io-threads-do-reads", "no"},
        {"oom-score-adj", "no"},
        {"disable-thp", "yes"},
        {"no-appendfsync-on-rewrite", "no"},
        {"auto-aof-rewrite-percentage", "100"},
        {"auto-aof-rewrite-min-size", "67108864"},
        {"aof-load-truncated", "yes"},
        {"aof-use-rdb-preamble", "yes"},
        {"aof-timestamp-enabled", "no"},
        {"lua-time-limit", "5000"},
        {"busy-reply-threshold", "5000"},
        {"cluster-enabled", "no"},
        {"slowlog-log-slower-than", "10000"},
        {"slowlog-max-len", "128"},
        {"latency-monitor-threshold", "0"},
        {"latency-tracking", "yes"},
        {"latency-tracking-info-percentiles", "50 99 99.9"},
        {"notify-keyspace-events", ""},
        {"hash-max-listpack-entries", "128"},
        {"hash-max-listpack-value", "64"},
        {"hash-max-ziplist-entries", "128"},
        {"hash-max-ziplist-value", "64"},
        {"list-max-listpack-size", "-2"},
        {"list-max-ziplist-size", "-2"},
        {"list-compress-depth", "0"},
        {"set-max-intset-entries", "512"},
        {"zset-max-listpack-entries", "128"},
        {"zset-max-listpack-value", "64"},
        {"zset-max-ziplist-entries", "128"},
        {"zset-max-ziplist-value", "64"},
        {"stream-node-max-bytes", "4096"},
        {"stream-node-max-entries", "100"},
        {"activerehashing", "yes"},
        {"activedefrag", "no"},
        {"client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"},
        {"maxmemory-eviction-tenacity", "10"},
        {"active-expire-effort", "1"},
        {"jemalloc-bg-thread", "yes"},
        {"tracking-table-max-keys", "1000000"},
        {"acllog-max-len", "128"},
        {"enable-debug-command", "no"},
        {"enable-module-command", "no"},
        {"enable-protected-configs", "no"},
        {"crash-log-enabled", "yes"},
        {"crash-memcheck-enabled", "yes"},
        {"shutdown-timeout", "10"},
        {"set-proc-title", "yes"},
        {"dbfilename", "dump.rdb"},
        {"appendfilename", "appendonly.aof"},
        {"appenddirname", "appendonlydir"},
        {"rdb-key-save-delay", "0"},
        {"key-load-delay", "0"},
        {"replica-announced", "yes"}
    };

    private final Map<String, String> values = new LinkedHashMap<>();

    InertConfig() {
        for (String[] parameter : DEFAULTS) {
            values.put(parameter[0], parameter[1]);
        }
    }

    /** Parameters for every inert name that {@code realNames} does not already serve, then the list of them. */
    List<ConfigParameter> parameters(Set<String> realNames) {
        List<ConfigParameter> parameters = new ArrayList<>();
        List<String> inert = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!realNames.contains(name)) {
                inert.add(name);
                parameters.add(new ConfigParameter(name, () -> values.get(name), value -> {
                    values.put(name, value);
                    return Optional.empty();
                }));
            }
        }
        parameters.add(ConfigParameter.readOnly(NO_EFFECT_LIST, () -> String.join(" ", inert)));
        return parameters;
    }
}
