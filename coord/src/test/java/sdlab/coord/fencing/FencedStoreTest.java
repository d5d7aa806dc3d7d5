package sdlab.coord.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.coord.fencing.FencingMessages.FencedWrite;
import sdlab.coord.fencing.FencingMessages.StaleToken;
import sdlab.coord.fencing.FencingMessages.WriteAnswer;
import sdlab.coord.fencing.FencingMessages.Written;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Simulation;

/** The fenced storage node in the simulator: answers only after sync, and recovers tokens and keys from its log. */
class FencedStoreTest {
    private static final NodeId STORE = NodeId.of("store");
    private static final NodeId W1 = NodeId.of("w1");
    private static final NodeId W2 = NodeId.of("w2");

    /** An answer and the virtual time it arrived. */
    record Received(NodeId writer, WriteAnswer answer, long atNanos) {}

    record Send(FencedWrite write) implements Timer {}

    /** Sends its scripted writes at their times and records every answer. */
    record Writer(List<Long> atMs, List<FencedWrite> writes, List<Received> log) implements Node {
        @Override
        public void onStart(NodeContext ctx, boolean restarted) {
            for (int i = 0; i < writes.size(); i++) {
                ctx.setTimer(Duration.ofMillis(atMs.get(i)), new Send(writes.get(i)));
            }
        }

        @Override
        public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
            ctx.send(STORE, ((Send) timer).write());
        }

        @Override
        public void onMessage(NodeId from, Message message, NodeContext ctx) {
            log.add(new Received(ctx.self(), (WriteAnswer) message, ctx.nowNanos()));
        }
    }

    private static FencedWrite write(long id, long token, String key, String value) {
        return new FencedWrite(id, "job", token, key, value);
    }

    @Test
    void aPausedHoldersLateWriteIsRefusedAfterItsSuccessorWrote() {
        // Shows: w1 (token 1) writes, w2 (token 2) takes over and writes, then w1's late write is refused as stale.
        List<Received> log = new ArrayList<>();
        Simulation simulation = Simulation.builder(1)
                .addNode(STORE, id -> new FencedStore(FencingPolicy.tokens()))
                .addNode(
                        W1,
                        id -> new Writer(List.of(1L, 30L), List.of(write(1, 1, "", "a"), write(2, 1, "", "late")), log))
                .addNode(W2, id -> new Writer(List.of(10L), List.of(write(1, 2, "", "b")), log))
                .build();
        simulation.run(Duration.ofMillis(100));

        assertThat(log)
                .extracting(Received::answer)
                .containsExactly(new Written(1), new Written(1), new StaleToken(2, 2));
        FencedStore store = (FencedStore) simulation.node(STORE).orElseThrow();
        assertThat(store.state().value("job")).contains("b");
        assertThat(store.counts()).isEqualTo(new FencedStore.Counts(2, 1, 0));
    }

    @Test
    void noAnswerIsSentBeforeTheSyncThatCoversTheWrite() {
        // Shows: with 20 ms syncs, a write that arrives at 2 ms is acknowledged at 22 ms, not before.
        List<Received> log = new ArrayList<>();
        Simulation.builder(1)
                .disk(DiskConfig.defaults().withSyncLatency(Latency.constant(Duration.ofMillis(20))))
                .addNode(STORE, id -> new FencedStore(FencingPolicy.tokens()))
                .addNode(W1, id -> new Writer(List.of(1L), List.of(write(1, 1, "", "a")), log))
                .build()
                .run(Duration.ofMillis(100));

        assertThat(log).singleElement().satisfies(r -> assertThat(r.atNanos()).isEqualTo(23_000_000L));
    }

    @Test
    void aCrashBetweenWriteAndSyncLosesTheWriteAndNeverAcknowledgesIt() {
        // Shows: the write reaches the store at 2 ms, its sync would finish at 22 ms, the store crashes at
        // 10 ms: no acknowledgement, and after the restart the log, the value and the token are as before.
        List<Received> log = new ArrayList<>();
        Simulation simulation = Simulation.builder(1)
                .disk(DiskConfig.defaults().withSyncLatency(Latency.constant(Duration.ofMillis(20))))
                .addNode(STORE, id -> new FencedStore(FencingPolicy.tokens()))
                .addNode(W1, id -> new Writer(List.of(1L), List.of(write(1, 7, "", "a")), log))
                .faults(FaultPlan.builder()
                        .crash(Duration.ofMillis(10), STORE, Duration.ofMillis(5))
                        .build())
                .build();
        simulation.run(Duration.ofMillis(100));

        assertThat(log).isEmpty();
        FencedStore store = (FencedStore) simulation.node(STORE).orElseThrow();
        assertThat(store.state().value("job")).isEmpty();
        assertThat(store.state().highestTokenFor("w1", "job")).isEqualTo(Long.MIN_VALUE);
        assertThat(FencedLog.read(simulation.disk(STORE).orElseThrow())).isEmpty();
    }

    @Test
    void tokensAndKeysSurviveARestart() {
        // Shows: after a crash that follows the sync, the restarted store still refuses token 1 and key job@1.
        List<Received> log = new ArrayList<>();
        Simulation simulation = Simulation.builder(1)
                .addNode(STORE, id -> new FencedStore(FencingPolicy.tokensAndKeys()))
                .addNode(W2, id -> new Writer(List.of(1L), List.of(write(1, 2, "job@1", "b")), log))
                .addNode(
                        W1,
                        id -> new Writer(
                                List.of(40L, 41L),
                                List.of(write(1, 1, "job@2", "stale"), write(2, 2, "job@1", "again")),
                                log))
                .faults(FaultPlan.builder()
                        .crash(Duration.ofMillis(20), STORE, Duration.ofMillis(5))
                        .build())
                .build();
        simulation.run(Duration.ofMillis(100));

        assertThat(log)
                .extracting(Received::answer)
                .containsExactly(new Written(1), new StaleToken(1, 2), new FencingMessages.DuplicateKey(2, "job@1"));
        assertThat(FencedLog.read(simulation.disk(STORE).orElseThrow()))
                .extracting(AppliedWrite::value)
                .containsExactly("b");
    }

    @Test
    void aTornLastLineIsDroppedWhenTheLogIsRead() {
        // Shows: the log's reader ignores a partial last line, and so a crash mid-append costs only the unacknowledged
        // write.
        byte[] whole = FencedLog.encode(new AppliedWrite("job", 1, "", "a", "w1", 5));
        byte[] torn = new byte[whole.length + 4];
        System.arraycopy(whole, 0, torn, 0, whole.length);
        System.arraycopy("job\t".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, torn, whole.length, 4);
        assertThat(FencedLog.decode(torn)).extracting(AppliedWrite::value).containsExactly("a");
    }
}
