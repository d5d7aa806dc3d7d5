package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction requests over a bare socket: what the read_committed Fetch answer holds, and what the broker does with
 * AddOffsetsToTxn and TxnOffsetCommit requests that kafka-clients never sends (a version not served, a field cut
 * short or out of range, an unknown producer). It answers with a Kafka error or closes that one connection, and keeps
 * serving everyone else.
 */
class RawTransactionProtocolTest {
    static final int FETCH = 1;
    static final int API_VERSIONS = 18;
    static final int ADD_OFFSETS_TO_TXN = 25;
    static final int TXN_OFFSET_COMMIT = 28;

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of(TransactionsTest.TOPIC, 1)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReadCommittedFetchNamesTheAbortedTransactionAndReadUncommittedNone() throws Exception {
        TransactionsTest.commitAbortCommit(server.port());
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            // The aborted transaction starts at offset 5 (after committed-a 0..3 and its marker 4).
            List<long[]> committed = abortedTransactions(client.call(FETCH, 12, fetch((byte) 1), true));
            List<long[]> uncommitted = abortedTransactions(client.call(FETCH, 12, fetch((byte) 0), true));

            assertThat(committed).hasSize(1);
            assertThat(committed.get(0)[1]).as("first offset").isEqualTo(5);
            assertThat(uncommitted).isEmpty();
        }
    }

    @Test
    void anAddOffsetsToTxnFromAnUnknownProducerIsAnsweredUnknownProducerId() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            ByteBuffer answer = client.call(ADD_OFFSETS_TO_TXN, 3, addOffsets("nobody", "g"), true);
            answer.getInt(); // throttle
            assertThat(answer.getShort()).as("UNKNOWN_PRODUCER_ID").isEqualTo((short) 59);
        }
    }

    @Test
    void aTxnOffsetCommitFromAnUnknownProducerIsAnsweredUnknownProducerIdForEachPartition() throws Exception {
        try (RawKafkaClient client = new RawKafkaClient(server.port())) {
            ByteBuffer answer = client.call(TXN_OFFSET_COMMIT, 3, txnOffsetCommit(0, 7), true);
            answer.getInt(); // throttle
            assertThat(answer.get()).as("one topic").isEqualTo((byte) 2);
            answer.position(answer.position() + 1 + TransactionsTest.TOPIC.length());
            assertThat(answer.get()).as("one partition").isEqualTo((byte) 2);
            assertThat(answer.getInt()).isZero();
            assertThat(answer.getShort()).as("UNKNOWN_PRODUCER_ID").isEqualTo((short) 59);
        }
    }

    @Test
    void malformedTransactionRequestsCloseTheirConnectionOnly() throws Exception {
        byte[] good = addOffsets("t", "g");
        byte[] cutShort = java.util.Arrays.copyOf(good, good.length - 3);
        List<Probe> probes = List.of(
                new Probe("AddOffsetsToTxn v0, not served", ADD_OFFSETS_TO_TXN, 0, good),
                new Probe("AddOffsetsToTxn v4, not served", ADD_OFFSETS_TO_TXN, 4, good),
                new Probe("AddOffsetsToTxn cut short", ADD_OFFSETS_TO_TXN, 3, cutShort),
                new Probe("AddOffsetsToTxn without a group", ADD_OFFSETS_TO_TXN, 3, addOffsets("t", null)),
                new Probe("TxnOffsetCommit v2, not served", TXN_OFFSET_COMMIT, 2, txnOffsetCommit(0, 7)),
                new Probe("TxnOffsetCommit, a negative partition", TXN_OFFSET_COMMIT, 3, txnOffsetCommit(-1, 7)),
                new Probe("TxnOffsetCommit, a negative offset", TXN_OFFSET_COMMIT, 3, txnOffsetCommit(0, -7)));
        for (Probe probe : probes) {
            try (RawKafkaClient client = new RawKafkaClient(server.port())) {
                client.sendFrame(new TestWriter()
                        .int16(probe.apiKey())
                        .int16(probe.version())
                        .int32(1)
                        .int16(-1)
                        .unsignedVarint(0)
                        .raw(probe.body())
                        .bytes());
                assertThat(client.closedByBroker()).as(probe.name()).isTrue();
            }
        }
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
            assertThat(answer.getShort()).as("still serving").isZero();
        }
    }

    private record Probe(String name, int apiKey, int version, byte[] body) {}

    private static byte[] addOffsets(String transactionalId, String groupId) {
        return new TestWriter()
                .compactString(transactionalId)
                .int64(0)
                .int16(0)
                .compactString(groupId)
                .unsignedVarint(0)
                .bytes();
    }

    private static byte[] txnOffsetCommit(int partition, long offset) {
        return new TestWriter()
                .compactString("nobody")
                .compactString("g")
                .int64(42)
                .int16(0)
                .int32(-1) // generation
                .compactString("") // member id
                .compactString(null) // group instance id
                .unsignedVarint(2)
                .compactString(TransactionsTest.TOPIC)
                .unsignedVarint(2)
                .int32(partition)
                .int64(offset)
                .int32(-1)
                .compactString(null)
                .unsignedVarint(0)
                .unsignedVarint(0)
                .unsignedVarint(0)
                .bytes();
    }

    /** Fetch v12 of partition 0 from offset 0 at an isolation level (1: read_committed), without waiting. */
    private static byte[] fetch(byte isolation) {
        return new TestWriter()
                .int32(-1) // replica id
                .int32(0) // max wait
                .int32(1)
                .int32(1 << 20)
                .int8(isolation)
                .int32(0) // session id
                .int32(-1) // session epoch
                .unsignedVarint(2)
                .compactString(TransactionsTest.TOPIC)
                .unsignedVarint(2)
                .int32(0)
                .int32(-1) // current leader epoch
                .int64(0) // fetch offset
                .int32(-1)
                .int64(-1)
                .int32(1 << 20)
                .unsignedVarint(0)
                .unsignedVarint(0)
                .unsignedVarint(1) // no forgotten topics
                .compactString("")
                .unsignedVarint(0)
                .bytes();
    }

    /** The (producer id, first offset) pairs of the only partition of a Fetch v12 answer. */
    private static List<long[]> abortedTransactions(ByteBuffer answer) throws IOException {
        answer.getInt(); // throttle
        assertThat(answer.getShort()).isZero();
        answer.getInt(); // session id
        assertThat(answer.get()).as("one topic").isEqualTo((byte) 2);
        answer.position(answer.position() + 1 + TransactionsTest.TOPIC.length());
        assertThat(answer.get()).as("one partition").isEqualTo((byte) 2);
        assertThat(answer.getInt()).isZero();
        assertThat(answer.getShort()).isZero();
        answer.getLong(); // high watermark
        answer.getLong(); // last stable offset
        answer.getLong(); // log start offset
        int count = answer.get() - 1;
        List<long[]> aborted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            aborted.add(new long[] {answer.getLong(), answer.getLong()});
            answer.get(); // tagged fields
        }
        return aborted;
    }
}
