package sdlab.chapters.txlog.lag;

import static sdlab.chapters.txlog.lag.LagParams.ATTEMPTS;
import static sdlab.chapters.txlog.lag.LagParams.BACKOFF;
import static sdlab.chapters.txlog.lag.LagParams.CLIENTS;
import static sdlab.chapters.txlog.lag.LagParams.CONSUMERS;
import static sdlab.chapters.txlog.lag.LagParams.DISTURB_AT;
import static sdlab.chapters.txlog.lag.LagParams.DISTURB_FOR;
import static sdlab.chapters.txlog.lag.LagParams.INTERVAL;
import static sdlab.chapters.txlog.lag.LagParams.ONE_WAY;
import static sdlab.chapters.txlog.lag.LagParams.PARTITIONS;
import static sdlab.chapters.txlog.lag.LagParams.POISON_SHARE;
import static sdlab.chapters.txlog.lag.LagParams.POLL;
import static sdlab.chapters.txlog.lag.LagParams.RUN;
import static sdlab.chapters.txlog.lag.LagParams.SAMPLE;
import static sdlab.chapters.txlog.lag.LagParams.SERVICE;
import static sdlab.chapters.txlog.lag.LagParams.SLOWDOWN;
import static sdlab.chapters.txlog.lag.LagParams.TTL;
import static sdlab.chapters.txlog.lag.LagParams.WINDOW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.txlog.DeadLetters;
import sdlab.txlog.LogBroker;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogConfig;

/** One run of chapter 22: a broker, steady clients, a consumer group and a monitor, one disturbance in the middle. */
final class LagScenario {
    static final NodeId BROKER = NodeId.of("broker");
    static final NodeId MONITOR = NodeId.of("monitor");
    static final String TOPIC = "orders";
    static final String GROUP = "order-processors";

    /** What a run left: the nodes, read after the run, and the times the measurement needs. */
    record Outcome(
            SimResult result,
            LogBroker broker,
            List<SteadyClient> clients,
            List<GroupConsumer> consumers,
            LagMonitor monitor,
            List<TopicPartition> partitions,
            TopicPartition deadLetters,
            long runNanos) {}

    private LagScenario() {}

    static Outcome run(
            Disturbance disturbance, LagMonitor.LagFrom lagFrom, ParamValues values, long seed, RunOptions options) {
        int partitionCount = values.get(PARTITIONS);
        List<TopicPartition> partitions = IntStream.range(0, partitionCount)
                .mapToObj(p -> new TopicPartition(TOPIC, p))
                .toList();
        TopicPartition dlq = new TopicPartition(DeadLetters.topicFor(TOPIC), 0);
        TxLogConfig config = TxLogConfig.of(Map.of(TOPIC, partitionCount, dlq.topic(), 1));
        long runNanos = values.get(RUN).toNanos();
        long from = values.get(DISTURB_AT).toNanos();
        GroupConsumer.Span window =
                new GroupConsumer.Span(from, from + values.get(DISTURB_FOR).toNanos());
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(ONE_WAY), 0.5)))
                .addNode(BROKER, any -> new LogBroker(config))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        List<SteadyClient> clients = new ArrayList<>();
        for (int i = 0; i < values.get(CLIENTS); i++) {
            boolean poison = disturbance == Disturbance.POISON;
            SteadyClient client = new SteadyClient(new SteadyClient.Settings(
                    BROKER,
                    "client-" + i,
                    partitions.get(i % partitionCount),
                    values.get(INTERVAL).toNanos(),
                    runNanos,
                    poison ? values.get(POISON_SHARE) : 0,
                    window.fromNanos(),
                    window.untilNanos()));
            clients.add(client);
            builder.addNode(NodeId.of("client-" + i), any -> client);
        }
        List<GroupConsumer> consumers = new ArrayList<>();
        int members = values.get(CONSUMERS);
        for (int m = 0; m < members; m++) {
            int member = m;
            List<TopicPartition> owned = partitions.stream()
                    .filter(tp -> tp.partition() % members == member)
                    .toList();
            boolean stopped = disturbance == Disturbance.REBALANCE || (disturbance == Disturbance.GC_PAUSE && m == 0);
            GroupConsumer consumer = new GroupConsumer(new GroupConsumer.Settings(
                    BROKER,
                    GROUP,
                    owned,
                    values.get(SERVICE).toNanos(),
                    values.get(POLL).toNanos(),
                    values.get(TTL).toNanos(),
                    values.get(BACKOFF).toNanos(),
                    new DeadLetters(values.get(ATTEMPTS)),
                    stopped ? List.of(window) : List.of(),
                    disturbance == Disturbance.SLOW ? window : null,
                    values.get(SLOWDOWN)));
            consumers.add(consumer);
            builder.addNode(NodeId.of("consumer-" + m), any -> consumer);
        }
        LagMonitor monitor = new LagMonitor(new LagMonitor.Settings(
                BROKER, GROUP, partitions, dlq, values.get(SAMPLE).toNanos(), lagFrom));
        builder.addNode(MONITOR, any -> monitor);
        Simulation simulation = builder.build();
        // Two more windows after the clients stop, so the records sent last can finish.
        SimResult result = simulation.run(
                Duration.ofNanos(runNanos + 2 * values.get(WINDOW).toNanos()));
        LogBroker broker = (LogBroker) simulation.nodeAtEnd(BROKER);
        return new Outcome(result, broker, clients, consumers, monitor, partitions, dlq, runNanos);
    }
}
