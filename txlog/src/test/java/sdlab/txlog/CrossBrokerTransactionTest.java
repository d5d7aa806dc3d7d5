package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.B1;
import static sdlab.txlog.ReplicationWorld.B2;
import static sdlab.txlog.ReplicationWorld.B3;
import static sdlab.txlog.ReplicationWorld.CONTROLLER;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.txlog.TargetedScript.Step;
import sdlab.txlog.TxLogMessages.AddPartitionsToTxn;
import sdlab.txlog.TxLogMessages.EndTxn;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.Produce;

/**
 * A transaction whose partitions are led by two brokers ends on both. Topic "events" (led by b1, which is also the
 * transaction's coordinator) and topic "pay" (led by b2), each replicated on b1-b3: the coordinator writes the marker
 * into events-0 itself and sends pay-0's to b2 (WriteTxnMarker), and completes when b2 confirms it. A commit makes the
 * records of both partitions readable at read_committed, none before; an abort leaves none readable on either. A marker
 * to a broker that does not answer (the link b1 to b2 cut) or that died (b3 then leads pay-0) is sent again until it is
 * written, and one for a partition the coordinator's broker holds no replica of (so knows no leader of) goes to every
 * broker, and its leader writes it.
 */
class CrossBrokerTransactionTest {
    private static final TopicPartition PAY = new TopicPartition("pay", 0);
    private static final long PRODUCER = 0; // b1's first producer id
    private static final long RUN_MS = 400;

    /** The transactional producer: t1 at coordinator b1 writes to events-0 (b1) and pay-0 (b2), then ends. */
    private static TargetedScript producer(boolean commit) {
        return new TargetedScript(List.of(
                new Step(5, B1, new InitProducerId(1, "t1", 10_000)),
                new Step(10, B1, new AddPartitionsToTxn(2, "t1", PRODUCER, (short) 0, List.of(EVENTS, PAY))),
                new Step(15, B1, produce(3, EVENTS, "e0", "e1")),
                new Step(15, B2, produce(4, PAY, "p0", "p1")),
                new Step(40, B1, new EndTxn(5, "t1", PRODUCER, (short) 0, commit))));
    }

    private static Produce produce(long requestId, TopicPartition tp, String... values) {
        return new Produce(requestId, tp, PRODUCER, (short) 0, 0, true, List.of(values), Acks.ALL);
    }

