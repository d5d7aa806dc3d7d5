package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.repl.AddedCandidateRun.PRIMARY_DIES_AT_NANOS;
import static sdlab.repl.AddedCandidateRun.R3;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;
import sdlab.repl.AddedCandidateRun.Outcome;
import sdlab.repl.AddedCandidateRun.Scenario;
import sdlab.repl.ReplConfig.Bug;

/**
 * A replica joining from a snapshot whose primary dies while it loads: the failover manager promotes r1 or r2 and
 * names it to every candidate, r3 among them; r3 drops the chunks it has and starts again from the promoted node, and
 * ends a replica of it holding every acknowledged write, and the operator's join completes. The planted bug {@link
 * Bug#JOINER_WAITS_FOR_FIRST_PRIMARY} (the store before: the joiner waits for the primary its JoinFrom named) leaves
 * r3 loading to the end, and the check says so.
 */
class JoinerAfterFailoverTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aJoinerWhosePrimaryDiesFinishesFromThePromotedOne(long seed) {
        Outcome run = AddedCandidateRun.run(seed, Scenario.PRIMARY_DIES_WHILE_JOINING, Bug.NONE);
        Recorder.SnapshotLoaded loaded = run.recorder().snapshotsLoaded.getFirst();
        System.out.printf(
                "repl joiner after a failover (seed %d): r3 asked p at %d ms, p crashed at %d ms, %s promoted; r3 loaded"
                        + " %s's snapshot at position %d at %d ms; joined %s%n",
                seed,
                (loaded.atNanos() - loaded.tookNanos()) / ReplWorld.MS,
                PRIMARY_DIES_AT_NANOS / ReplWorld.MS,
                run.promoted().orElse(null),
                run.node(R3).source().orElse(null),
                loaded.position(),
                loaded.atNanos() / ReplWorld.MS,
                run.joined().orElse(null));

        assertJoinedThePromotedPrimary(run);
        assertThat(loaded.atNanos() - loaded.tookNanos())
                .as("r3 asked p for its snapshot before p crashed")
                .isLessThan(PRIMARY_DIES_AT_NANOS);
        assertThat(loaded.atNanos()).as("and loaded one after").isGreaterThan(PRIMARY_DIES_AT_NANOS);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void plantedBugAJoinerThatWaitsForItsFirstPrimaryNeverLoads(long seed) {
        Outcome run =
                AddedCandidateRun.run(seed, Scenario.PRIMARY_DIES_WHILE_JOINING, Bug.JOINER_WAITS_FOR_FIRST_PRIMARY);

        assertThatThrownBy(() -> assertJoinedThePromotedPrimary(run))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("still loading at the end");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aJoinerWhosePrimaryRestartsAsksItAgainAndFinishes(long seed) {
        // Shows: p is back within 10 ms, before any failover, without the transfer it was sending; r3 hears no more
        // chunks, asks p again, and loads a snapshot from it. The planted bug waits on.
        Outcome run = AddedCandidateRun.run(seed, Scenario.PRIMARY_RESTARTS_WHILE_JOINING, Bug.NONE);
        Outcome waiting = AddedCandidateRun.run(
                seed, Scenario.PRIMARY_RESTARTS_WHILE_JOINING, Bug.JOINER_WAITS_FOR_FIRST_PRIMARY);
        Recorder.SnapshotLoaded loaded = run.recorder().snapshotsLoaded.getFirst();
        System.out.printf(
                "repl joiner after its primary restarted (seed %d): r3 asked p at %d ms, p down at %d ms for 10 ms;"
                        + " r3 loaded p's snapshot at position %d at %d ms%n",
                seed,
                (loaded.atNanos() - loaded.tookNanos()) / ReplWorld.MS,
                PRIMARY_DIES_AT_NANOS / ReplWorld.MS,
                loaded.position(),
                loaded.atNanos() / ReplWorld.MS);

        assertThat(run.recorder().promotions).as("no failover").isEmpty();
        assertThat(run.node(R3).joining()).as("r3 still loading at the end").isFalse();
        assertThat(run.node(R3).source()).contains(ReplWorld.P);
        assertThat(loaded.atNanos()).isGreaterThan(PRIMARY_DIES_AT_NANOS);
        assertThat(run.joined()).isPresent();
        assertThat(waiting.node(R3).joining())
                .as("the planted bug: r3 still waits for the transfer p forgot")
                .isTrue();
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        Scenario scenario = Scenario.PRIMARY_DIES_WHILE_JOINING;
        long first = AddedCandidateRun.run(7, scenario, Bug.NONE).result().traceHash();
        long again = AddedCandidateRun.run(7, scenario, Bug.NONE).result().traceHash();
        long other = AddedCandidateRun.run(8, scenario, Bug.NONE).result().traceHash();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /**
     * The check: r3 is no longer loading, replicates from the promoted node, which the operator's join reports, and
     * holds that node's value of every key as of the last position it received; no acknowledged write was lost.
     */
    static void assertJoinedThePromotedPrimary(Outcome run) {
        NodeId promoted = run.promoted().orElseThrow(() -> new AssertionError("no one was promoted after p crashed"));
        ReplNode joiner = run.node(R3);
        assertThat(joiner.joining())
                .as("r3 still loading at the end of the run: its join waits for p, which crashed at "
                        + PRIMARY_DIES_AT_NANOS / ReplWorld.MS + " ms, while " + promoted + " is primary")
                .isFalse();
        assertThat(joiner.source()).contains(promoted);
        assertThat(run.joined())
                .as("the operator's join completed")
                .hasValueSatisfying(joined -> assertThat(joined.primary()).isEqualTo(promoted));
        assertThat(run.lostAcknowledged()).isEmpty();
        Map<String, String> expected = new HashMap<>();
        run.node(promoted).log().stream()
                .filter(entry -> entry.position() <= joiner.lastPosition())
                .forEach(entry -> expected.put(entry.key(), entry.value()));
        assertThat(expected).isNotEmpty();
        expected.forEach((key, value) ->
                assertThat(joiner.valueAtHead(key)).as("r3's " + key).isEqualTo(value));
    }
}
