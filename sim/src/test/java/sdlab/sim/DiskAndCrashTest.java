package sdlab.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.sim.Scenarios.N1;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.Disk;
import sdlab.core.Node;
import sdlab.core.NodeFactory;
import sdlab.core.Timer;

class DiskAndCrashTest {

    record Fire(String name) implements Timer {}

    private static final DiskConfig SYNC_5MS = new DiskConfig(Latency.constant(ms(5)), false);

    private static SimResult run(long seed, DiskConfig disk, FaultPlan faults, NodeFactory factory) {
        return Simulation.builder(seed)
                .disk(disk)
                .addNode(N1, factory)
                .faults(faults)
                .recordTrace(true)
                .build()
                .run(Duration.ofSeconds(1));
    }

    private static String text(Disk disk, String file) {
        return disk.read(file).map(bytes -> new String(bytes, UTF_8)).orElse("<none>");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    /** Writes "a" to log and "m" to meta and syncs; once synced, appends "b" and writes "m2" unsynced. */
    private static ScriptedNode writer(List<String> seenAfterRestart) {
        return new ScriptedNode()
                .onStart((ctx, restarted) -> {
                    if (restarted) {
                        seenAfterRestart.add(text(ctx.disk(), "log") + "|" + text(ctx.disk(), "meta"));
                        return;
                    }
                    ctx.disk().append("log", bytes("a"));
                    ctx.disk().write("meta", bytes("m"));
                    ctx.disk().sync();
                })
                .onSynced((syncId, ctx) -> {
                    ctx.disk().append("log", bytes("b"));
                    ctx.disk().write("meta", bytes("m2"));
                });
    }

    @Test
    void crashLosesUnsyncedWritesAndKeepsSyncedOnes() {
        // Writes covered by a completed sync survive a crash; later unsynced ones are gone.
        List<String> seen = new ArrayList<>();
        SimResult result =
                run(1, SYNC_5MS, FaultPlan.builder().crash(ms(10), N1, ms(5)).build(), id -> writer(seen));

        assertThat(seen).containsExactly("a|m");
        assertThat(result.trace())
                .filteredOn(e -> e.kind() == TraceEvent.Kind.DISK_LOST)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("2 unsynced writes lost"));
    }

    @Test
    void writesAreNotDurableBeforeTheirSyncCompletes() {
        // A crash at 3 ms, before the 5 ms sync completes, loses even the writes the sync covered.
        List<String> seen = new ArrayList<>();
        run(1, SYNC_5MS, FaultPlan.builder().crash(ms(3), N1, ms(5)).build(), id -> writer(seen));

        assertThat(seen).containsExactly("<none>|<none>");
    }

    @Test
    void readsSeeUnsyncedWritesAtOnce() {
        // Like a page cache: a read right after a write sees it, before any sync.
        List<String> seen = new ArrayList<>();
        run(1, SYNC_5MS, FaultPlan.none(), id -> new ScriptedNode().onStart((ctx, restarted) -> {
            ctx.disk().append("log", bytes("x"));
            ctx.disk().append("log", bytes("y"));
            seen.add(text(ctx.disk(), "log") + " " + ctx.disk().files());
            ctx.disk().delete("log");
            seen.add(text(ctx.disk(), "log") + " " + ctx.disk().files());
        }));

        assertThat(seen).containsExactly("xy [log]", "<none> []");
    }

