package sdlab.chapters.cache.redismemcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.persist.AppendFsync;
import sdlab.cache.server.ServerAofDriver;
import sdlab.core.Disk;
import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.Simulation;

/**
 * One fsync policy, two worlds: the same script of writes, replies and once-a-second ticks runs
 * through chapter 11's {@link AppendOnlyFile} on the simulator's disk and through the cache node's
 * AOF on real files, and both must do the same to their disk (appends of the same sizes, syncs)
 * and send the same replies at the same steps of the script. Both are thin adapters of one {@link
 * sdlab.cache.persist.AofWriter}; this test keeps them so.
 *
 * <p>The simulated disk completes a sync 1 ms after it is asked for, the real node forces on the
 * spot; script steps are far enough apart that every sync completes before the next, so the two
 * logs are comparable step by step. Grouping while a sync is in flight is {@code AofWriterTest}'s.
 */
class AofBothWorldsTest {
    /** Writes (how many commands before the reply) at these milliseconds; ticks at 1000 and 2000. */
    private static final List<Step> SCRIPT = List.of(
            new Step(100, 1),
            new Step(200, 3),
            new Step(300, 1),
            new Step(1100, 2),
            new Step(1500, 1),
            new Step(2100, 1));

    private static final Duration SYNC_LATENCY = Duration.ofMillis(1);
    private static final Duration RUN_LENGTH = Duration.ofMillis(2500);
    private static final List<Long> TICKS_MS = List.of(1000L, 2000L);

    @TempDir
    Path dir;

