package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A cold standby, on a constant 1 ms network with 1 ms syncs: primary p ships its log to the archive every 50 ms, the
 * archive takes a base backup every 500 ms, standby s is not running. p stops at 680 ms; a manager that sees three
 * heartbeat writes fail (20 ms apart) promotes s, which starts (100 ms), restores the latest base backup and the log
 * archived after it, replays it, and takes writes. p comes back at 1.18 s and goes cold in its turn.
 */
class ColdStandbyTest {
    private static final NodeId P = ReplWorld.P;
    private static final NodeId S = NodeId.of("s");
    private static final NodeId ARCHIVE = NodeId.of("archive");
    private static final NodeId MANAGER = NodeId.of("manager");
    private static final NodeId WRITER = ReplWorld.client(0);
    private static final long BOOT = 100 * MS;
    /** The primary stops between two base backups (every 500 ms), so that the restore replays a stretch of log. */
    private static final long STOP_MS = 680;

    private record Run(Simulation simulation, SimResult result, Restores restores) {
        ReplNode node(NodeId id) {
            return (ReplNode) simulation.node(id).orElseThrow();
        }
    }

    /** The restores and promotions the store reported. */
    private static final class Restores implements ReplObserver {
        final List<long[]> restored = new ArrayList<>();
        final List<NodeId> promoted = new ArrayList<>();

        @Override
        public void restored(NodeId node, long basePosition, long position, long tookNanos, long atNanos) {
            restored.add(new long[] {basePosition, position, tookNanos, atNanos});
        }

        @Override
        public void promoted(NodeId primary, long lastPosition, long atNanos) {
            promoted.add(primary);
        }
    }

