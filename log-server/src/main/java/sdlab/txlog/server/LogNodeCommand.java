package sdlab.txlog.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sdlab.txlog.Retention;

/**
 * {@code sdlab node log}: runs a single log broker that the unmodified Kafka Java client (kafka-clients 4.x) uses as
 * it would a Kafka broker. Options are named like Kafka's broker settings where one exists.
 */
@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a single Kafka-protocol broker over the txlog node: kafka-clients 4.x produce (idempotent,"
                    + " acks=all), consume (assign/seek/poll, or subscribe in a group with the classic protocol) and run"
                    + " transactions (read_committed consumers, sendOffsetsToTransaction) against it unchanged.",
            "Serves ApiVersions v3-4, Metadata v12, InitProducerId v4, Produce v9, ListOffsets v7, Fetch v12,"
                    + " FindCoordinator v4, JoinGroup v6, SyncGroup v4, Heartbeat v4, LeaveGroup v4, OffsetCommit v8,"
                    + " OffsetFetch v8, AddPartitionsToTxn v3, AddOffsetsToTxn v3, EndTxn v3, TxnOffsetCommit v3.",
            "A topic a client asks about that the broker lacks is created with --partitions partitions, as Kafka's"
                    + " auto.create.topics.enable does (--no-auto-create to refuse it).",
            "Records and committed offsets live in memory. Not yet: transactions v2 (KIP-890), the consumer"
                    + " protocol of KIP-848."
        })
public final class LogNodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "client port (default: ${DEFAULT-VALUE}; 0 picks a free port)")
    int port = 9092;

    @Option(names = "--bind", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind = "127.0.0.1";

    @Option(
            names = "--topic",
            paramLabel = "NAME",
            split = ",",
            description = "topics to create at start (default: ${DEFAULT-VALUE}); repeat or separate with commas")
    List<String> topics = List.of("test");

    @Option(
            names = "--partitions",
            description = "partitions of each topic, those named and those created on first use, as num.partitions"
                    + " (default: ${DEFAULT-VALUE})")
    int partitions = 1;

    @Option(
            names = "--retention-ms",
            paramLabel = "MS",
            description = "how long each partition keeps a batch after its append, as retention.ms (default: -1, for"
                    + " ever)")
    long retentionMs = -1;

    @Option(
            names = "--retention-bytes",
            paramLabel = "BYTES",
            description = "the most bytes of record values each partition keeps, as retention.bytes (default: -1, no"
                    + " limit)")
    long retentionBytes = -1;

    @Option(
            names = "--no-auto-create",
            description = "answer a topic the broker lacks with UNKNOWN_TOPIC_OR_PARTITION instead of creating it"
                    + " (auto.create.topics.enable=false)")
    boolean noAutoCreate;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535 || partitions < 1 || partitions > 1000) {
            spec.commandLine().getErr().println("--port must be 0..65535 and --partitions 1..1000");
            return 2;
        }
        if (retentionMs < -1 || retentionMs == 0 || retentionBytes < -1) {
            spec.commandLine()
                    .getErr()
                    .println("--retention-ms must be positive and --retention-bytes 0 or more (-1: none)");
            return 2;
        }
        // Kafka looks every 5 minutes (log.retention.check.interval.ms); a second suits a lab that watches it happen.
        Retention retention = new Retention(retentionBytes, retentionMs, 1_000);
        Map<String, Integer> partitionsByTopic = new LinkedHashMap<>();
        for (String topic : topics) {
            if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                spec.commandLine()
                        .getErr()
                        .println("topic '" + topic + "': use 1..249 letters, digits, '.', '_' or '-', as Kafka does");
                return 2;
            }
            partitionsByTopic.put(topic, partitions);
        }
        try (LogServer server =
                new LogServer(bind, port, partitionsByTopic, noAutoCreate ? 0 : partitions, retention)) {
            try {
                server.start();
            } catch (LogStartupException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "log-node-stop"));
            spec.commandLine()
                    .getOut()
                    .println("log node (Kafka protocol) listening on " + bind + ":" + server.port() + ", topics "
                            + partitionsByTopic);
            spec.commandLine().getOut().flush();
            server.awaitStop();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
