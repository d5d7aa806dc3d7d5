package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same kafka-clients programs against {@code sdlab node log} and against a real Kafka 4.4 broker (KRaft, one
 * combined node, in this JVM), and what each program could observe compared as text: offsets the producer was told,
 * what read_committed and read_uncommitted consumers read and where, the last stable offset during and after a
 * transaction, committed group offsets, and how a zombie producer is fenced. A difference is a bug in the node or a
 * choice the README documents; none is allowed here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealKafkaSideBySideTest {
    private static final Map<String, Integer> TOPICS = Map.of("keyed", 3, "txn", 1, "lso", 1, "groups", 1, "fenced", 1);

    private KafkaClusterTestKit kafka;
    private int kafkaPort;
    private LogServer sdlab;

    @BeforeAll
    void start() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        String bootstrap = kafka.bootstrapServers();
        kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (Admin admin = kafka.admin()) {
            List<NewTopic> topics = new ArrayList<>();
            TOPICS.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
            admin.createTopics(topics).all().get();
        }
        sdlab = new LogServer("127.0.0.1", 0, TOPICS).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (sdlab != null) {
            sdlab.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anIdempotentProducerIsToldTheSameOffsetsAndReadsBackTheSameLog() throws Exception {
        same("keyedRecords", keyedRecords(sdlab.port()), keyedRecords(kafkaPort));
    }

    @Test
    void committedAndAbortedTransactionsReadTheSameUnderBothIsolationLevels() {
        same("transactions", transactions(sdlab.port()), transactions(kafkaPort));
    }

    @Test
    void theLastStableOffsetHoldsAtAnOpenTransactionAndMovesOnItsCommit() {
        same("lastStableOffsets", lastStableOffsets(sdlab.port()), lastStableOffsets(kafkaPort));
    }

    @Test
    void aGroupsCommittedOffsetAndMetadataAreFetchedBack() {
        same("groupOffsets", groupOffsets(sdlab.port()), groupOffsets(kafkaPort));
    }

    @Test
    void metadataLongerThanTheBrokersBoundIsRefusedTheSameWay() {
        same("tooLongMetadata", tooLongMetadata(sdlab.port()), tooLongMetadata(kafkaPort));
    }

    @Test
    void aProducerWhoseTransactionalIdIsTakenOverIsFencedTheSameWay() {
        same("fencing", fencing(sdlab.port()), fencing(kafkaPort));
    }

    /** Both observations alike; printed, so a run's log shows what was compared. */
    private static void same(String program, List<String> fromSdlab, List<String> fromKafka) {
        System.out.println(program + ", sdlab node log: " + fromSdlab);
        System.out.println(program + ", Kafka 4.4:      " + fromKafka);
        assertThat(fromSdlab).as(program).isNotEmpty().isEqualTo(fromKafka);
    }

    // ---- the programs, each returning what it observed ----

    /** 300 keyed records over three partitions: the offset each was given, then the log read back. */
    private static List<String> keyedRecords(int port) throws Exception {
        List<String> seen = new ArrayList<>();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                sent.add(producer.send(new ProducerRecord<>("keyed", "key-" + i % 7, "value-" + i)));
            }
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata metadata = sent.get(i).get();
                seen.add("value-" + i + " acked at " + metadata.partition() + "/" + metadata.offset());
            }
        }
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, "read_uncommitted", null)) {
            for (int partition = 0; partition < 3; partition++) {
                TopicPartition tp = new TopicPartition("keyed", partition);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                for (ConsumerRecord<String, String> record :
                        TxnClients.pollUntil(consumer, tp, end).records()) {
                    seen.add("read " + partition + "/" + record.offset() + " " + record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }

    /** Commit a, abort b, commit c (three records each), then read under both isolation levels. */
    private static List<String> transactions(int port) {
        try (KafkaProducer<String, String> producer = TxnClients.transactional(port, "side-by-side-txn")) {
            producer.initTransactions();
            TxnClients.transaction(producer, "txn", "a", 3, true);
            TxnClients.transaction(producer, "txn", "b", 3, false);
            TxnClients.transaction(producer, "txn", "c", 3, true);
        }
        TxnClients.awaitMarkers(port, new TopicPartition("txn", 0));
        List<String> seen = new ArrayList<>();
        for (String isolation : List.of("read_committed", "read_uncommitted")) {
            try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, isolation, null)) {
                TopicPartition tp = new TopicPartition("txn", 0);
                consumer.assign(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                consumer.seekToBeginning(List.of(tp));
                TxnClients.Reading reading = TxnClients.pollUntil(consumer, tp, end);
                seen.add(isolation + ": end " + end + ", read " + offsetsAndValues(reading) + ", position "
                        + reading.position());
            }
        }
        return seen;
    }

    /** Two committed records, then an open transaction of two: both ends, then both ends after its commit. */
    private static List<String> lastStableOffsets(int port) {
        List<String> seen = new ArrayList<>();
        TopicPartition tp = new TopicPartition("lso", 0);
        try (KafkaProducer<String, String> producer = TxnClients.transactional(port, "side-by-side-lso")) {
            producer.initTransactions();
            TxnClients.transaction(producer, "lso", "done", 2, true);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("lso", 0, "k", "open-0"));
            producer.send(new ProducerRecord<>("lso", 0, "k", "open-1"));
            producer.flush();
            seen.add("open: " + ends(port, tp));
            producer.commitTransaction();
            TxnClients.awaitMarkers(port, tp);
            seen.add("committed: " + ends(port, tp));
        }
        return seen;
    }

    private static String ends(int port, TopicPartition tp) {
        StringBuilder text = new StringBuilder();
        for (String isolation : List.of("read_committed", "read_uncommitted")) {
            try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, isolation, null)) {
                text.append(isolation)
                        .append(" end ")
                        .append(consumer.endOffsets(List.of(tp)).get(tp))
                        .append(' ');
            }
        }
        return text.toString().trim();
    }

    /** A group commits offset 2 with metadata; a new member of the group fetches it back, and its position. */
    private static List<String> groupOffsets(int port) {
        TopicPartition tp = new TopicPartition("groups", 0);
        try (KafkaProducer<String, String> producer = TxnClients.transactional(port, "side-by-side-groups")) {
            producer.initTransactions();
            TxnClients.transaction(producer, "groups", "g", 4, true);
        }
        TxnClients.awaitMarkers(port, tp);
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, "read_committed", "side-by-side")) {
            consumer.assign(List.of(tp));
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(2, "checkpoint")));
        }
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, "read_committed", "side-by-side")) {
            consumer.assign(List.of(tp));
            OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
            List<String> values = TxnClients.pollUntil(consumer, tp, 4).values();
            return List.of(
                    "committed " + committed.offset() + " '" + committed.metadata() + "'",
                    "then read " + values + " up to " + consumer.position(tp));
        }
    }

    /** A commit whose metadata is one character over 4,096: what the consumer is told, and what stays committed. */
    private static List<String> tooLongMetadata(int port) {
        TopicPartition tp = new TopicPartition("groups", 0);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, "read_committed", "too-long")) {
            consumer.assign(List.of(tp));
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(1, "short")));
            try {
                consumer.commitSync(Map.of(tp, new OffsetAndMetadata(3, "x".repeat(4097))));
                seen.add("the long commit succeeded");
            } catch (RuntimeException e) {
                seen.add("the long commit: " + e.getClass().getSimpleName());
            }
            OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
            seen.add("committed " + committed.offset() + " '" + committed.metadata() + "'");
        }
        return seen;
    }

    /**
     * A second producer takes over the transactional id while the first has a transaction open: what the first is
     * told when it tries to commit, and what a read_committed reader sees afterwards.
     */
    private static List<String> fencing(int port) {
        List<String> seen = new ArrayList<>();
        try (KafkaProducer<String, String> zombie = TxnClients.transactional(port, "side-by-side-fenced");
                KafkaProducer<String, String> successor = TxnClients.transactional(port, "side-by-side-fenced")) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>("fenced", 0, "k", "zombie"));
            zombie.flush();
            successor.initTransactions();
            try {
                zombie.commitTransaction();
                seen.add("the zombie committed");
            } catch (RuntimeException e) {
                seen.add("the zombie's commit: " + e.getClass().getSimpleName());
            }
            TxnClients.transaction(successor, "fenced", "successor", 1, true);
        }
        TopicPartition tp = new TopicPartition("fenced", 0);
        TxnClients.awaitMarkers(port, tp);
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(port, "read_committed", null)) {
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            consumer.seekToBeginning(List.of(tp));
            seen.add("read_committed: " + offsetsAndValues(TxnClients.pollUntil(consumer, tp, end)) + " of " + end);
        }
        return seen;
    }

    private static Map<Long, String> offsetsAndValues(TxnClients.Reading reading) {
        Map<Long, String> byOffset = new TreeMap<>();
        reading.records().forEach(record -> byOffset.put(record.offset(), record.value()));
        return byOffset;
    }
}
