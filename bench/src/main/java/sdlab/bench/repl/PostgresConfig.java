package sdlab.bench.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands and settings that make a PostgreSQL primary and streaming standby for the bench, apart from starting
 * them so that a test can read them. Both keep PostgreSQL's durable defaults ({@code fsync=on}, WAL flushed at
 * commit unless a mode says otherwise); the standby is the one synchronous standby, so {@code synchronous_commit}
 * alone decides what a commit waits for, and each client sets it for its own session.
 */
final class PostgresConfig {
    /** The standby's name, which {@code synchronous_standby_names} lists. */
    static final String STANDBY_NAME = "standby";

    static final String TABLE = "commits";

    private PostgresConfig() {}

    /** Creates a cluster whose local and loopback users are trusted: the bench runs on loopback only. */
    static List<String> initdb(Path bin, Path dataDir) {
        return List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dataDir.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8");
    }

    /** Lines appended to the primary's postgresql.conf. */
    static List<String> primarySettings(int port, Path socketDir) {
        return List.of(
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                "wal_level = replica",
                "max_wal_senders = 4",
                "fsync = on",
                "synchronous_standby_names = '" + STANDBY_NAME + "'",
                "shared_buffers = 64MB",
                "max_connections = 200");
    }

    /** The line appended to the primary's pg_hba.conf so the standby may stream from loopback. */
    static String replicationAccess() {
        return "host replication all 127.0.0.1/32 trust";
    }

    /** Copies the running primary into {@code dataDir} and marks it a standby of it ({@code -R}). */
    static List<String> baseBackup(Path bin, Path dataDir, int primaryPort) {
        return List.of(
                bin.resolve("pg_basebackup").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(primaryPort),
                "-U",
                "postgres",
                "-D",
                dataDir.toString(),
                "-R",
                "-X",
                "stream");
    }

    /** Lines appended to the standby's postgresql.auto.conf, after what {@code -R} wrote: its own port and name. */
    static List<String> standbySettings(int port, int primaryPort) {
        return List.of(
                "port = " + port,
                "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres application_name="
                        + STANDBY_NAME + "'");
    }

    /** Runs a server in the foreground. */
    static List<String> server(Path bin, Path dataDir) {
        return List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString());
    }

    /** Prefixes {@code command} so that it runs as {@code user} (postgres refuses root), or leaves it when null. */
    static List<String> as(String user, List<String> command) {
        if (user == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(
                List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--reset-env"));
        wrapped.addAll(command);
        return wrapped;
    }

    static List<String> schema(int clients) {
        List<String> statements = new ArrayList<>(
                List.of("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY, v BIGINT NOT NULL)"));
        for (int i = 0; i < clients; i++) {
            statements.add("INSERT INTO " + TABLE + " VALUES (" + i + ", 0) ON CONFLICT DO NOTHING");
        }
        return statements;
    }

    static String commit() {
        return "UPDATE " + TABLE + " SET v = v + 1 WHERE id = ?";
    }

    /** The {@code synchronous_commit} level for {@code mode}. */
    static String level(CommitMode mode) {
        return switch (mode) {
            case ASYNC -> "local";
            case NO_SYNC -> "off";
            case SYNC_REMOTE_WRITE -> "remote_write";
            case SYNC_ON -> "on";
            case SYNC_REMOTE_APPLY -> "remote_apply";
            default -> throw new IllegalArgumentException("PostgreSQL has no " + mode.label() + " mode");
        };
    }

    /** What every client runs when it connects. */
    static List<String> session(CommitMode mode) {
        return List.of("SET synchronous_commit = " + level(mode));
    }
}