    private static Run run(ReplConfig.Bug bug, FaultPlan faults) {
        Restores restores = new Restores();
        ReplConfig config = ReplConfig.defaults(P, List.of()).withBug(bug);
        ColdStandby cold = new ColdStandby(ARCHIVE, 50 * MS, 500 * MS, BOOT, false);
        FailoverManager.Settings manager = new FailoverManager.Settings(
                P, List.of(P, S), List.of(WRITER), new HealthCheck.Query(500 * MS), 20 * MS, 3, 50 * MS, 1);
        Simulation simulation = Simulation.builder(9)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults())
                .addNode(P, any -> new ReplNode(config, restores, cold))
                .addNode(S, any -> new ReplNode(config, restores, cold.standby()))
                .addNode(ARCHIVE, any -> new ArchiveNode(new ArchiveNode.Settings(P, 500 * MS, 64)))
                .addNode(MANAGER, any -> new FailoverManager(manager))
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, 50 * MS)))
                .faults(faults)
                .workload(Workload.closedLoop(
                        List.of(WRITER), ReplWorld.writesAndReads(1, 20), 400, Latency.constant(Duration.ofMillis(1))))
                .build();
        return new Run(simulation, simulation.run(Duration.ofSeconds(10)), restores);
    }

    private static FaultPlan primaryStops() {
        return FaultPlan.builder()
                .crash(Duration.ofMillis(STOP_MS), P, Duration.ofMillis(500))
                .build();
    }

    private static Set<String> values(List<Entry> entries) {
        Set<String> values = new HashSet<>();
        entries.forEach(entry -> values.add(entry.value()));
        return values;
    }

    /** The acknowledged writes missing from s's history: the archive's log up to where s restored, then s's own. */
    private static List<String> lost(Run run) {
        long restoredTo = run.restores().restored.getFirst()[1];
        Set<String> kept = values(run.node(S).log());
        run.simulation().node(ARCHIVE).map(ArchiveNode.class::cast).orElseThrow().log().stream()
                .filter(entry -> entry.position() <= restoredTo)
                .forEach(entry -> kept.add(entry.value()));
        return Operations.of(run.result().history()).stream()
                .filter(op -> op.status() == Status.OK)
                .map(op -> (String) op.output())
                .filter(value -> !kept.contains(value))
                .toList();
    }

    @Test
    void theStandbyRestoresTheBaseBackupAndTheArchivedLogThenTakesWrites() {
        Run run = run(ReplConfig.Bug.NONE, primaryStops());

        assertThat(run.restores().promoted).containsExactly(S);
        long[] restore = run.restores().restored.getFirst();
        assertThat(restore[0]).as("a base backup was used").isPositive();
        assertThat(restore[1]).as("and the log after it replayed").isGreaterThan(restore[0]);
        assertThat(restore[2]).as("the restore includes the start").isGreaterThan(BOOT);
        assertThat(run.node(S).isPrimary()).isTrue();
        assertThat(run.node(P).cold())
                .as("the old primary went cold when it came back")
                .isTrue();
        // Writes went on at s after the restore, and were archived from there on.
        List<Operation> late = Operations.of(run.result().history()).stream()
                .filter(op -> op.status() == Status.OK && op.completeTimeNanos() > 1200 * MS)
                .toList();
        assertThat(late).isNotEmpty();
        assertThat(values(run.node(S).log()))
                .containsAll(late.stream().map(op -> (String) op.output()).toList());
    }

    @Test
    void whatIsLostIsWhatTheArchiveHadNotConfirmed() {
        // Shows: the writes acknowledged in the archive timeout before the stop are gone, and at most those.
        Run run = run(ReplConfig.Bug.NONE, primaryStops());

        List<String> lost = lost(run);
        assertThat(lost).isNotEmpty();
        List<Operation> acknowledged = Operations.of(run.result().history()).stream()
                .filter(op -> op.status() == Status.OK)
                .toList();
        assertThat(acknowledged)
                .filteredOn(op -> lost.contains((String) op.output()))
                .allSatisfy(op -> assertThat(op.completeTimeNanos()).isGreaterThan((STOP_MS - 50 - 5) * MS));
    }

    @Test
    void aRestoredPrimaryThatRestartsRecoversItsBaseBackupAndLog() {
        FaultPlan faults = FaultPlan.builder()
                .crash(Duration.ofMillis(STOP_MS), P, Duration.ofMillis(500))
                .crash(Duration.ofMillis(1500), S, Duration.ofMillis(10))
                .build();
        Run run = run(ReplConfig.Bug.NONE, faults);

        ReplNode s = run.node(S);
        assertThat(s.isPrimary()).isTrue();
        assertThat(s.log().getFirst().position())
                .isEqualTo(run.restores().restored.getFirst()[0] + 1);
        assertThat(lost(run)).hasSameElementsAs(lost(run(ReplConfig.Bug.NONE, primaryStops())));
    }

    @Test
    void aStandbyPromotedWhileTheArchiveIsDownRestoresOnceItIsBack() {
        // Shows: the archive is down from 650 to 1000 ms; s is promoted and started by about 860 ms, its fetches go
        // unanswered, and it asks again every archive timeout until the archive answers.
        FaultPlan faults = FaultPlan.builder()
                .crash(Duration.ofMillis(650), ARCHIVE, Duration.ofMillis(350))
                .crash(Duration.ofMillis(STOP_MS), P, Duration.ofMillis(500))
                .build();
        Run run = run(ReplConfig.Bug.NONE, faults);

        assertThat(run.restores().promoted).containsExactly(S);
        assertThat(run.restores().restored.getFirst()[3]).as("restored at").isGreaterThan(1000 * MS);
        assertThat(run.node(S).isPrimary()).isTrue();
    }

    @Test
    void aRestoreThatSkipsTheArchivedLogLosesEverythingSinceTheBaseBackup() {
        Run run = run(ReplConfig.Bug.RESTORE_SKIPS_ARCHIVED_LOG, primaryStops());

        assertThat(lost(run).size())
                .isGreaterThan(lost(run(ReplConfig.Bug.NONE, primaryStops())).size() + 10);
    }
}
