package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What kafka-clients never sends on purpose, over a bare socket: a retried batch, a batch out of order, a batch whose
 * CRC does not match, and frames that are not Kafka requests at all. The broker answers or closes the one connection,
 * and keeps serving everyone else.
 */
class RawProtocolTest {
    static final String TOPIC = "raw";
    static final int PRODUCE = 0;
    static final int API_VERSIONS = 18;
    static final int INIT_PRODUCER_ID = 22;

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of(TOPIC, 1)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRetriedBatchIsAnsweredWithItsOriginalOffsetAndWrittenOnce() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            ByteBuffer init = client.call(INIT_PRODUCER_ID, 4, initProducerId(), true);
            init.getInt(); // throttle
            assertThat(init.getShort()).isZero();
            long producerId = init.getLong();
            short epoch = init.getShort();

            byte[] first = TestBatches.oneRecord(producerId, epoch, 0, "first");
            assertThat(produce(client, first)).containsExactly(0, 0);
            assertThat(produce(client, first)).as("the retry").containsExactly(0, 0);
            byte[] second = TestBatches.oneRecord(producerId, epoch, 1, "second");
            assertThat(produce(client, second)).containsExactly(0, 1);
            byte[] gap = TestBatches.oneRecord(producerId, epoch, 5, "after a gap");
            assertThat(produce(client, gap)).as("OUT_OF_ORDER_SEQUENCE_NUMBER").containsExactly(45, -1);
        }

        List<ConsumerRecord<String, String>> read = KafkaClientTest.consumeAll(server.port(), TOPIC, 1, 2);

        assertThat(read).extracting(ConsumerRecord::value).containsExactly("first", "second");
        assertThat(read).extracting(ConsumerRecord::offset).containsExactly(0L, 1L);
    }

    @Test
    void aProduceWithAcksZeroIsWrittenButNotAnswered() throws Exception {
        byte[] body = TestBatches.produce(TOPIC, 0, TestBatches.oneRecord(-1, (short) -1, -1, "fire and forget"), 0);
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            client.sendFrame(new TestWriter()
                    .int16(PRODUCE)
                    .int16(9)
                    .int32(77)
                    .int16(-1)
                    .unsignedVarint(0)
                    .raw(body)
                    .bytes());
            // The next answer on the connection is the next request's: the Produce got none.
            byte[] next = TestBatches.oneRecord(-1, (short) -1, -1, "answered");
            assertThat(produce(client, next)).containsExactly(0, 1);
        }
    }

    @Test
    void aProduceWithAcksOtherThanMinusOneZeroOrOneIsRefusedAndNotWritten() throws Exception {
        // As a Kafka broker answers acks=2 or acks=-2: INVALID_REQUIRED_ACKS (21) per partition, nothing appended.
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            for (int acks : new int[] {2, -2, 5}) {
                byte[] body = TestBatches.produce(TOPIC, 0, TestBatches.oneRecord(-1, (short) -1, -1, "no"), acks);
                assertThat(TestBatches.produceOutcome(client.call(PRODUCE, 9, body, true)))
                        .as("acks=" + acks)
                        .containsExactly(21, -1);
            }
            assertThat(produce(client, TestBatches.oneRecord(-1, (short) -1, -1, "kept")))
                    .as("the first record written")
                    .containsExactly(0, 0);
        }
    }

    @Test
    void aBatchWhoseCrcDoesNotMatchIsRefusedAsCorruptAndNotWritten() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            byte[] good = TestBatches.oneRecord(-1, (short) -1, -1, "kept");
            assertThat(produce(client, TestBatches.corrupted(good)))
                    .as("CORRUPT_MESSAGE")
                    .containsExactly(2, -1);
            assertThat(produce(client, good)).containsExactly(0, 0);
        }
        assertThat(KafkaClientTest.consumeAll(server.port(), TOPIC, 1, 1))
                .extracting(ConsumerRecord::value)
                .containsExactly("kept");
    }

    @Test
    void anApiVersionsRequestAtAVersionNotServedGetsTheListWithUnsupportedVersion() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            ByteBuffer answer = client.call(API_VERSIONS, 99, new byte[0], false);
            assertThat(answer.getShort()).as("UNSUPPORTED_VERSION").isEqualTo((short) 35);
            assertThat(answer.getInt()).isEqualTo(ServedApi.values().length);
        }
        assertServing();
    }

    @Test
    void anUnknownApiKeyClosesTheConnection() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            client.sendFrame(new TestWriter()
                    .int16(999)
                    .int16(0)
                    .int32(1)
                    .int16(-1)
                    .unsignedVarint(0)
                    .bytes());
            assertThat(client.closedByBroker()).isTrue();
        }
        assertServing();
    }

    @Test
    void aNegativeOrOversizedFrameSizeClosesTheConnection() throws Exception {
        for (int size : new int[] {-5, KafkaListener.REQUEST_BYTES_MAX + 1}) {
            try (RawKafkaClient client = new RawKafkaClient(server.port())) {
                client.sendRaw(new TestWriter().int32(size).int32(0).bytes());
                assertThat(client.closedByBroker()).as("size %d", size).isTrue();
            }
        }
        assertServing();
    }

    @Test
    void aRequestCutShortInsideItsFrameClosesTheConnection() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            // A Produce header whose body stops in the middle of the topic array.
            client.sendFrame(new TestWriter()
                    .int16(PRODUCE)
                    .int16(9)
                    .int32(1)
                    .int16(-1)
                    .unsignedVarint(0)
                    .unsignedVarint(0)
                    .int16(-1)
                    .int32(1000)
                    .unsignedVarint(3)
                    .bytes());
            assertThat(client.closedByBroker()).isTrue();
        }
        assertServing();
    }

    @Test
    void aProduceRequestCutShortAfterAWholeBatchWritesNothing() throws Exception {
        byte[] batch = TestBatches.oneRecord(-1, (short) -1, -1, "never");
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            // The first partition's batch is whole; the request ends inside the second partition's entry.
            client.sendFrame(new TestWriter()
                    .int16(PRODUCE)
                    .int16(9)
                    .int32(1)
                    .int16(-1)
                    .unsignedVarint(0)
                    .compactString(null)
                    .int16(-1)
                    .int32(5_000)
                    .unsignedVarint(2)
                    .compactString(TOPIC)
                    .unsignedVarint(3)
                    .int32(0)
                    .compactBytes(batch)
                    .unsignedVarint(0)
                    .int16(0)
                    .bytes());
            assertThat(client.closedByBroker()).isTrue();
        }
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            byte[] next = TestBatches.oneRecord(-1, (short) -1, -1, "first written");
            assertThat(produce(client, next)).as("nothing before it").containsExactly(0, 0);
        }
    }

    @Test
    void aFrameCutShortByAClientThatHangsUpLeavesTheBrokerServing() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            client.sendRaw(new TestWriter().int32(100).int16(PRODUCE).bytes());
        }
        assertServing();
    }

    /** A fresh connection still gets ApiVersions answered. */
    private void assertServing() throws IOException {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            ByteBuffer answer = client.call(
                    API_VERSIONS,
                    3,
                    new TestWriter()
                            .compactString("raw")
                            .compactString("1")
                            .unsignedVarint(0)
                            .bytes(),
                    false);
            assertThat(answer.getShort()).isZero();
            assertThat(answer.get() - 1).isEqualTo(ServedApi.values().length);
        }
    }

    private static long[] produce(RawKafkaClient client, byte[] batch) throws IOException {
        return TestBatches.produceOutcome(client.call(PRODUCE, 9, TestBatches.produce(TOPIC, 0, batch), true));
    }

    private static byte[] initProducerId() {
        return new TestWriter()
                .compactString(null)
                .int32(60_000)
                .int64(-1)
                .int16(-1)
                .unsignedVarint(0)
                .bytes();
    }
}
