package sdlab.cache.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sdlab.cache.ConfigParameter;
import sdlab.cache.InfoReport;
import sdlab.cache.Reply;
import sdlab.cache.ServerHooks;

/** What the engine asks of this server: persistence, shutdown, and the server's INFO and CONFIG entries. */
final class NodeHooks implements ServerHooks {
    private final CacheServer server;
    private final CacheServerConfig config;
    private final Persistence persistence;
    private final ClientRegistry clients;
    private final QueryBufferBudget queryBuffers;
    private final long startMillis = System.currentTimeMillis();

    NodeHooks(
            CacheServer server,
            CacheServerConfig config,
            Persistence persistence,
            ClientRegistry clients,
            QueryBufferBudget queryBuffers) {
        this.server = server;
        this.config = config;
        this.persistence = persistence;
        this.clients = clients;
        this.queryBuffers = queryBuffers;
    }

    @Override
    public Reply save() {
        return persistence.save();
    }

    @Override
    public Reply bgsave(boolean schedule) {
        return persistence.bgsave(schedule);
    }

    @Override
    public Reply bgrewriteaof() {
        return persistence.bgrewriteaof();
    }

    @Override
    public long lastSaveEpochSeconds() {
        return persistence.lastSaveEpochSeconds();
    }

    /** Saves as asked, then stops the server without replying, as Redis does. */
    @Override
    public Reply shutdown(Boolean save) {
        if (!persistence.saveForShutdown(save)) {
            return Reply.error("ERR Errors trying to SHUTDOWN. Check logs.");
        }
        server.stopAfterShutdownCommand();
        return Reply.Hangup.INSTANCE;
    }

    @Override
    public void describe(InfoReport info) {
        long uptimeSeconds = (System.currentTimeMillis() - startMillis) / 1000;
        info.field("server", "process_id", ProcessHandle.current().pid())
                .field("server", "tcp_port", server.port())
                .field("server", "uptime_in_seconds", uptimeSeconds)
                .field("server", "uptime_in_days", uptimeSeconds / 86_400)
                .field("server", "hz", CacheServer.CRON_HZ)
                .field("server", "config_file", "");
        info.field("clients", "connected_clients", clients.connected())
                .field("clients", "maxclients", clients.clientsMax());
        info.field("memory", "mem_clients_normal", queryBuffers.reservedBytes())
                .field("memory", "maxmemory_clients", queryBuffers.bytesMax());
        info.field("stats", "evicted_clients", queryBuffers.refusals());
        persistence.describe(info);
        info.field("stats", "total_connections_received", clients.received())
                .field("stats", "rejected_connections", clients.rejected());
        server.describeMemcached(info);
    }

    @Override
    public String writesRefusedBecause() {
        return persistence.writesRefusedBecause();
    }

    @Override
    public List<ConfigParameter> configParameters() {
        List<ConfigParameter> parameters = new ArrayList<>(persistence.configParameters());
        parameters.add(ConfigParameter.readOnly("port", () -> Integer.toString(server.port())));
        parameters.add(ConfigParameter.readOnly("bind", config::bind));
        parameters.add(new ConfigParameter("maxclients", () -> Integer.toString(clients.clientsMax()), value -> {
            try {
                int max = Integer.parseInt(value);
                if (max < 1) {
                    return Optional.of("argument must be between 1 and 2147483647 inclusive");
                }
                clients.clientsMax(max);
                return Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("argument couldn't be parsed into an integer");
            }
        }));
        parameters.add(new ConfigParameter(
                "client-output-buffer-limit", () -> clients.outputLimits().describe(), value -> {
                    try {
                        clients.outputLimits(clients.outputLimits().with(value));
                        return Optional.empty();
                    } catch (IllegalArgumentException e) {
                        return Optional.of(e.getMessage());
                    }
                }));
        parameters.add(ConfigParameter.readOnly("proto-max-bulk-len", () -> Long.toString(config.bulkBytesMax())));
        parameters.add(ConfigParameter.readOnly(
                "client-query-buffer-limit", () -> Long.toString(config.queryBufferBytesMax())));
        parameters.add(ConfigParameter.readOnly("maxmemory-clients", () -> Long.toString(queryBuffers.bytesMax())));
        return parameters;
    }
}
