package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import sdlab.consensus.raft.RaftMessages.AddServer;
import sdlab.consensus.raft.RaftMessages.ChangeRefused;
import sdlab.consensus.raft.RaftMessages.MembersChanged;
import sdlab.consensus.raft.RaftMessages.RemoveServer;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** What a leader answers an administrator, decided by {@link MembershipChanges} alone. */
class MembershipChangesTest {
    private static final NodeId ADMIN = NodeId.of("admin");
    private static final List<NodeId> THREE = RaftCluster.nodeIds(3);

    /** A context that only records what is sent. */
    private static final class Sent implements NodeContext {
        final List<Message> messages = new ArrayList<>();
        private final MapDisk disk = new MapDisk();

        @Override
        public NodeId self() {
            return NodeId.of("n1");
        }

        @Override
        public void send(NodeId to, Message message) {
            messages.add(message);
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            return new TimerId(0);
        }

        @Override
        public void cancelTimer(TimerId id) {}

        @Override
        public long nowNanos() {
            return 0;
        }

        @Override
        public RandomGenerator random() {
            return new SplittableRandom(1);
        }

        @Override
        public Disk disk() {
            return disk;
        }

        @Override
        public void note(String text) {}
    }

    /** The leader of term 1 over {@code members}, its no-op at index 1. */
    private static PersistentState leaderLog(List<NodeId> members) {
        PersistentState state = PersistentState.recover(new MapDisk(), members, new ArrayList<>());
        state.append(new LogEntry(1, new Command.NoOp()));
        return state;
    }

    @Test
    void aChangeAskedBeforeTheNoOpCommitsIsHeldAndAppendedOnceItDoes() {
        PersistentState state = leaderLog(THREE);
        MembershipChanges changes = new MembershipChanges(1, 1, state, RaftConfig.defaults());
        Sent ctx = new Sent();

        assertThat(changes.onRequest(ADMIN, new AddServer(7, NodeId.of("n4")), 0, ctx))
                .isFalse();
        assertThat(state.log().lastIndex()).isEqualTo(1);

        assertThat(changes.onCommit(1, ctx)).isTrue(); // the no-op committed: the change goes in
        assertThat(state.log().members()).isEqualTo(RaftCluster.nodeIds(4));
        assertThat(ctx.messages).isEmpty();

        changes.onCommit(2, ctx);
        assertThat(ctx.messages).containsExactly(new MembersChanged(7, RaftCluster.nodeIds(4)));
    }

    @Test
    void withThePlantedBugTheChangeGoesInBeforeTheNoOpCommits() {
        PersistentState state = leaderLog(THREE);
        RaftConfig buggy = RaftConfig.defaults().withBug(RaftConfig.Bug.CHANGE_BEFORE_TERM_COMMIT);
        MembershipChanges changes = new MembershipChanges(1, 1, state, buggy);

        assertThat(changes.onRequest(ADMIN, new AddServer(7, NodeId.of("n4")), 0, new Sent()))
                .isTrue();
        assertThat(state.log().members()).isEqualTo(RaftCluster.nodeIds(4));
    }

    @Test
    void aSecondChangeIsRefusedWhileTheFirstIsUncommittedAndARetryOfTheFirstWaitsForIt() {
        PersistentState state = leaderLog(THREE);
        MembershipChanges changes = new MembershipChanges(1, 1, state, RaftConfig.defaults());
        Sent ctx = new Sent();
        changes.onRequest(ADMIN, new AddServer(7, NodeId.of("n4")), 1, ctx);

        changes.onRequest(ADMIN, new RemoveServer(8, NodeId.of("n2")), 1, ctx);
        changes.onRequest(ADMIN, new AddServer(9, NodeId.of("n4")), 1, ctx); // a retry of the first
        changes.onCommit(2, ctx);

        assertThat(ctx.messages).hasSize(2);
        assertThat(ctx.messages.getFirst())
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.reason())
                        .contains("in progress"));
        assertThat(ctx.messages.getLast()).isEqualTo(new MembersChanged(9, RaftCluster.nodeIds(4)));
    }

    @Test
    void removingTheLastMemberIsRefusedAndAChangeAlreadyMadeIsAnsweredAtOnce() {
        List<NodeId> one = List.of(NodeId.of("n1"));
        PersistentState state = leaderLog(one);
        MembershipChanges changes = new MembershipChanges(1, 1, state, RaftConfig.defaults());
        Sent ctx = new Sent();

        changes.onRequest(ADMIN, new RemoveServer(1, NodeId.of("n1")), 1, ctx);
        changes.onRequest(ADMIN, new AddServer(2, NodeId.of("n1")), 1, ctx);

        assertThat(ctx.messages.getFirst())
                .isInstanceOfSatisfying(ChangeRefused.class, refused -> assertThat(refused.reason())
                        .contains("last member"));
        assertThat(ctx.messages.getLast()).isEqualTo(new MembersChanged(2, one));
        assertThat(state.log().lastIndex()).isEqualTo(1);
    }
}