    private record Step(long atMillis, int commands) implements Timer {}

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(AppendFsync.ALWAYS, false),
                Arguments.of(AppendFsync.EVERYSEC, false),
                Arguments.of(AppendFsync.NO, false),
                Arguments.of(AppendFsync.ALWAYS, true));
    }

    @ParameterizedTest(name = "appendfsync {0}, acks before fsync {1}")
    @MethodSource("policies")
    void theChapterAndTheNodeWriteSyncAndReplyAlike(AppendFsync fsync, boolean acksBeforeFsync) throws Exception {
        // Shows: for every policy (and the planted bug), what reaches the disk and when replies go is the same.
        List<String> chapter = chapterWorld(fsync, acksBeforeFsync);
        List<String> node = nodeWorld(fsync, acksBeforeFsync);

        assertThat(chapter)
                .as("chapter 11 on the simulated disk vs the cache node on files")
                .isEqualTo(node);
        assertThat(chapter).filteredOn(e -> e.contains("reply")).hasSize(SCRIPT.size());
        List<String> syncs = chapter.stream().filter(e -> e.endsWith("sync")).toList();
        switch (fsync) {
            case ALWAYS -> {
                if (acksBeforeFsync) {
                    assertThat(syncs).containsExactly("1000 ms: sync", "2000 ms: sync");
                } else {
                    assertThat(syncs).hasSize(SCRIPT.size());
                    assertThat(chapter).containsSubsequence("100 ms: append 32 bytes", "100 ms: sync", "100 ms: reply");
                }
            }
            case EVERYSEC -> assertThat(syncs).containsExactly("1000 ms: sync", "2000 ms: sync");
            case NO -> assertThat(syncs).isEmpty();
        }
    }

    /** The cache node's AOF: the script's steps called in order, on the spot. */
    private List<String> nodeWorld(AppendFsync fsync, boolean acksBeforeFsync) throws Exception {
        List<String> log = new ArrayList<>();
        long[] nowMs = {0};
        try (ServerAofDriver aof =
                ServerAofDriver.open(dir, fsync, acksBeforeFsync, event -> log.add(nowMs[0] + " ms: " + event))) {
            List<Long> ticks = new ArrayList<>(TICKS_MS);
            for (Step step : SCRIPT) {
                while (!ticks.isEmpty() && ticks.getFirst() < step.atMillis()) {
                    nowMs[0] = ticks.removeFirst();
                    aof.tick();
                }
                nowMs[0] = step.atMillis();
                for (int c = 0; c < step.commands(); c++) {
                    aof.command(set(step, c));
                }
                if (aof.beforeReplies()) {
                    log.add(nowMs[0] + " ms: reply");
                }
            }
            for (long tick : ticks) {
                nowMs[0] = tick;
                aof.tick();
            }
        }
        return log;
    }

    /** Chapter 11's AOF in a simulation: a node runs the script on its timers; the disk syncs in 1 ms. */
    private static List<String> chapterWorld(AppendFsync fsync, boolean acksBeforeFsync) {
        List<String> log = new ArrayList<>();
        PersistencePolicy.AppendOnly policy =
                new PersistencePolicy.AppendOnly(fsync, ServerVariant.OS_WRITEBACK, acksBeforeFsync);
        NodeId id = NodeId.of("aof");
        Simulation.builder(1)
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.constant(SYNC_LATENCY))
                        .withTornWrites(false))
                .addNode(id, nodeId -> new ScriptNode(policy, log))
                .build()
                .run(RUN_LENGTH);
        return log;
    }

    private static byte[][] set(Step step, int command) {
        return new byte[][] {"SET".getBytes(), ("k" + step.atMillis() + "." + command).getBytes(), "v".getBytes()};
    }

    /**
     * A node holding only chapter 11's AOF. Its disk reports appends and syncs, named by the last
     * script moment (a step or a tick) at or before them; a sync's completion, 1 ms later, still
     * belongs to its step.
     */
    private static final class ScriptNode implements Node {
        private final PersistencePolicy.AppendOnly policy;
        private final List<String> log;
        private Persistence aof;
        private long scriptMs;

        ScriptNode(PersistencePolicy.AppendOnly policy, List<String> log) {
            this.policy = policy;
            this.log = log;
        }

        @Override
        public void onStart(NodeContext ctx, boolean restarted) {
            CacheStore store = StoreKind.REDIS_SAMPLED_LRU.create(0, () -> ctx.nowNanos() / 1_000_000, ctx.random());
            aof = policy.open(new Recording(ctx), store);
            aof.start();
            SCRIPT.forEach(step -> ctx.setTimer(Duration.ofMillis(step.atMillis()), step));
        }

        @Override
        public void onMessage(NodeId from, Message message, NodeContext ctx) {}

        @Override
        public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
            scriptMs = ctx.nowNanos() / 1_000_000;
            switch (timer) {
                case Step step -> {
                    for (int c = 0; c < step.commands(); c++) {
                        aof.log(set(step, c));
                    }
                    aof.acknowledge(() -> log.add(step.atMillis() + " ms: reply"));
                }
                case Persistence.PersistenceTimer tick -> aof.onTimer(tick);
                default -> throw new IllegalArgumentException("no such timer: " + timer);
            }
        }

        @Override
        public void onSynced(long syncId, NodeContext ctx) {
            aof.onSynced(syncId);
        }

        /** The node's context with a disk that reports what the AOF does to it. */
        private final class Recording extends ForwardingContext {
            private final Disk disk;

            Recording(NodeContext real) {
                super(real);
                this.disk = new Disk() {
                    @Override
                    public void write(String file, byte[] content) {
                        real.disk().write(file, content);
                    }

                    @Override
                    public void append(String file, byte[] bytes) {
                        log.add(scriptMs + " ms: append " + bytes.length + " bytes");
                        real.disk().append(file, bytes);
                    }

                    @Override
                    public Optional<byte[]> read(String file) {
                        return real.disk().read(file);
                    }

                    @Override
                    public void delete(String file) {
                        real.disk().delete(file);
                    }

                    @Override
                    public SortedSet<String> files() {
                        return real.disk().files();
                    }

                    @Override
                    public long sync() {
                        log.add(scriptMs + " ms: sync");
                        return real.disk().sync();
                    }
                };
            }

            @Override
            public Disk disk() {
                return disk;
            }
        }
    }
}
