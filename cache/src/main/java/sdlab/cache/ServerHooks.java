package sdlab.cache;

import java.util.List;

/**
 * What the engine asks of the server around it: persistence, shutdown, server-level INFO
 * fields and configuration. The engine itself does no I/O; a server (or a simulated node)
 * implements these. The defaults describe an engine without a server.
 */
public interface ServerHooks {
    ServerHooks NONE = new ServerHooks() {};

    /** SAVE: a blocking snapshot to disk. */
    default Reply save() {
        return Reply.error("ERR persistence is not available without a server");
    }

    /** BGSAVE [SCHEDULE]. */
    default Reply bgsave(boolean schedule) {
        return save();
    }

    /** BGREWRITEAOF. */
    default Reply bgrewriteaof() {
        return save();
    }

    /** LASTSAVE: when the last successful snapshot finished, in epoch seconds. */
    default long lastSaveEpochSeconds() {
        return 0;
    }

    /**
     * SHUTDOWN: save as requested, then stop. A server returns null when it stops (the client
     * sees the connection close, as with Redis), or an error reply when it refuses.
     *
     * @param save true to save, false to skip saving, null to save if save points are configured
     */
    default Reply shutdown(Boolean save) {
        return Reply.error("ERR SHUTDOWN is not available without a server");
    }

    /**
     * Why writes are refused now, or null: a server whose append-only file cannot be written
     * says so ("MISCONF ..."), as Redis refuses writes while its AOF is failing.
     */
    default String writesRefusedBecause() {
        return null;
    }

    /** Adds the server's own INFO fields (server, clients, persistence, ...). */
    default void describe(InfoReport info) {}

    /** The server's own CONFIG parameters (appendonly, appendfsync, save, dir, ...). */
    default List<ConfigParameter> configParameters() {
        return List.of();
    }
}
