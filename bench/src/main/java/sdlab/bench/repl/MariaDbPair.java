package sdlab.bench.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import sdlab.bench.peer.ChildProcess;
import sdlab.bench.peer.FreePort;
import sdlab.bench.peer.RequiredTool;

/**
 * A MariaDB primary and a GTID replica on loopback, started from data directories of their own (no system service),
 * switched between async and semi-sync with either wait point by {@code SET GLOBAL}, and stopped on close.
 */
public final class MariaDbPair implements ReplSystem {
    static final RequiredTool SERVER = new RequiredTool("mariadbd", "mariadb-server");
    static final RequiredTool INSTALL_DB = new RequiredTool("mariadb-install-db", "mariadb-server");
    private static final List<CommitMode> MODES =
            List.of(CommitMode.ASYNC, CommitMode.SEMI_SYNC_AFTER_SYNC, CommitMode.SEMI_SYNC_AFTER_COMMIT);
    private static final Pattern READY = Pattern.compile("ready for connections");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess primary;
    private final ChildProcess replica;
    private final int primaryPort;
    private final int replicaPort;
    private final String version;

    private MariaDbPair(ChildProcess primary, ChildProcess replica, int primaryPort, int replicaPort, String version) {
        this.primary = primary;
        this.replica = replica;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.version = version;
    }

    /** Why MariaDB cannot run here, or empty when its programs are installed. */
    public static Optional<String> missing() {
        return RequiredTool.missing(List.of(SERVER, INSTALL_DB));
    }

    /**
     * Initialises two data directories under {@code directory}, starts both servers, makes the second follow the
     * first, and creates the table with a row per client.
     *
     * @throws IllegalStateException when a server does not start or refuses the setup; nothing is left running
     */
    public static MariaDbPair start(Path directory, int clients) {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        List<ChildProcess> started = new ArrayList<>();
        try {
            int primaryPort = FreePort.pick();
            int replicaPort = FreePort.pick();
            started.add(server(directory, "mariadb-primary", primaryPort, 1, asRoot));
            started.add(server(directory, "mariadb-replica", replicaPort, 2, asRoot));
            Jdbc.run(url(replicaPort), MariaDbConfig.followPrimary(primaryPort));
            Jdbc.run(url(primaryPort), MariaDbConfig.schema(clients));
            String version = Jdbc.value(url(primaryPort), "SELECT VERSION()");
            return new MariaDbPair(started.get(0), started.get(1), primaryPort, replicaPort, version);
        } catch (SQLException | RuntimeException e) {
            started.forEach(ChildProcess::close);
            throw new IllegalStateException("MariaDB did not start: " + e.getMessage(), e);
        }
    }

    private static ChildProcess server(Path directory, String name, int port, int serverId, boolean asRoot) {
        Path dataDir = directory.resolve(name);
        Path log = directory.resolve(name + ".log");
        try {
            Files.createDirectories(dataDir);
            Process install = new ProcessBuilder(MariaDbConfig.installDb(INSTALL_DB.executable(), dataDir, asRoot))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve(name + "-install.log").toFile())
                    .start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException(
                        "mariadb-install-db failed for " + name + "; see " + directory.resolve(name + "-install.log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot initialise " + dataDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initialising " + dataDir, e);
        }
        return ChildProcess.start(
                name,
                MariaDbConfig.server(SERVER.executable(), dataDir, port, serverId, serverId != 1, asRoot),
                log,
                READY,
                START_TIMEOUT);
    }

    static String url(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String describe() {
        return "MariaDB " + version + ", primary and GTID replica (two mariadbd); per commit the primary syncs"
                + " InnoDB's redo log and the binlog (innodb_flush_log_at_trx_commit=1, sync_binlog=1), the replica"
                + " nothing per commit: it acknowledges once the relay log is written (sync_relay_log left at 10000 events) and"
                + " its applier does not sync (innodb_flush_log_at_trx_commit=2)";
    }

    @Override
    public List<CommitMode> modes() {
        return MODES;
    }

    @Override
    public String setting(CommitMode mode) {
        return MariaDbConfig.setting(mode);
    }

    @Override
    public ModeSession enter(CommitMode mode, int clients) throws InterruptedException {
        try {
            Jdbc.run(url(primaryPort), MariaDbConfig.primaryMode(mode));
            Jdbc.run(url(replicaPort), MariaDbConfig.replicaMode(mode));
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB refused " + setting(mode) + ": " + e.getMessage(), e);
        }
        if (mode != CommitMode.ASYNC) {
            // The replica registers as semi-sync when its IO thread reconnects; until then commits would not wait.
            CatchUp.await(() -> "1".equals(Jdbc.status(url(primaryPort), "Rpl_semi_sync_master_clients"))
                    && "ON".equals(Jdbc.status(url(primaryPort), "Rpl_semi_sync_master_status")));
        }
        return new MariaDbSession(primaryPort, replicaPort, mode);
    }

    @Override
    public void close() {
        replica.close();
        primary.close();
    }

    /** One mode's run: clients on the primary; afterwards semi-sync's counters and the replica's GTID position. */
    private static final class MariaDbSession implements ModeSession {
        private final int primaryPort;
        private final int replicaPort;
        private final CommitMode mode;
        private final long yesBefore;
        private final long noBefore;

        MariaDbSession(int primaryPort, int replicaPort, CommitMode mode) {
            this.primaryPort = primaryPort;
            this.replicaPort = replicaPort;
            this.mode = mode;
            this.yesBefore = counter("Rpl_semi_sync_master_yes_tx");
            this.noBefore = counter("Rpl_semi_sync_master_no_tx");
        }

        @Override
        public CommitClient open(int index) throws SQLException {
            return JdbcCommitClient.open(url(primaryPort), List.of(), MariaDbConfig.commit(), index);
        }

        @Override
        public List<String> check(long commits) throws InterruptedException {
            List<String> problems = new ArrayList<>();
            if (mode != CommitMode.ASYNC) {
                String status = statusText("Rpl_semi_sync_master_status");
                SemiSyncCheck.of(
                                status,
                                counter("Rpl_semi_sync_master_yes_tx") - yesBefore,
                                counter("Rpl_semi_sync_master_no_tx") - noBefore,
                                commits)
                        .ifPresent(problems::add);
            }
            try {
                String head = Jdbc.value(url(primaryPort), "SELECT @@gtid_binlog_pos");
                if (!CatchUp.await(
                        () -> Objects.equals(head, Jdbc.value(url(replicaPort), "SELECT @@gtid_slave_pos")))) {
                    problems.add("the replica did not reach GTID " + head + " within " + CatchUp.WAIT_MAX.toSeconds()
                            + " s");
                }
            } catch (SQLException e) {
                problems.add("cannot read the primary's GTID position: " + e.getMessage());
            }
            return problems;
        }

        private long counter(String name) {
            try {
                return Long.parseLong(statusText(name));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private String statusText(String name) {
            try {
                return String.valueOf(Jdbc.status(url(primaryPort), name));
            } catch (SQLException e) {
                return "unreadable (" + e.getMessage() + ")";
            }
        }

        @Override
        public void close() {
            // the servers stay up for the next mode
        }
    }
}
