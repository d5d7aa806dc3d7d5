package sdlab.chapters.coord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.coord.recipes.LockConfig;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * The claims can fail. A store that keeps the highest token per writer instead of per resource
 * passes a test with one client, whose tokens do rise, but lets a paused holder's write through:
 * {@code theFencedLockLosesNoIncrement} must catch it. And a sequential recipe that watches the lock's parent (getChildren with a
 * watch) instead of its predecessor is still a correct lock, so a test of mutual exclusion passes,
 * but every change under {@code /locks} wakes every waiter, and
 * {@code theSequentialRecipeWakesFewerWaitersThanThePlainLock} must catch it with a seed to replay.
 */
class LockPlantedBugTest {

    @Test
    void aSequentialRecipeWatchingTheParentBringsTheHerdBack() {
        // Shows: the sweep that passes for the recipe as written fails when waiters watch /locks.
        ExperimentReport report = Sweep.quietly(new LockExperiment(LockConfig.Bug.WATCH_PARENT, policy -> policy), 4);
        ClaimResult claim = report.claimsByName().get(LockClaims.SEQUENTIAL_NO_HERD);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith(
                        "./sdlab run locks --seed " + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("notifications per release");
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }

    @Test
    void aStoreThatComparesTokensPerWriterLetsThePausedHolderThrough() {
        // Shows: the sweep that passes for the correct store fails when tokens are compared per writer.
        ExperimentReport report = Sweep.quietly(
                new LockExperiment(LockConfig.Bug.NONE, policy -> policy.withBug(FencingPolicy.Bug.PER_WRITER_TOKENS)),
                8);
        ClaimResult claim = report.claimsByName().get(LockClaims.FENCED_KEEPS_COUNT);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.evidence()).contains("lost update");
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }
}
