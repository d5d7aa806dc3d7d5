package sdlab.bench.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import sdlab.bench.peer.ChildProcess;
import sdlab.bench.peer.FreePort;
import sdlab.bench.peer.RequiredTool;

/**
 * A PostgreSQL primary and a streaming standby on loopback, the standby named in {@code synchronous_standby_names};
 * each client sets {@code synchronous_commit} for its session, so switching modes restarts nothing. PostgreSQL refuses
 * to run as root: run by root, the bench runs both servers as the user {@code postgres}.
 */
public final class PostgresPair implements ReplSystem {
    static final RequiredTool INITDB = new RequiredTool("initdb", "postgresql");
    static final String SERVER_USER = "postgres";
    private static final List<CommitMode> MODES = List.of(
            CommitMode.ASYNC,
            CommitMode.NO_SYNC,
            CommitMode.SYNC_REMOTE_WRITE,
            CommitMode.SYNC_ON,
            CommitMode.SYNC_REMOTE_APPLY);
    private static final Pattern READY = Pattern.compile("database system is ready to accept");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess primary;
    private final ChildProcess standby;
    private final int primaryPort;
    private final int standbyPort;
    private final String version;

    private PostgresPair(ChildProcess primary, ChildProcess standby, int primaryPort, int standbyPort, String version) {
        this.primary = primary;
        this.standby = standby;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
        this.version = version;
    }

    /** Why PostgreSQL cannot run here (no binaries, or root without a user to run it as), or empty. */
    public static Optional<String> missing() {
        Optional<String> tools = RequiredTool.missing(List.of(INITDB));
        if (tools.isPresent()) {
            return tools;
        }
        if (asRoot() && !userExists(SERVER_USER)) {
            return Optional.of("postgres refuses to run as root and there is no user '" + SERVER_USER
                    + "' to run it as: create one with 'useradd -r " + SERVER_USER + "'");
        }
        return Optional.empty();
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean userExists(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates the primary under {@code directory}, copies it into a standby, starts both and creates the table.
     *
     * @throws IllegalStateException when a step fails; nothing is left running
     */
    public static PostgresPair start(Path directory, int clients) {
        String user = asRoot() ? SERVER_USER : null;
        List<ChildProcess> started = new ArrayList<>();
        try {
            Path bin = INITDB.locate().orElseThrow().toRealPath().getParent();
            Path home = ownedDirectory(directory, user);
            int primaryPort = FreePort.pick();
            int standbyPort = FreePort.pick();
            Path primaryDir = home.resolve("primary");
            step(directory, "initdb", PostgresConfig.as(user, PostgresConfig.initdb(bin, primaryDir)));
            append(primaryDir.resolve("postgresql.conf"), PostgresConfig.primarySettings(primaryPort, home));
            append(primaryDir.resolve("pg_hba.conf"), List.of(PostgresConfig.replicationAccess()));
            started.add(server(directory, "postgres-primary", bin, primaryDir, user));
            Path standbyDir = home.resolve("standby");
            step(
                    directory,
                    "pg_basebackup",
                    PostgresConfig.as(user, PostgresConfig.baseBackup(bin, standbyDir, primaryPort)));
            append(
                    standbyDir.resolve("postgresql.auto.conf"),
                    PostgresConfig.standbySettings(standbyPort, primaryPort));
            started.add(server(directory, "postgres-standby", bin, standbyDir, user));
            Jdbc.run(url(primaryPort), PostgresConfig.schema(clients));
            String version = Jdbc.value(url(primaryPort), "SHOW server_version");
            return new PostgresPair(started.get(0), started.get(1), primaryPort, standbyPort, version);
        } catch (IOException | SQLException | RuntimeException e) {
            started.reversed().forEach(ChildProcess::close);
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            started.reversed().forEach(ChildProcess::close);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    /** A directory the server's user owns, under a scratch directory it may pass through but not read. */
    private static Path ownedDirectory(Path directory, String user) throws IOException {
        Path home = Files.createDirectories(directory.resolve("postgres"));
        if (user != null) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
            UserPrincipal owner =
                    home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(home, owner);
        }
        return home;
    }

    private static void step(Path directory, String name, List<String> command)
            throws IOException, InterruptedException {
        Path log = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(
                    name + " failed: " + Files.readString(log).strip());
        }
    }

    private static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardOpenOption.APPEND);
    }

    private static ChildProcess server(Path directory, String name, Path bin, Path dataDir, String user) {
        return ChildProcess.start(
                name,
                PostgresConfig.as(user, PostgresConfig.server(bin, dataDir)),
                directory.resolve(name + ".log"),
                READY,
                START_TIMEOUT);
    }

    static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String describe() {
        return "PostgreSQL " + version + ", primary and streaming standby (synchronous_standby_names='"
                + PostgresConfig.STANDBY_NAME + "'), fsync=on; per commit the primary flushes its WAL (not with"
                + " off), the standby writes (remote_write), flushes (on) or replays (remote_apply) it";
    }

    @Override
    public List<CommitMode> modes() {
        return MODES;
    }

    @Override
    public String setting(CommitMode mode) {
        return "synchronous_commit=" + PostgresConfig.level(mode);
    }

    @Override
    public ModeSession enter(CommitMode mode, int clients) {
        return new Session(mode);
    }

    @Override
    public void close() {
        standby.close();
        primary.close();
    }

    /** One mode's run: each client sets the level; afterwards the standby's state and its replay position. */
    private final class Session implements ModeSession {
        private final CommitMode mode;

        Session(CommitMode mode) {
            this.mode = mode;
        }

        @Override
        public CommitClient open(int index) throws SQLException {
            return JdbcCommitClient.open(
                    url(primaryPort), PostgresConfig.session(mode), PostgresConfig.commit(), index);
        }

        @Override
        public List<String> check(long commits) throws InterruptedException {
            List<String> problems = new ArrayList<>();
            try {
                String state = Jdbc.value(
                        url(primaryPort),
                        "SELECT sync_state FROM pg_stat_replication WHERE application_name = '"
                                + PostgresConfig.STANDBY_NAME + "'");
                if (!"sync".equals(state)) {
                    problems.add("the standby's sync_state was " + state + ", not sync");
                }
                String head = Jdbc.value(url(primaryPort), "SELECT pg_current_wal_lsn()");
                boolean caughtUp = CatchUp.await(() -> "yes"
                        .equals(Jdbc.value(
                                url(standbyPort),
                                "SELECT CASE WHEN pg_last_wal_replay_lsn() >= '" + head + "'::pg_lsn THEN 'yes' END")));
                if (!caughtUp) {
                    problems.add(
                            "the standby did not replay " + head + " within " + CatchUp.WAIT_MAX.toSeconds() + " s");
                }
            } catch (SQLException e) {
                problems.add("cannot read the replication state: " + e.getMessage());
            }
            return problems;
        }

        @Override
        public void close() {
            // the servers stay up for the next mode
        }
    }
}
