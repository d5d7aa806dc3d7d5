package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.txlog.GroupMessages.GroupError;
import sdlab.txlog.GroupMessages.GroupRefused;
import sdlab.txlog.GroupMessages.JoinGroupOk;
import sdlab.txlog.GroupMessages.SyncGroupOk;

/** The classic group protocol, driven by hand: time is a number the test chooses. */
class GroupCoordinatorTest {
    static final NodeId A = NodeId.of("a");
    static final NodeId B = NodeId.of("b");
    static final long MS = 1_000_000L;

    final GroupCoordinator groups = new GroupCoordinator();

    @Test
    void twoConsumersEndInOneGenerationWhoseLeaderAssignsBoth() {
        JoinGroupOk a = (JoinGroupOk) only(groups.onJoin(A, join(1, ""), 0));
        assertThat(a.generation()).isEqualTo(1);
        assertThat(groups.onSync(A, sync(2, 1, a.memberId(), Map.of(a.memberId(), bytes("all"))), 0))
                .extracting(r -> r.message())
                .singleElement()
                .isInstanceOfSatisfying(
                        SyncGroupOk.class, ok -> assertThat(ok.assignment()).isEqualTo(bytes("all")));

        // b joins: its join is held until a, told by its heartbeat, rejoins.
        assertThat(groups.onJoin(B, join(3, ""), 10 * MS)).isEmpty();
        assertThat(only(groups.onHeartbeat(A, new GroupMessages.Heartbeat(4, "g", 1, a.memberId()), 20 * MS)))
                .isEqualTo(new GroupRefused(4, GroupError.REBALANCE_IN_PROGRESS));
        List<GroupCoordinator.Reply> joined = groups.onJoin(A, join(5, a.memberId()), 30 * MS);

        assertThat(joined).hasSize(2);
        JoinGroupOk leader = (JoinGroupOk) joined.get(0).message();
        JoinGroupOk follower = (JoinGroupOk) joined.get(1).message();
        assertThat(leader.generation()).isEqualTo(2);
        assertThat(leader.leaderId()).isEqualTo(a.memberId()).isEqualTo(follower.leaderId());
        assertThat(leader.members()).hasSize(2);
        assertThat(follower.members()).isEmpty();

        // b's sync waits for the leader's assignment, then both get their share.
        assertThat(groups.onSync(B, sync(6, 2, follower.memberId(), Map.of()), 40 * MS))
                .isEmpty();
        List<GroupCoordinator.Reply> synced = groups.onSync(
                A,
                sync(7, 2, a.memberId(), Map.of(a.memberId(), bytes("p0"), follower.memberId(), bytes("p1"))),
                40 * MS);
        assertThat(synced)
                .extracting(r -> ((SyncGroupOk) r.message()).assignment())
                .containsExactlyInAnyOrder(bytes("p0"), bytes("p1"));
    }

    @Test
    void aMemberThatStopsHeartbeatingIsDroppedAndTheOthersRebalance() {
        JoinGroupOk a = (JoinGroupOk) only(groups.onJoin(A, join(1, ""), 0));
        groups.onSync(A, sync(2, 1, a.memberId(), Map.of()), 0);
        assertThat(groups.onTick(9_000 * MS)).isEmpty();
        groups.onTick(10_001 * MS); // past the 10 s session timeout
        assertThat(groups.describe("g")).startsWith("EMPTY");
        assertThat(only(groups.onHeartbeat(A, new GroupMessages.Heartbeat(3, "g", 1, a.memberId()), 10_002 * MS)))
                .isEqualTo(new GroupRefused(3, GroupError.UNKNOWN_MEMBER_ID));
    }

    @Test
    void committedOffsetsAreReadBackAndAStaleGenerationCannotCommit() {
        TopicPartition p0 = new TopicPartition("t", 0);
        assertThat(only(groups.onCommit(A, new GroupMessages.CommitOffsets(1, "g", -1, "", Map.of(p0, 42L)))))
                .isEqualTo(new GroupMessages.GroupOk(1));
        JoinGroupOk a = (JoinGroupOk) only(groups.onJoin(A, join(2, ""), 0));
        assertThat(only(groups.onCommit(A, new GroupMessages.CommitOffsets(3, "g", 0, a.memberId(), Map.of(p0, 7L)))))
                .isEqualTo(new GroupRefused(3, GroupError.ILLEGAL_GENERATION));
        assertThat(only(groups.onFetchOffsets(A, new GroupMessages.FetchOffsets(4, "g", List.of(p0)))))
                .isEqualTo(new GroupMessages.OffsetsOk(4, Map.of(p0, 42L), Set.of(), Map.of(p0, "")));
    }

    @Test
    void theMetadataCommittedWithAnOffsetIsReadBackAndACommitWithoutOneEmptiesIt() {
        // Shows: Kafka keeps the application's string beside each committed offset; a later commit without one
        // replaces it with the empty string. Inside a transaction it waits for the commit like the offset.
        TopicPartition p0 = new TopicPartition("t", 0);
        groups.onCommit(A, new GroupMessages.CommitOffsets(1, "g", -1, "", Map.of(p0, 5L), Map.of(p0, "checkpoint")));
        assertThat(only(groups.onFetchOffsets(A, new GroupMessages.FetchOffsets(2, "g", List.of(p0)))))
                .isEqualTo(new GroupMessages.OffsetsOk(2, Map.of(p0, 5L), Set.of(), Map.of(p0, "checkpoint")));
        groups.onCommit(A, new GroupMessages.CommitOffsets(3, "g", -1, "", Map.of(p0, 6L)));
        assertThat(((GroupMessages.OffsetsOk)
                                only(groups.onFetchOffsets(A, new GroupMessages.FetchOffsets(4, "g", List.of(p0)))))
                        .metadata())
                .containsEntry(p0, "");
        groups.onTxnCommit(
                A,
                new GroupMessages.TxnOffsetCommit(
                        5, "tx", "g", 9, (short) 0, -1, "", Map.of(p0, 8L), Map.of(p0, "in-txn")));
        groups.endTxn(9, List.of("g"), true);
        assertThat(((GroupMessages.OffsetsOk)
                                only(groups.onFetchOffsets(A, new GroupMessages.FetchOffsets(6, "g", List.of(p0)))))
                        .metadata())
                .containsEntry(p0, "in-txn");
    }

    static GroupMessages.JoinGroup join(long requestId, String memberId) {
        return new GroupMessages.JoinGroup(
                requestId, "g", memberId, 10_000, 60_000, List.of(new GroupMessages.Protocol("range", bytes("m"))));
    }

    static GroupMessages.SyncGroup sync(long requestId, int generation, String memberId, Map<String, byte[]> plan) {
        return new GroupMessages.SyncGroup(requestId, "g", generation, memberId, plan);
    }

    static GroupMessages.Response only(List<GroupCoordinator.Reply> replies) {
        assertThat(replies).hasSize(1);
        return replies.get(0).message();
    }

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