    /** A read_committed reader of both partitions at 30 ms (the transaction open), and one of pay-0 at {@code lateMs}. */
    private static TargetedScript reader(long lateMs, NodeId payLeaderLate) {
        return new TargetedScript(List.of(
                new Step(30, B1, new Fetch(1, EVENTS, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(30, B2, new Fetch(2, PAY, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(lateMs, B1, new Fetch(3, EVENTS, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(lateMs, payLeaderLate, new Fetch(4, PAY, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(lateMs, payLeaderLate, new Fetch(5, PAY, 0, 100, IsolationLevel.READ_UNCOMMITTED))));
    }

    static TxLogConfig config() {
        return TxLogConfig.of(Map.of("events", 1, "pay", 1))
                .withReplication(ReplicationConfig.group(CONTROLLER, ReplicationWorld.BROKERS, 3, 2));
    }

    private static ReplicationWorld.Run run(
            long seed, TxLogConfig config, TargetedScript producer, TargetedScript reader, FaultPlan faults) {
        return ReplicationWorld.run(
                seed, config, Map.of("producer", producer, "reader", reader), faults, builder -> {}, RUN_MS);
    }

    private static List<String> values(TargetedScript reader, long requestId) {
        return ((FetchOk) reader.answer(requestId).response())
                .records().stream().map(LogRecord::value).toList();
    }

    @Test
    void aCommitSpanningTwoBrokersBecomesReadableOnBothAndNothingBefore() {
        TargetedScript producer = producer(true);
        TargetedScript reader = reader(100, B2);

        ReplicationWorld.Run run = run(1, config(), producer, reader, FaultPlan.none());

        assertThat(producer.answer(4).response()).isInstanceOf(TxLogMessages.ProduceOk.class);
        assertThat(producer.answer(5).response()).isInstanceOf(TxLogMessages.TxnOk.class);
        assertThat(values(reader, 1)).as("events-0 while open").isEmpty();
        assertThat(values(reader, 2)).as("pay-0 while open").isEmpty();
        assertThat(values(reader, 3)).as("events-0 after the commit").containsExactly("e0", "e1");
        assertThat(values(reader, 4)).as("pay-0 after the commit").containsExactly("p0", "p1");
        assertThat(run.broker(B1).transactionState("t1")).contains(TxnState.COMPLETE_COMMIT);
        for (NodeId broker : ReplicationWorld.BROKERS) {
            assertThat(markers(run.broker(broker), PAY))
                    .as("pay-0 on %s", broker)
                    .containsExactly(LogRecord.Control.COMMIT);
        }
        assertThat(run.broker(B2).lastStableOffset(PAY))
                .isEqualTo(run.broker(B2).logEndOffset(PAY))
                .isEqualTo(3);
    }

    @Test
    void anAbortSpanningTwoBrokersLeavesNothingReadableOnEither() {
        TargetedScript producer = producer(false);
        TargetedScript reader = reader(100, B2);

        ReplicationWorld.Run run = run(1, config(), producer, reader, FaultPlan.none());

        assertThat(values(reader, 3)).as("events-0 after the abort").isEmpty();
        assertThat(values(reader, 4)).as("pay-0 after the abort").isEmpty();
        assertThat(values(reader, 5)).as("pay-0 read_uncommitted").containsExactly("p0", "p1");
        assertThat(run.broker(B1).transactionState("t1")).contains(TxnState.COMPLETE_ABORT);
        assertThat(markers(run.broker(B2), PAY)).containsExactly(LogRecord.Control.ABORT);
        assertThat(run.broker(B2).lastStableOffset(PAY)).isEqualTo(3);
    }

    @Test
    void aMarkerToABrokerThatDoesNotAnswerIsSentAgainUntilItIsWritten() {
        TargetedScript producer = producer(true);
        // b1's messages to b2 are lost from 38 to 138 ms; b2 still beats the controller, so it keeps leading pay-0.
        TargetedScript reader = new TargetedScript(List.of(
                new Step(100, B1, new Fetch(1, EVENTS, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(100, B2, new Fetch(2, PAY, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(250, B2, new Fetch(3, PAY, 0, 100, IsolationLevel.READ_COMMITTED))));
        FaultPlan cut = FaultPlan.builder()
                .clog(Duration.ofMillis(38), Duration.ofMillis(100), B1, B2)
                .build();

        ReplicationWorld.Run run = run(1, config(), producer, reader, cut);

        assertThat(values(reader, 1)).as("events-0, written locally").containsExactly("e0", "e1");
        assertThat(values(reader, 2)).as("pay-0 while its marker is lost").isEmpty();
        assertThat(values(reader, 3)).as("pay-0 once the marker got through").containsExactly("p0", "p1");
        assertThat(run.broker(B1).transactionState("t1")).contains(TxnState.COMPLETE_COMMIT);
        assertThat(run.controller().state(PAY).orElseThrow().leader()).isEqualTo(B2);
    }

    @Test
    void aMarkerWhosePartitionsLeaderDiedGoesToTheNewLeader() {
        TargetedScript producer = producer(true);
        TargetedScript reader = reader(300, B3);
        FaultPlan crash = FaultPlan.builder()
                .crash(Duration.ofMillis(38), B2, Duration.ofMillis(1000))
                .build();

        ReplicationWorld.Run run = run(1, config(), producer, reader, crash);

        assertThat(run.controller().state(PAY).orElseThrow().leader()).isEqualTo(B3);
        assertThat(values(reader, 4)).as("pay-0 at its new leader").containsExactly("p0", "p1");
        assertThat(run.broker(B1).transactionState("t1")).contains(TxnState.COMPLETE_COMMIT);
    }

    @Test
    void aMarkerForAPartitionTheCoordinatorHoldsNoReplicaOfReachesItsLeader() {
        // Replication factor 2: events-0 on b1 and b2, pay-0 on b2 and b3, so b1 never hears who leads pay-0.
        TxLogConfig config = TxLogConfig.of(Map.of("events", 1, "pay", 1))
                .withReplication(ReplicationConfig.group(CONTROLLER, ReplicationWorld.BROKERS, 2, 1));
        TargetedScript producer = producer(true);
        TargetedScript reader = reader(100, B2);

        ReplicationWorld.Run run = run(1, config, producer, reader, FaultPlan.none());

        assertThat(run.broker(B1).partitionState(PAY)).isEmpty();
        assertThat(values(reader, 4)).as("pay-0 after the commit").containsExactly("p0", "p1");
        assertThat(run.broker(B1).transactionState("t1")).contains(TxnState.COMPLETE_COMMIT);
        assertThat(markers(run.broker(B3), PAY)).containsExactly(LogRecord.Control.COMMIT);
    }

    /** The planted bug: the coordinator writes only where its broker leads, so pay-0's transaction never ends. */
    @Test
    void aCoordinatorThatWritesMarkersOnlyOnItsOwnBrokerLeavesTheOtherPartitionOpen() {
        TargetedScript producer = producer(true);
        TargetedScript reader = reader(100, B2);

        ReplicationWorld.Run run = run(
                1,
                config().withBug(TxLogConfig.Bug.TXN_MARKERS_ONLY_ON_OWN_BROKER),
                producer,
                reader,
                FaultPlan.none());

        assertThat(values(reader, 3)).as("events-0").containsExactly("e0", "e1");
        assertThat(values(reader, 4)).as("pay-0 never committed").isEmpty();
        assertThat(markers(run.broker(B2), PAY)).isEmpty();
        assertThat(run.broker(B2).lastStableOffset(PAY))
                .as("pay-0's LSO stuck at the transaction")
                .isZero();
    }

    @Test
    void theSameSeedReplaysTheSameSpanningTransaction() {
        FaultPlan cut = FaultPlan.builder()
                .clog(Duration.ofMillis(38), Duration.ofMillis(100), B1, B2)
                .build();
        long first =
                run(7, config(), producer(true), reader(100, B2), cut).result().traceHash();
        long again =
                run(7, config(), producer(true), reader(100, B2), cut).result().traceHash();
        long other =
                run(8, config(), producer(true), reader(100, B2), cut).result().traceHash();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static List<LogRecord.Control> markers(LogBroker broker, TopicPartition tp) {
        return broker.records(tp).stream()
                .filter(LogRecord::isMarker)
                .map(LogRecord::control)
                .toList();
    }
}
