package sdlab.chapters.txlog;

import static sdlab.chapters.txlog.IsolationParams.ABORT;
import static sdlab.chapters.txlog.IsolationParams.CRASH;
import static sdlab.chapters.txlog.IsolationParams.FSYNC;
import static sdlab.chapters.txlog.IsolationParams.HANG;
import static sdlab.chapters.txlog.IsolationParams.ONE_WAY;
import static sdlab.chapters.txlog.IsolationParams.PARTITIONS;
import static sdlab.chapters.txlog.IsolationParams.PAYMENTS;
import static sdlab.chapters.txlog.IsolationParams.POLL;
import static sdlab.chapters.txlog.IsolationParams.PRODUCERS;
import static sdlab.chapters.txlog.IsolationParams.REPLAY_AT;
import static sdlab.chapters.txlog.IsolationParams.RESTART;
import static sdlab.chapters.txlog.IsolationParams.RUN;
import static sdlab.chapters.txlog.IsolationParams.THINK;
import static sdlab.chapters.txlog.IsolationParams.TRANSACTIONS;
import static sdlab.chapters.txlog.IsolationParams.TXN_TIMEOUT;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.LogBroker;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogConfig;

/** One run of chapter 6: a broker, the producers and the replaying job, on a one-data-centre network. */
final class IsolationScenario {
    static final NodeId BROKER = NodeId.of("broker");
    static final NodeId JOB = NodeId.of("job");
    static final String TOPIC = "payments";
    private static final int RECORDS_PER_FETCH_MAX = 500;

    /** What a run left: the broker's log and what the job read. */
    record Outcome(SimResult result, LogBroker broker, ReplayingJob job, List<TopicPartition> partitions) {}

    private IsolationScenario() {}

    static TxLogConfig baseConfig(ParamValues values) {
        return TxLogConfig.of(Map.of(TOPIC, values.get(PARTITIONS)));
    }

    static Outcome run(
            TxLogConfig config, IsolationLevel isolation, ParamValues values, long seed, RunOptions options) {
        List<TopicPartition> partitions = IntStream.range(0, values.get(PARTITIONS))
                .mapToObj(p -> new TopicPartition(TOPIC, p))
                .toList();
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(ONE_WAY), 0.5)))
                .disk(DiskConfig.defaults().withSyncLatency(Latency.logNormal(values.get(FSYNC), 0.3)))
                .addNode(BROKER, any -> new LogBroker(config))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (int i = 0; i < values.get(PRODUCERS); i++) {
            PaymentProducer.Settings settings = new PaymentProducer.Settings(
                    BROKER,
                    "producer-" + i,
                    partitions,
                    values.get(TRANSACTIONS),
                    values.get(PAYMENTS),
                    values.get(THINK).toNanos(),
                    values.get(TXN_TIMEOUT).toMillis(),
                    values.get(ABORT),
                    values.get(CRASH),
                    values.get(HANG),
                    values.get(RESTART).toNanos());
            builder.addNode(NodeId.of("producer-" + i), any -> new PaymentProducer(settings));
        }
        ReplayingJob job = new ReplayingJob(new ReplayingJob.Settings(
                BROKER,
                partitions,
                isolation,
                values.get(POLL).toNanos(),
                values.get(REPLAY_AT).toNanos(),
                RECORDS_PER_FETCH_MAX));
        builder.addNode(JOB, any -> job);
        Simulation simulation = builder.build();
        SimResult result = simulation.run(values.get(RUN));
        LogBroker broker = (LogBroker) simulation.nodeAtEnd(BROKER);
        return new Outcome(result, broker, job, partitions);
    }
}
