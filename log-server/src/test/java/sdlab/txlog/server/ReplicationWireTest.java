package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.runtime.wire.MessageCodec;
import sdlab.txlog.ErrorCode;
import sdlab.txlog.LogRecord;
import sdlab.txlog.PartitionState;
import sdlab.txlog.ReplicationMessages;
import sdlab.txlog.TopicPartition;

/**
 * What brokers and the controller send one another crosses the runtime's wire whole: the records a follower fetches
 * keep their producer epochs (Kafka's shorts, -1 for none), a partition without a leader keeps its null leader, and a
 * transaction coordinator's markers to other brokers' partitions (WriteTxnMarker) and their answers arrive whole.
 */
class ReplicationWireTest {
    private static final MessageCodec<ReplicationMessages> CODEC = MessageCodec.of(ReplicationMessages.class);
    private static final TopicPartition TP = new TopicPartition("orders", 2);
    private static final NodeId N1 = NodeId.of("n1");
    private static final NodeId N2 = NodeId.of("n2");

    @Test
    void everyReplicationMessageRoundTrips() throws Exception {
        List<ReplicationMessages> messages = List.of(
                new ReplicationMessages.RegisterBroker(true),
                new ReplicationMessages.BrokerHeartbeat(),
                new ReplicationMessages.LeaderAndIsr(new PartitionState(TP, List.of(N1, N2), N1, 3, List.of(N1), 7)),
                new ReplicationMessages.LeaderAndIsr(new PartitionState(TP, List.of(N1, N2), null, 4, List.of(N2), 8)),
                new ReplicationMessages.AlterIsr(TP, 3, 7, List.of(N1, N2)),
                new ReplicationMessages.AlterIsrAnswer(
                        new PartitionState(TP, List.of(N1), N1, 0, List.of(N1), 1), false),
                new ReplicationMessages.EpochEndOffset(TP, 3, 2),
                new ReplicationMessages.EpochEndOffsetOk(TP, 3, 2, 41),
                new ReplicationMessages.ReplicaFetch(TP, 3, 40, 500),
                new ReplicationMessages.ReplicaFetchOk(TP, 3, records(), 42, 0),
                new ReplicationMessages.ReplicaRefused(TP, 3, ErrorCode.FENCED_LEADER_EPOCH, 0),
                new ReplicationMessages.WriteTxnMarker(17, TP, 1L << 40, (short) 3, true),
                new ReplicationMessages.WriteTxnMarker(18, TP, 9, Short.MAX_VALUE, false),
                new ReplicationMessages.WriteTxnMarkerAnswer(17, TP, true),
                new ReplicationMessages.WriteTxnMarkerAnswer(18, TP, false));

        for (ReplicationMessages message : messages) {
            assertThat(CODEC.decode(CODEC.encode(message))).isEqualTo(message);
        }
    }

    private static List<LogRecord> records() {
        return List.of(
                new LogRecord(40, 1L << 40, (short) 0, 5, false, LogRecord.Control.NONE, "a", 123, 3, 40),
                new LogRecord(41, -1, (short) -1, -1, false, LogRecord.Control.NONE, "", 124, 3, 41),
                new LogRecord(42, 9, Short.MAX_VALUE, 0, true, LogRecord.Control.COMMIT, "", 125, 3, 42));
    }
}
