package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

/** The origin's bookkeeping of asynchronous replication: what is resent, when, and what stops it. */
class ReplicationOutboxTest {
    private static final NodeId S2 = NodeId.of("s2");
    private static final NodeId S3 = NodeId.of("s3");
    private static final long RESEND_NANOS = 100_000_000L;

    private static CausalWrite write(long lamport) {
        return new CausalWrite("k", lamport, new Version(lamport, "s1", lamport), Context.EMPTY);
    }

    @Test
    void anUnacknowledgedWriteIsResentAfterTheIntervalAndAnAcknowledgedOneIsNot() {
        // Shows: nothing is due before the interval; after it, the write goes again to the replica that did not ack.
        ReplicationOutbox outbox = new ReplicationOutbox(List.of(S2, S3));
        outbox.sentToAll(write(1), 0);
        outbox.acknowledged(S2, new Version(1, "s1", 1));

        assertThat(outbox.due(RESEND_NANOS - 1, RESEND_NANOS)).isEmpty();
        assertThat(outbox.due(RESEND_NANOS, RESEND_NANOS)).containsExactly(new ReplicationOutbox.Resend(S3, write(1)));
        assertThat(outbox.due(RESEND_NANOS + 1, RESEND_NANOS)).as("just resent").isEmpty();
        assertThat(outbox.unackedCount(S2)).isZero();
        assertThat(outbox.unackedCount(S3)).isEqualTo(1);
    }

    @Test
    void aWriteOwedAfterARestartGoesOutInTheNextRound() {
        // Shows: writes replayed from the log are sent at the next resend round, whatever the clock reads.
        ReplicationOutbox outbox = new ReplicationOutbox(List.of(S2));
        outbox.owedToAll(write(1));

        assertThat(outbox.due(0, RESEND_NANOS)).hasSize(1);
    }

    @Test
    void aResendRoundIsBoundedPerReplica() {
        // Shows: a long backlog goes out in batches, oldest first, not all at once.
        ReplicationOutbox outbox = new ReplicationOutbox(List.of(S2));
        for (long i = 1; i <= ReplicationOutbox.RESEND_BATCH_MAX + 10; i++) {
            outbox.sentToAll(write(i), 0);
        }

        List<ReplicationOutbox.Resend> round = outbox.due(RESEND_NANOS, RESEND_NANOS);
        assertThat(round).hasSize(ReplicationOutbox.RESEND_BATCH_MAX);
        assertThat(round.get(0).write().version().lamport()).isEqualTo(1);
    }
}
