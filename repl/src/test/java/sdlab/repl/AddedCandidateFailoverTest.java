package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.AddedCandidateRun.R3;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.repl.AddedCandidateRun.Outcome;
import sdlab.repl.AddedCandidateRun.Scenario;
import sdlab.repl.ReplConfig.Bug;

/**
 * A replica added to a running store is a failover candidate like the others: the manager counts it, waits for one
 * more answer, promotes it when it is the most advanced, and never promotes it while it is behind or still loading its
 * snapshot. The planted bugs show that the no-loss checks here can fail. The scenarios are {@link AddedCandidateRun}'s.
 */
class AddedCandidateFailoverTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theAddedReplicaIsPromotedWhenItAloneHoldsTheLatestAcknowledgedWrites(long seed) {
        // Shows: with r1 and r2 cut off, only r3 acknowledged the last commits; at the failover it is the most advanced
        // of the three answers and is promoted, and every acknowledged write survives.
        Outcome run = AddedCandidateRun.run(seed, Scenario.ONLY_ADDED_ACKNOWLEDGES, Bug.NONE);

        assertThat(run.joined()).hasValueSatisfying(joined -> {
            assertThat(joined.answersMin()).isEqualTo(AddedCandidateRun.ANSWERS_MIN_AT_START + 1);
            assertThat(joined.candidates()).isEqualTo(4);
        });
        assertThat(run.manager().nodes()).contains(R3);
        assertThat(run.promoted()).as("seed " + seed).contains(R3);
        assertThat(run.lostAcknowledged()).as("seed " + seed).isEmpty();
        // The scenario bites: p acknowledged commits well after it lost r1 and r2, on r3's acknowledgement alone.
        assertThat(run.recorder().commitsByValue.values())
                .anyMatch(commit -> commit.primary().equals(P) && commit.atNanos() > 250 * MS);
        assertThat(run.node(R1).source()).contains(R3);
        assertThat(run.node(R2).source()).contains(R3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aFailoverWaitsForTheGrownNumberOfAnswersWhileTheAddedReplicaIsCutOff(long seed) {
        // Shows: r1 and r2 answer first, 2 of the 3 answers the grown set needs; the manager does not promote either
        // of them, and promotes r3 once it can answer, with nothing acknowledged lost.
        Outcome run = AddedCandidateRun.run(seed, Scenario.ONLY_ADDED_ACKNOWLEDGES_AND_IS_SLOW_TO_ANSWER, Bug.NONE);

        assertThat(run.manager().answersMin()).isEqualTo(3);
        assertThat(run.recorder().promotions).as("seed " + seed).hasSize(1);
        assertThat(run.promoted()).as("seed " + seed).contains(R3);
        assertThat(run.lostAcknowledged()).as("seed " + seed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void plantedBugAnAnswersMinThatDoesNotGrowPromotesALaggardAndLosesAcknowledgedWrites(long seed) {
        // Shows: the same run with the start's 2 answers promotes r1 or r2, which lack what only r3 acknowledged.
        Outcome run = AddedCandidateRun.run(
                seed, Scenario.ONLY_ADDED_ACKNOWLEDGES_AND_IS_SLOW_TO_ANSWER, Bug.ANSWERS_MIN_FIXED);

        assertThat(run.promoted()).as("seed " + seed).hasValueSatisfying(node -> assertThat(node)
                .isIn(R1, R2));
        assertThat(run.lostAcknowledged()).as("seed " + seed).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void plantedBugAManagerThatLeavesTheAddedReplicaOutLosesWhatOnlyItAcknowledged(long seed) {
        // Shows: a manager that confirms r3 but never asks it promotes r1 or r2, and the commits r3 alone acknowledged
        // are gone; r3 is not even told whom to follow.
        Outcome run = AddedCandidateRun.run(seed, Scenario.ONLY_ADDED_ACKNOWLEDGES, Bug.ADDED_REPLICA_NOT_CANDIDATE);

        assertThat(run.manager().nodes()).doesNotContain(R3);
        assertThat(run.promoted()).as("seed " + seed).hasValueSatisfying(node -> assertThat(node)
                .isIn(R1, R2));
        assertThat(run.lostAcknowledged()).as("seed " + seed).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anAddedReplicaThatIsBehindIsNotPromotedOverACaughtUpOne(long seed) {
        // Shows: r3, cut off from p for the last 150 ms, answers a lower position than r1 and r2; one of them is
        // promoted, and r3 then follows it.
        Outcome run = AddedCandidateRun.run(seed, Scenario.ADDED_FALLS_BEHIND, Bug.NONE);

        assertThat(run.promoted()).as("seed " + seed).hasValueSatisfying(node -> assertThat(node)
                .isIn(R1, R2));
        assertThat(run.lostAcknowledged()).as("seed " + seed).isEmpty();
        assertThat(run.node(R3).source()).isEqualTo(run.promoted());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anAddedReplicaStillLoadingItsSnapshotAnswersButIsNeverPromoted(long seed) {
        // Shows: r3's answer (loading) makes the third of the 3 answers, so the failover goes ahead, with r1 or r2.
        Outcome run = AddedCandidateRun.run(seed, Scenario.ADDED_STILL_LOADING, Bug.NONE);

        assertThat(run.node(R3).joining()).as("r3 is still loading at the end").isTrue();
        assertThat(run.promoted()).as("seed " + seed).hasValueSatisfying(node -> assertThat(node)
                .isIn(R1, R2));
        assertThat(run.lostAcknowledged()).as("seed " + seed).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        Scenario scenario = Scenario.ONLY_ADDED_ACKNOWLEDGES_AND_IS_SLOW_TO_ANSWER;
        long first = AddedCandidateRun.run(7, scenario, Bug.NONE).result().traceHash();
        long again = AddedCandidateRun.run(7, scenario, Bug.NONE).result().traceHash();
        long other = AddedCandidateRun.run(8, scenario, Bug.NONE).result().traceHash();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
