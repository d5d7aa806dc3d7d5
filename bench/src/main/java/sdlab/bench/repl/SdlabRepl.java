package sdlab.bench.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * sdlab's replicated store as {@code sdlab cluster start repl --replicas 1} runs it: a primary and a replica, each a
 * JVM, on loopback. A mode is a cluster option, so every mode gets a fresh cluster, started when the mode is entered
 * and stopped when it is left. Clients SET a key of their own on the primary's RESP port.
 */
public final class SdlabRepl implements ReplSystem {
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final SdlabReplLauncher launcher;
    private final Path directory;
    private final AtomicInteger clusters = new AtomicInteger();

    /** The system, its clusters started by {@code launcher} under {@code directory}. */
    public SdlabRepl(SdlabReplLauncher launcher, Path directory) {
        this.launcher = launcher;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "sdlab";
    }

    @Override
    public String describe() {
        return "sdlab cluster start repl --replicas 1 --failover none (primary and replica, one JVM each);"
                + " per commit the primary fdatasyncs its log, a replica its relay log before it acknowledges"
                + " (group commit on both)";
    }

    @Override
    public List<CommitMode> modes() {
        return SdlabModes.MODES;
    }

    @Override
    public String setting(CommitMode mode) {
        return SdlabModes.setting(mode);
    }

    @Override
    public ModeSession enter(CommitMode mode, int clients) throws InterruptedException {
        Path clusterDir = directory.resolve("sdlab-repl-" + clusters.incrementAndGet());
        SdlabReplLauncher.Running running = launcher.start(clusterDir, SdlabModes.options(mode));
        try {
            return new Session(running, mode);
        } catch (IllegalStateException e) {
            running.close(); // a cluster that cannot answer INFO is stopped before the mode is given up
            throw e;
        }
    }

    @Override
    public void close() {
        // each mode's cluster is stopped when its session closes
    }

    private static final class Session implements ModeSession {
        private final SdlabReplLauncher.Running running;
        private final CommitMode mode;
        private final long yesBefore;
        private final long noBefore;

        Session(SdlabReplLauncher.Running running, CommitMode mode) {
            this.running = running;
            this.mode = mode;
            ReplicationInfo before = info(running.primaryPort());
            this.yesBefore = before.number("rpl_semi_sync_master_yes_tx");
            this.noBefore = before.number("rpl_semi_sync_master_no_tx");
        }

        @Override
        public CommitClient open(int index) throws IOException {
            RespConnection connection = new RespConnection(running.primaryPort(), CLIENT_TIMEOUT);
            String key = "bench:" + index;
            long[] next = {0};
            return new CommitClient() {
                @Override
                public void commit() throws IOException {
                    String reply = connection.call("SET", key, Long.toString(++next[0]));
                    if (!"OK".equals(reply)) {
                        throw new IOException("SET answered " + reply);
                    }
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        }

        @Override
        public List<String> check(long commits) throws InterruptedException {
            List<String> problems = new ArrayList<>();
            ReplicationInfo primary = info(running.primaryPort());
            if (mode == CommitMode.SEMI_SYNC_AFTER_SYNC || mode == CommitMode.SEMI_SYNC_AFTER_COMMIT) {
                SemiSyncCheck.of(
                                primary.text("rpl_semi_sync_master_status").orElse("absent"),
                                primary.number("rpl_semi_sync_master_yes_tx") - yesBefore,
                                primary.number("rpl_semi_sync_master_no_tx") - noBefore,
                                commits)
                        .ifPresent(problems::add);
            }
            long head = primary.number("master_repl_offset");
            boolean caughtUp =
                    CatchUp.await(() -> info(running.replicaPort()).number("sdlab_applied_position") >= head);
            if (!caughtUp) {
                problems.add("the replica did not apply position " + head + " within " + CatchUp.WAIT_MAX.toSeconds()
                        + " s");
            }
            return problems;
        }

        private static ReplicationInfo info(int port) {
            try (RespConnection connection = new RespConnection(port, CLIENT_TIMEOUT)) {
                return ReplicationInfo.parse(connection.call("INFO", "replication"));
            } catch (IOException e) {
                throw new IllegalStateException("INFO replication on port " + port + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            running.close();
        }
    }
}
