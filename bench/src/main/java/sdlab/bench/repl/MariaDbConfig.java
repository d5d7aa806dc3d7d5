package sdlab.bench.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands and statements that make a MariaDB primary and replica for the bench, kept apart from starting them so
 * that a test can read them. The primary syncs what sdlab's primary syncs, and more: its binlog and InnoDB's redo log
 * at every commit ({@code sync_binlog=1}, {@code innodb_flush_log_at_trx_commit=1}). The replica does not sync its
 * relay log before a semi-sync acknowledgement, where sdlab's replica does: MariaDB's {@code sync_relay_log=1} syncs
 * after every event, four per transaction here, and so set the replica's receiver managed about 150 transactions a
 * second on this machine, fell minutes behind an async primary, and kept semi-sync off when it was switched on. So it
 * keeps MariaDB's default (a sync every 10,000 events), and its acknowledgement means "written", as sdlab's
 * remote-write level does. sdlab's replica applies in memory and recovers its state from the relay log, so MariaDB's
 * applier does not sync its commits either ({@code innodb_flush_log_at_trx_commit=2}: written at commit, synced once
 * a second). Nothing is read from the machine's own option files ({@code --no-defaults}).
 */
final class MariaDbConfig {
    /** The table the clients update. */
    static final String TABLE = "bench.commits";

    private MariaDbConfig() {}

    /** Initialises an empty data directory (system tables, a root without password reachable from loopback). */
    static List<String> installDb(String installDb, Path dataDir, boolean asRoot) {
        List<String> command = new ArrayList<>(List.of(
                installDb,
                "--no-defaults",
                "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (asRoot) {
            command.add("--user=root");
        }
        return command;
    }

    /**
     * Runs one server in the foreground, listening on loopback only. Every server writes a binlog with GTIDs (the
     * replica's stays unused until it is promoted, which the bench never does); the primary syncs it and InnoDB's
     * log per commit.
     */
    static List<String> server(String mariadbd, Path dataDir, int port, int serverId, boolean replica, boolean asRoot) {
        List<String> command = new ArrayList<>(List.of(
                mariadbd,
                "--no-defaults",
                "--datadir=" + dataDir,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dataDir.resolve("mysqld.sock"),
                "--pid-file=" + dataDir.resolve("mysqld.pid"),
                "--server-id=" + serverId,
                "--log-bin=binlog",
                "--binlog-format=ROW",
                "--sync-binlog=1",
                "--innodb-flush-log-at-trx-commit=" + (replica ? 2 : 1),
                "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M",
                "--max-connections=200"));
        if (asRoot) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        return command;
    }

    /** On the replica: follow the primary by GTID. */
    static List<String> followPrimary(int primaryPort) {
        return List.of(
                "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primaryPort
                        + ", MASTER_USER='root', MASTER_USE_GTID=slave_pos",
                "START SLAVE");
    }

    /** On the primary: the table, one row per client, each client updating its own. */
    static List<String> schema(int clients) {
        List<String> statements = new ArrayList<>(List.of(
                "CREATE DATABASE IF NOT EXISTS bench",
                "CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY, v BIGINT NOT NULL) ENGINE=InnoDB"));
        for (int i = 0; i < clients; i++) {
            statements.add("INSERT IGNORE INTO " + TABLE + " VALUES (" + i + ", 0)");
        }
        return statements;
    }

    /** The commit every client repeats: a single-row UPDATE in autocommit. */
    static String commit() {
        return "UPDATE " + TABLE + " SET v = v + 1 WHERE id = ?";
    }

    /** On the primary, for {@code mode}: semi-sync off, or on with its wait point and MySQL's 10 s timeout. */
    static List<String> primaryMode(CommitMode mode) {
        return switch (mode) {
            case ASYNC -> List.of("SET GLOBAL rpl_semi_sync_master_enabled = OFF");
            case SEMI_SYNC_AFTER_SYNC -> semiSync("AFTER_SYNC");
            case SEMI_SYNC_AFTER_COMMIT -> semiSync("AFTER_COMMIT");
            default -> throw new IllegalArgumentException("MariaDB has no " + mode.label() + " mode");
        };
    }

    /**
     * On the replica, for {@code mode}: its semi-sync side on or off, then the IO thread restarted, since a replica
     * tells its primary whether it is semi-sync only when it connects.
     */
    static List<String> replicaMode(CommitMode mode) {
        String enabled = mode == CommitMode.ASYNC ? "OFF" : "ON";
        return List.of(
                "SET GLOBAL rpl_semi_sync_slave_enabled = " + enabled, "STOP SLAVE IO_THREAD", "START SLAVE IO_THREAD");
    }

    /** How the report names the setting for {@code mode}. */
    static String setting(CommitMode mode) {
        return switch (mode) {
            case ASYNC -> "rpl_semi_sync_master_enabled=OFF";
            case SEMI_SYNC_AFTER_SYNC -> "rpl_semi_sync_master_wait_point=AFTER_SYNC";
            case SEMI_SYNC_AFTER_COMMIT -> "rpl_semi_sync_master_wait_point=AFTER_COMMIT";
            default -> throw new IllegalArgumentException("MariaDB has no " + mode.label() + " mode");
        };
    }

    private static List<String> semiSync(String waitPoint) {
        return List.of(
                "SET GLOBAL rpl_semi_sync_master_timeout = 10000",
                "SET GLOBAL rpl_semi_sync_master_wait_point = " + waitPoint,
                "SET GLOBAL rpl_semi_sync_master_enabled = ON");
    }
}
