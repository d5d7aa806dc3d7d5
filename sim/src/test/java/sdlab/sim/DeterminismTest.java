package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.sim.Scenarios.C1;
import static sdlab.sim.Scenarios.C2;
import static sdlab.sim.Scenarios.N1;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;

class DeterminismTest {

    /** A busy run: random latency, loss, duplication, reordering, a random fault plan and a workload. */
    static SimResult busyRun(long seed) {
        return busyRun(seed, true);
    }

    private static SimResult busyRun(long seed, boolean hashTrace) {
        NodeId pinger = NodeId.of("p");
        NetworkConfig network = NetworkConfig.reliable(Latency.logNormal(Duration.ofMillis(2), 0.8))
                .withLoss(0.05)
                .withDuplication(0.05)
                .withReordering(0.1);
        FaultPlan faults = FaultPlan.random(
                FaultMix.standard(), List.of(N1, pinger), Duration.ofSeconds(2), Seeds.derive(seed, "faults"));
        OperationGenerator gen = (process, random) -> random.nextBoolean()
                ? new OperationGenerator.Operation(
                        "read", KeyChooser.zipfian(5, 1.0).next(random), null)
                : new OperationGenerator.Operation("write", "k" + random.nextInt(5), random.nextLong(100));
        return Simulation.builder(seed)
                .network(network)
                .addNode(N1, id -> new RegisterNode())
                .addNode(pinger, id -> new PingerNode(N1, 200, Duration.ofMillis(7), Scenarios.log()))
                .addClient(C1, new RegisterClient(N1, Duration.ofMillis(50)))
                .addClient(C2, new RegisterClient(N1, Duration.ofMillis(50)))
                .faults(faults)
                .workload(Workload.closedLoop(List.of(C1, C2), gen, 100, Latency.exponential(Duration.ofMillis(3))))
                .recordTrace(true)
                .hashTrace(hashTrace)
                .build()
                .run(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20260101})
    void sameSeedGivesTheSameTraceHashTraceAndHistory(long seed) {
        // Two runs of one seed agree byte for byte: trace hash, formatted trace and history.
        SimResult first = busyRun(seed);
        SimResult second = busyRun(seed);

        assertThat(first.trace()).hasSizeGreaterThan(1000);
        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.formattedTrace()).isEqualTo(first.formattedTrace());
        assertThat(second.history()).isEqualTo(first.history());
        assertThat(second.stats()).isEqualTo(first.stats());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42})
    void aRunWithoutTheHashIsTheSameRunWithAHashOfZero(long seed) {
        // Turning the hash off (as a sweep's lean runs do) changes nothing the run does: the same trace, history and
        // statistics, and a hash of 0.
        SimResult hashed = busyRun(seed, true);
        SimResult unhashed = busyRun(seed, false);

        assertThat(hashed.traceHash()).isNotZero();
        assertThat(unhashed.traceHash()).isZero();
        assertThat(unhashed.formattedTrace()).isEqualTo(hashed.formattedTrace());
        assertThat(unhashed.history()).isEqualTo(hashed.history());
        assertThat(unhashed.stats()).isEqualTo(hashed.stats());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20260101})
    void differentSeedsGiveDifferentRuns(long seed) {
        // A neighbouring seed gives another run, and so another hash.
        assertThat(busyRun(seed + 1).traceHash()).isNotEqualTo(busyRun(seed).traceHash());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theHashCoversWhatMessagesSay(int payload) {
        // Runs that differ only in one message's content (or type) hash differently.
        assertThat(oneMessageRun(new TestMessages.Ping(payload)))
                .isNotEqualTo(oneMessageRun(new TestMessages.Ping(payload + 1)))
                .isNotEqualTo(oneMessageRun(new TestMessages.Pong(payload)))
                .isEqualTo(oneMessageRun(new TestMessages.Ping(payload)));
    }

    private static long oneMessageRun(TestMessages message) {
        return Simulation.builder(7)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .addNode(Scenarios.A, id -> new ScriptedNode()
                        .onStart((ctx, restarted) -> ctx.send(Scenarios.B, message)))
                .addNode(Scenarios.B, id -> new ScriptedNode())
                .build()
                .run(Duration.ofSeconds(1))
                .traceHash();
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void theHashDoesNotDependOnRecordingTheTrace(long seed) {
        // The hash is computed whether or not events are kept, and is the same either way.
        List<Received> log = Scenarios.log();
        SimResult recorded = Scenarios.pingPong(
                seed, NetworkConfig.reliable(Latency.exponential(Duration.ofMillis(1))), FaultPlan.none(), 100, log);
        SimResult unrecorded = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.exponential(Duration.ofMillis(1))))
                .addNode(Scenarios.A, id -> new PingerNode(Scenarios.B, 100, Duration.ofMillis(1), Scenarios.log()))
                .addNode(Scenarios.B, id -> new EchoNode(Scenarios.log()))
                .build()
                .run(Duration.ofSeconds(1000));

        assertThat(unrecorded.trace()).isEmpty();
        assertThat(unrecorded.traceHash()).isEqualTo(recorded.traceHash());
    }
}
