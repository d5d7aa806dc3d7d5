package sdlab.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.txlog.TxLogMessages.AddPartitionsToTxn;
import sdlab.txlog.TxLogMessages.EndTxn;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.Produce;

/**
 * The tests' world: broker b with topic "payments" of two partitions, on a constant 1 ms network with 1 ms syncs, so
 * that a test can say when each step happens; and shorthand for the requests.
 */
final class TxWorld {
    static final NodeId BROKER = NodeId.of("b");
    static final TopicPartition P0 = new TopicPartition("payments", 0);
    static final TopicPartition P1 = new TopicPartition("payments", 1);

    private TxWorld() {}

    static TxLogConfig config() {
        return TxLogConfig.of(Map.of("payments", 2));
    }

    /** Runs the broker and the scripts (named by the map's keys) for {@code runMs}; returns the broker. */
    static LogBroker run(long seed, TxLogConfig config, Map<String, Script> scripts, long runMs) {
        return run(seed, config, scripts, runMs, Latency.constant(Duration.ofMillis(1)));
    }

    static LogBroker run(long seed, TxLogConfig config, Map<String, Script> scripts, long runMs, Latency network) {
        return (LogBroker)
                simulation(seed, config, scripts, network, runMs).node(BROKER).orElseThrow();
    }

    static Simulation simulation(
            long seed, TxLogConfig config, Map<String, Script> scripts, Latency network, long runMs) {
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(network))
                .disk(DiskConfig.defaults())
                .addNode(BROKER, any -> new LogBroker(config));
        scripts.forEach((name, script) -> builder.addNode(NodeId.of(name), any -> script));
        Simulation simulation = builder.build();
        simulation.run(Duration.ofMillis(runMs));
        return simulation;
    }

    static Script.Step init(long atMs, long id, String transactionalId, long timeoutMs) {
        return new Script.Step(atMs, new InitProducerId(id, transactionalId, timeoutMs));
    }

    static Script.Step add(long atMs, long id, String txnId, long pid, int epoch, TopicPartition... tps) {
        return new Script.Step(atMs, new AddPartitionsToTxn(id, txnId, pid, (short) epoch, List.of(tps)));
    }

    static Script.Step produce(
            long atMs, long id, TopicPartition tp, long pid, int epoch, int seq, boolean txn, String... values) {
        return new Script.Step(atMs, new Produce(id, tp, pid, (short) epoch, seq, txn, List.of(values)));
    }

    static Script.Step end(long atMs, long id, String txnId, long pid, int epoch, boolean commit) {
        return new Script.Step(atMs, new EndTxn(id, txnId, pid, (short) epoch, commit));
    }

    static Script.Step fetch(long atMs, long id, TopicPartition tp, long offset, IsolationLevel isolation) {
        return new Script.Step(atMs, new Fetch(id, tp, offset, 1000, isolation));
    }

    static long requestId(TxLogMessages.Response response) {
        return switch (response) {
            case TxLogMessages.ProduceOk ok -> ok.requestId();
            case TxLogMessages.ProduceRefused refused -> refused.requestId();
            case TxLogMessages.FetchOk ok -> ok.requestId();
            case TxLogMessages.FetchRefused refused -> refused.requestId();
            case TxLogMessages.LogRead read -> read.requestId();
            case TxLogMessages.InitProducerIdOk ok -> ok.requestId();
            case TxLogMessages.TxnOk ok -> ok.requestId();
            case TxLogMessages.TxnRefused refused -> refused.requestId();
            case TxLogMessages.OffsetsOk ok -> ok.requestId();
            case TxLogMessages.PartitionDescribed described -> described.requestId();
            case TxLogMessages.TopicCreated created -> created.requestId();
            case TxLogMessages.TopicRefused refused -> refused.requestId();
        };
    }
}
