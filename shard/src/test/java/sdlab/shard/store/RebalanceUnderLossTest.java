package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.Message;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.HandoffAck;
import sdlab.shard.store.ShardMessage.Ready;
import sdlab.shard.store.ShardMessage.TableUpdate;

/**
 * A shard joins while the network loses the rebalance's messages: table updates, handoffs, their acknowledgements and
 * the shards' {@code Ready}. Resends make the change come in force anyway, with no acknowledged write lost, no read
 * that sees less than an acknowledged write, and no request served by a shard that does not own its key. With resends
 * off (the old protocol, kept as a planted bug) one lost handoff wedges the join, which the operator's deadline
 * catches.
 */
class RebalanceUnderLossTest {

    static List<Arguments> lossyKinds() {
        return List.of(
                Arguments.of("table updates", Set.of(TableUpdate.class), 1L),
                Arguments.of("handoffs", Set.of(Handoff.class), 2L),
                Arguments.of("acknowledgements", Set.of(HandoffAck.class), 3L),
                Arguments.of("readies", Set.of(Ready.class), 4L),
                Arguments.of("all four", Set.of(TableUpdate.class, Handoff.class, HandoffAck.class, Ready.class), 5L));
    }

    @ParameterizedTest(name = "{0} lost at 40%")
    @MethodSource("lossyKinds")
    void aJoinComesInForceThoughTheRebalanceLosesMessages(String what, Set<Class<?>> kinds, long seed) {
        // Shows: each kind of rebalance message lost 40% of the time (seeded), the join still completes, loses
        // nothing acknowledged and serves nothing stale; every handoff is acknowledged in the end.
        RebalanceWorld.Run run = RebalanceWorld.run(RebalanceWorld.Setup.lossy(seed, lossOf(kinds, 0.4)));
        assertSafeAndComplete(run);
    }

    @Test
    void losingTheFirstHandoffDelaysTheJoinButDoesNotWedgeIt() {
        // Shows: the first non-empty handoff is lost once; its sender sends it again and the join completes.
        DroppingNode.Drops firstHandoff =
                firstOf(m -> m instanceof Handoff h && !h.entries().isEmpty());
        RebalanceWorld.Run run = RebalanceWorld.run(RebalanceWorld.Setup.lossy(7, firstHandoff));
        assertSafeAndComplete(run);
    }

    @Test
    void losingTheFirstAcknowledgementMakesTheSenderRetainAndResendUntilOneArrives() {
        // Shows: the joiner's acknowledgements are lost for its first 60 ms in the new table (the handoffs it takes
        // in all carry entries); the senders keep their copies and send them again while routers overwrite the moved
        // keys at the joiner, which takes in no copy twice (an older copy applied again would undo those writes) and
        // acknowledges again; no copy is retained at the end.
        RebalanceWorld.Run run = RebalanceWorld.run(RebalanceWorld.Setup.lossy(8, joinersAcksFor(60_000_000L)));
        assertSafeAndComplete(run);
    }

    @Test
    void withResendsOffOneLostHandoffWedgesTheJoin() {
        // Shows (planted bug, the old protocol): with nothing resent, the joiner waits for the lost handoff forever,
        // and the operator's 10 s deadline passes with no answer.
        DroppingNode.Drops firstHandoff =
                firstOf(m -> m instanceof Handoff h && !h.entries().isEmpty());
        RebalanceWorld.Run run =
                RebalanceWorld.run(RebalanceWorld.Setup.lossy(7, firstHandoff).withResendEvery(0));
        assertThat(run.change()).as("the join came in force with resends off").isEmpty();
        assertThat(run.shardsBehind()).isEmpty();
        assertThat(run.data().size()).as("the lost handoff's keys are missing").isLessThan(RebalanceWorld.KEYS);
    }

    @Test
    void withResendsOffALostTableUpdateWedgesTheJoin() {
        // Shows (planted bug): the first table update lost, with nobody repeating it, the change never completes.
        RebalanceWorld.Run run =
                RebalanceWorld.run(RebalanceWorld.Setup.lossy(9, firstOf(m -> m instanceof TableUpdate))
                        .withResendEvery(0));
        assertThat(run.change()).isEmpty();
        assertThat(run.shardsBehind()).isNotEmpty();
    }

    @Test
    void theSameSeedAndLossReplayTheSameTrace() {
        // Shows: seeded loss of every rebalance kind replays byte for byte; another seed differs.
        var all = Set.<Class<?>>of(TableUpdate.class, Handoff.class, HandoffAck.class, Ready.class);
        long first = RebalanceWorld.run(RebalanceWorld.Setup.lossy(11, lossOf(all, 0.4)))
                .traceHash();
        long again = RebalanceWorld.run(RebalanceWorld.Setup.lossy(11, lossOf(all, 0.4)))
                .traceHash();
        long other = RebalanceWorld.run(RebalanceWorld.Setup.lossy(12, lossOf(all, 0.4)))
                .traceHash();
        assertThat(again).isEqualTo(first).isNotEqualTo(other);
    }

    private static void assertSafeAndComplete(RebalanceWorld.Run run) {
        assertThat(run.messagesDropped()).as("messages lost").isPositive();
        assertThat(run.writesAcknowledged()).isGreaterThan(500);
        assertThat(run.readsChecked()).isGreaterThan(500);
        assertThat(run.change())
                .as("the join came in force before the operator's deadline")
                .isPresent();
        assertThat(run.change().orElseThrow().change()).isEqualTo(RebalanceWorld.JOINER + " joins");
        assertThat(run.lostWrites()).as("acknowledged writes lost").isEmpty();
        assertThat(run.staleReads())
                .as("reads older than an acknowledged write")
                .isEmpty();
        assertThat(run.servedNotOwned())
                .as("requests served by a shard that does not own the key")
                .isZero();
        assertThat(run.data()).hasSize(RebalanceWorld.KEYS);
        assertThat(run.keysHeld()).as("keys held by two shards").isEqualTo(RebalanceWorld.KEYS);
        assertThat(run.shardsBehind()).isEmpty();
        assertThat(run.handoffsRetained()).as("handoffs never acknowledged").isEmpty();
    }

    /** Loses messages of {@code kinds} with probability {@code rate}, drawn from the sender's seeded generator. */
    static DroppingNode.Drops lossOf(Set<Class<?>> kinds, double rate) {
        return (from, to, message, now, random) ->
                kinds.stream().anyMatch(kind -> kind.isInstance(message)) && random.nextDouble() < rate;
    }

    /** Loses every acknowledgement the joiner sends during {@code nanos} from its first. */
    static DroppingNode.Drops joinersAcksFor(long nanos) {
        long[] firstAtNanos = {-1};
        return (from, to, message, now, random) -> {
            if (!(message instanceof HandoffAck) || !from.equals(RebalanceWorld.JOINER)) {
                return false;
            }
            if (firstAtNanos[0] < 0) {
                firstAtNanos[0] = now;
            }
            return now - firstAtNanos[0] < nanos;
        };
    }

    /** Loses the first message that {@code matches}, once. */
    static DroppingNode.Drops firstOf(java.util.function.Predicate<Message> matches) {
        boolean[] dropped = {false};
        return (from, to, message, now, random) -> {
            if (!dropped[0] && matches.test(message)) {
                dropped[0] = true;
                return true;
            }
            return false;
        };
    }
}