    @Test
    void onSyncedComesAfterTheSyncLatencyAndInOrder() {
        // Syncs complete after their latency, never before an earlier sync, each reported once.
        List<String> synced = new ArrayList<>();
        DiskConfig randomLatency = new DiskConfig(Latency.uniform(ms(1), ms(9)), false);
        run(3, randomLatency, FaultPlan.none(), id -> new ScriptedNode()
                .onStart((ctx, restarted) -> {
                    for (int i = 0; i < 20; i++) {
                        ctx.disk().append("log", bytes("r" + i));
                        ctx.disk().sync();
                    }
                })
                .onSynced((syncId, ctx) -> synced.add(syncId + "@" + ctx.nowNanos())));

        assertThat(synced).hasSize(20);
        List<Long> ids =
                synced.stream().map(s -> Long.parseLong(s.split("@")[0])).toList();
        List<Long> times =
                synced.stream().map(s -> Long.parseLong(s.split("@")[1])).toList();
        assertThat(ids).isEqualTo(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(times).isSorted().allMatch(t -> t >= 1_000_000L && t <= 9_000_000L);
    }

    /** Syncs "0123456789", then appends two unsynced chunks; records the log seen after restart. */
    private static String tornRun(long seed, boolean torn) {
        List<String> seen = new ArrayList<>();
        run(
                seed,
                new DiskConfig(Latency.constant(ms(1)), torn),
                FaultPlan.builder().crash(ms(10), N1, ms(1)).build(),
                id -> new ScriptedNode()
                        .onStart((ctx, restarted) -> {
                            if (restarted) {
                                seen.add(text(ctx.disk(), "log"));
                                return;
                            }
                            ctx.disk().append("log", bytes("0123456789"));
                            ctx.disk().sync();
                        })
                        .onSynced((syncId, ctx) -> {
                            ctx.disk().append("log", bytes("ABCDEFGHIJ"));
                            ctx.disk().append("log", bytes("KLMNOPQRST"));
                        }));
        return seen.getFirst();
    }

    @Test
    void tornWritesKeepARandomPrefixOfTheUnsyncedTail() {
        // With torn writes, the synced part always survives and a prefix of the unsynced appends may too.
        List<String> logs =
                LongStream.range(0, 40).mapToObj(seed -> tornRun(seed, true)).toList();

        assertThat(logs).allSatisfy(log -> {
            assertThat(log).startsWith("0123456789");
            assertThat("ABCDEFGHIJKLMNOPQRST").startsWith(log.substring(10));
        });
        assertThat(logs.stream().map(String::length).distinct().count()).isGreaterThan(5);
        assertThat(logs).anyMatch(log -> log.length() > 10 && log.length() < 30);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void withoutTornWritesNothingUnsyncedSurvives(long seed) {
        // Torn writes off: a crash keeps exactly the synced content.
        assertThat(tornRun(seed, false)).isEqualTo("0123456789");
    }

    @Test
    void restartCallsOnStartWithRestartedTrueOnAFreshObject() {
        // A crash throws the node object away; the restart makes a new one and tells it so.
        List<Node> made = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        Simulation sim = Simulation.builder(1)
                .addNode(N1, id -> {
                    Node node = new ScriptedNode().onStart((ctx, restarted) -> starts.add("restarted=" + restarted));
                    made.add(node);
                    return node;
                })
                .faults(FaultPlan.builder().crash(ms(10), N1, ms(10)).build())
                .build();

        SimResult result = sim.run(ms(100));

        assertThat(starts).containsExactly("restarted=false", "restarted=true");
        assertThat(made).hasSize(2);
        assertThat(made.get(1)).isNotSameAs(made.get(0));
        assertThat(sim.node(N1)).containsSame(made.get(1));
        assertThat(result.stats().crashes()).isEqualTo(1);
    }

    @Test
    void aCrashedNodeIsAbsentUntilItRestarts() {
        // While down, the simulation has no live object for the node.
        Simulation sim = Simulation.builder(1)
                .addNode(N1, id -> new ScriptedNode())
                .faults(FaultPlan.builder().crash(ms(10), N1, ms(100)).build())
                .build();

        sim.run(ms(50));

        assertThat(sim.node(N1)).isEmpty();
    }

    @Test
    void crashCancelsTimers() {
        // A timer set before a crash never fires, neither on the old object nor on the new one.
        List<String> fired = new ArrayList<>();
        NodeFactory factory = id -> new ScriptedNode()
                .onStart((ctx, restarted) -> {
                    if (!restarted) {
                        ctx.setTimer(ms(20), new Fire("before crash"));
                    }
                })
                .onTimer((timer, ctx) -> fired.add(timer.toString()));

        SimResult crashed =
                run(1, SYNC_5MS, FaultPlan.builder().crash(ms(10), N1, ms(2)).build(), factory);
        assertThat(fired).isEmpty();
        assertThat(crashed.stats().timersFired()).isZero();

        run(1, SYNC_5MS, FaultPlan.none(), factory);
        assertThat(fired).containsExactly("Fire[name=before crash]");
    }

    @Test
    void cancelledTimersDoNotFire() {
        // Cancelling a timer stops it; cancelling it again, or cancelling a fired one, does nothing.
        List<String> fired = new ArrayList<>();
        run(1, SYNC_5MS, FaultPlan.none(), id -> new ScriptedNode()
                .onStart((ctx, restarted) -> {
                    var cancelled = ctx.setTimer(ms(5), new Fire("cancelled"));
                    ctx.setTimer(ms(6), new Fire("kept"));
                    ctx.cancelTimer(cancelled);
                    ctx.cancelTimer(cancelled);
                })
                .onTimer((timer, ctx) -> fired.add(((Fire) timer).name() + "@" + ctx.nowNanos())));

        assertThat(fired).containsExactly("kept@6000000");
    }

    @Test
    void syncedDataSurvivesRepeatedCrashes() {
        // Each incarnation appends its number and syncs; every synced append survives later crashes.
        List<String> seen = new ArrayList<>();
        FaultPlan plan = FaultPlan.builder()
                .crash(ms(10), N1, ms(5))
                .crash(ms(30), N1, ms(5))
                .build();
        run(1, SYNC_5MS, plan, id -> new ScriptedNode().onStart((ctx, restarted) -> {
            Optional<byte[]> log = ctx.disk().read("log");
            seen.add(log.map(b -> new String(b, UTF_8)).orElse(""));
            ctx.disk().append("log", bytes(String.valueOf(seen.size())));
            ctx.disk().sync();
        }));

        assertThat(seen).containsExactly("", "1", "12");
    }
}
