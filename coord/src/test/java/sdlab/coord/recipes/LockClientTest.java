package sdlab.coord.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.coord.fencing.FencedLog;
import sdlab.coord.fencing.FencedStore;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.coord.server.CoordReplica;
import sdlab.coord.server.ReplicaConfig;
import sdlab.core.NodeId;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimControl;
import sdlab.sim.Simulation;

/**
 * The lock clients against one coordination server and one store in the simulator: without
 * faults each recipe hands the lock from holder to holder with no overlap and no lost increment,
 * the plain lock wakes every waiter on a release and the sequential one wakes one; a holder paused
 * past its session in the middle of an increment loses one, unless the store checks the token.
 */
class LockClientTest {
    static final NodeId SERVER = NodeId.of("z1");
    static final NodeId STORE = NodeId.of("store");
    static final List<NodeId> CLIENTS = List.of(NodeId.of("c1"), NodeId.of("c2"), NodeId.of("c3"), NodeId.of("c4"));
    static final String COUNTER = "counter";

    /** What the clients reported, in virtual time. */
    static final class Record implements LockObserver {
        record Hold(NodeId client, long token, long fromNanos, long toNanos) {}

        final List<Hold> holds = new ArrayList<>();
        long notifications;
        SimControl clock;

        @Override
        public void acquired(NodeId client, long token) {
            holds.add(new Hold(client, token, clock.nowNanos(), Long.MAX_VALUE));
        }

        @Override
        public void holdEnded(NodeId client, String why) {
            for (int i = holds.size() - 1; i >= 0; i--) {
                Hold hold = holds.get(i);
                if (hold.client().equals(client) && hold.toNanos() == Long.MAX_VALUE) {
                    holds.set(i, new Hold(client, hold.token(), hold.fromNanos(), clock.nowNanos()));
                    return;
                }
            }
        }

        @Override
        public void notified(NodeId client) {
            notifications++;
        }

        long overlaps() {
            long count = 0;
            for (int i = 0; i < holds.size(); i++) {
                for (int j = i + 1; j < holds.size(); j++) {
                    Hold a = holds.get(i);
                    Hold b = holds.get(j);
                    if (a.fromNanos() < b.toNanos() && b.fromNanos() < a.toNanos()) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    record Run(Record record, List<AppliedWrite> applied, FencedStore store) {
        long lostIncrements() {
            long finalValue =
                    applied.isEmpty() ? 0 : Long.parseLong(applied.getLast().value());
            return applied.size() - finalValue;
        }
    }

    static LockConfig config(LockKind kind) {
        return new LockConfig(
                kind,
                List.of(SERVER),
                0,
                STORE,
                COUNTER,
                1_000,
                Duration.ofMillis(667),
                3,
                Duration.ofMillis(100),
                Duration.ofMillis(50),
                Duration.ofMillis(500),
                1_000,
                LockConfig.Bug.NONE);
    }

    static Run run(LockConfig config, FencingPolicy policy, Optional<Duration> pauseAt, long seed) {
        Record record = new Record();
        ReplicaConfig replica = ReplicaConfig.defaults().withTickTimeMs(200).withContainerCheckMs(100);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))))
                .addNode(SERVER, id -> new CoordReplica(id, List.of(SERVER), replica))
                .addNode(STORE, id -> new FencedStore(policy))
                .at(Duration.ZERO, control -> record.clock = control);
        for (NodeId client : CLIENTS) {
            builder.addNode(client, id -> new LockClient(config, record));
        }
        boolean[] paused = {false};
        pauseAt.ifPresent(at -> builder.every(Duration.ofMillis(5), control -> {
            if (!paused[0] && control.nowNanos() >= at.toNanos()) {
                paused[0] = pauseTheComputingHolder(control);
            }
        }));
        Simulation simulation = builder.build();
        simulation.run(Duration.ofSeconds(12));
        return new Run(record, FencedLog.read(simulation.disk(STORE).orElseThrow()), (FencedStore)
                simulation.node(STORE).orElseThrow());
    }

    /** Pauses the holder between its read and its write, if one is there now. */
    static boolean pauseTheComputingHolder(SimControl control) {
        for (NodeId client : CLIENTS) {
            if (control.node(client).orElse(null) instanceof LockClient lock && lock.computing()) {
                control.pause(client, Duration.ofSeconds(3));
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(LockKind.class)
    void withoutFaultsHoldsNeverOverlapAndNoIncrementIsLost(LockKind kind) {
        // Shows: each recipe hands the lock on; every increment lands; the counter equals the writes.
        Run run = run(config(kind), FencingPolicy.plain(), Optional.empty(), 1);

        assertThat(run.record().holds).hasSizeGreaterThan(10);
        assertThat(run.record().overlaps()).isZero();
        assertThat(run.lostIncrements()).isZero();
        assertThat(run.record().holds)
                .extracting(Record.Hold::token)
                .as("tokens rise with every grant")
                .isSorted();
    }

    @Test
    void thePlainLockWakesEveryWaiterAndTheSequentialOneWakesOne() {
        // Shows: the herd, measured: with four clients a release of /lock notifies the three waiters.
        Run plain = run(config(LockKind.EPHEMERAL), FencingPolicy.plain(), Optional.empty(), 1);
        Run sequential = run(config(LockKind.SEQUENTIAL), FencingPolicy.plain(), Optional.empty(), 1);

        double plainPerHold =
                (double) plain.record().notifications / plain.record().holds.size();
        double sequentialPerHold = (double) sequential.record().notifications
                / sequential.record().holds.size();
        assertThat(plainPerHold).isGreaterThan(2.5);
        assertThat(sequentialPerHold).isBetween(0.9, 1.1);
    }

    @Test
    void theSequentialLockWatchingItsParentWakesEveryWaiter() {
        // Shows: the planted bug brings the herd back (every create and delete under /locks wakes all).
        LockConfig buggy = new LockConfig(
                LockKind.SEQUENTIAL,
                List.of(SERVER),
                0,
                STORE,
                COUNTER,
                1_000,
                Duration.ofMillis(667),
                3,
                Duration.ofMillis(100),
                Duration.ofMillis(50),
                Duration.ofMillis(500),
                1_000,
                LockConfig.Bug.WATCH_PARENT);
        Run run = run(buggy, FencingPolicy.plain(), Optional.empty(), 1);

        assertThat(run.record().overlaps()).isZero();
        assertThat((double) run.record().notifications / run.record().holds.size())
                .isGreaterThan(2.5);
    }

    @Test
    void aHolderPausedPastItsSessionLosesAnIncrementUnlessTheStoreChecksTheToken() {
        // Shows: the pause makes two holders at once either way; only the token check keeps the count.
        Optional<Duration> pause = Optional.of(Duration.ofMillis(3_040));
        Run plain = run(config(LockKind.SEQUENTIAL), FencingPolicy.plain(), pause, 1);
        Run fenced = run(config(LockKind.SEQUENTIAL), FencingPolicy.tokens(), pause, 1);

        assertThat(plain.record().overlaps()).isPositive();
        assertThat(plain.lostIncrements()).isPositive();
        assertThat(fenced.record().overlaps()).isPositive();
        assertThat(fenced.lostIncrements()).isZero();
        assertThat(fenced.store().counts().refusedStale()).isPositive();
    }
}
