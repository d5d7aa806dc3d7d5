package sdlab.app.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * What the log tests send and read: records to chosen partitions, each value naming its partition and send number,
 * the producer's word on each, and a read of every partition from its start to its high watermark.
 */
final class LogTraffic {
    static final int PARTITIONS = 3;
    static final int SENDS_MAX = 50_000;

    private final KafkaProducer<String, String> producer;
    private final AtomicReferenceArray<ReadBackCheck.Sent> outcomes = new AtomicReferenceArray<>(SENDS_MAX);
    private final AtomicIntegerArray partitions = new AtomicIntegerArray(SENDS_MAX);
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger acks = new AtomicInteger();

    LogTraffic(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    /** Sends the next record, to partition (send number mod 3); its outcome is kept when the producer hears it. */
    void sendNext() {
        sendTo(sends.get() % PARTITIONS);
    }

    /** Sends the next record to {@code partition}; called from one thread at a time. */
    void sendTo(int partition) {
        int number = sends.getAndIncrement();
        partitions.set(number, partition);
        String value = "p" + partition + "-" + number;
        producer.send(new ProducerRecord<>(LogTestCluster.TOPIC, partition, "k" + number, value), (meta, failure) -> {
            if (failure == null) {
                acks.incrementAndGet();
            }
            outcomes.set(
                    number,
                    new ReadBackCheck.Sent(
                            partition,
                            value,
                            failure == null ? meta.offset() : -1,
                            failure == null ? null : failure.toString()));
        });
    }

    int sent() {
        return sends.get();
    }

    int acknowledged() {
        return acks.get();
    }

    /** The outcome of send {@code number}, or null while the producer has not heard. */
    ReadBackCheck.Sent outcome(int number) {
        return outcomes.get(number);
    }

    /** Every send's outcome, in send order; a send still unheard counts as not acknowledged. */
    List<ReadBackCheck.Sent> outcomes() {
        List<ReadBackCheck.Sent> all = new ArrayList<>();
        for (int i = 0; i < sends.get(); i++) {
            ReadBackCheck.Sent outcome = outcomes.get(i);
            all.add(
                    outcome != null
                            ? outcome
                            : new ReadBackCheck.Sent(
                                    i % PARTITIONS, "p" + (i % PARTITIONS) + "-" + i, -1, "no answer"));
        }
        return all;
    }

    /** The broker id each partition's leader has, as Metadata from {@code consumer} says now. */
    static Map<Integer, Integer> leaders(KafkaConsumer<String, String> consumer) {
        Map<Integer, Integer> leaders = new HashMap<>();
        for (PartitionInfo info : consumer.partitionsFor(LogTestCluster.TOPIC, Duration.ofSeconds(20))) {
            leaders.put(
                    info.partition(), info.leader() == null ? -1 : info.leader().id());
        }
        return leaders;
    }

    /**
     * The leaders as Metadata names them, once they are {@code expected} or {@code max} has passed. A broker that came
     * up after the controller's session timeout (a loaded machine) was fenced, and its partition is led elsewhere until
     * the controller's next imbalance check moves it back.
     */
    static Map<Integer, Integer> awaitLeaders(
            KafkaConsumer<String, String> consumer, Map<Integer, Integer> expected, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Map<Integer, Integer> leaders = leaders(consumer);
        while (!leaders.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            leaders = leaders(consumer);
        }
        return leaders;
    }

    /** Reads every partition from its start up to its end offset (the high watermark), without a group. */
    static List<ReadBackCheck.Read> readAll(KafkaConsumer<String, String> consumer, Duration max) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(LogTestCluster.TOPIC, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, max);
        List<ReadBackCheck.Read> read = new ArrayList<>();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline
                && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                read.add(new ReadBackCheck.Read(record.partition(), record.offset(), record.value()));
            }
        }
        return read;
    }
}
