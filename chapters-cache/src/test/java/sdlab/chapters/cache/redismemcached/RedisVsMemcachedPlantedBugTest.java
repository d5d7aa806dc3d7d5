package sdlab.chapters.cache.redismemcached;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * The claims can fail: an append-only file that acknowledges a SET before any fsync covers it,
 * while calling itself {@code appendfsync always}, must be caught losing acknowledged writes, with a
 * counterexample seed and the command that replays it. The bug is the shared {@link
 * sdlab.cache.persist.AofWriter}'s {@code acksBeforeFsync}, the same switch that the cache node's
 * {@code PowerLossTest} flips: replies go once the write is in the page cache, and the file is synced
 * only by the once-a-second tick. (Nearly every seed then loses writes: 29 of the first 30, from seed 1.)
 */
class RedisVsMemcachedPlantedBugTest {

    @Test
    void acknowledgingBeforeTheFsyncBreaksTheAlwaysClaim() {
        // Shows: the sweep that passes for the correct node fails for one that replies before its disk has the SET.
        ExperimentReport report =
                Sweep.quietly(new RedisVsMemcachedExperiment(ServerSpec::acknowledgingBeforeFsync), 30);
        ClaimResult claim = report.claimsByName().get(ServerClaims.AOF_ALWAYS_KEEPS);
        System.out.println("planted bug (AofWriter acksBeforeFsync) caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElse("(no counterexample)"));

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run redis-vs-memcached --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("redis-aof-always lost");
        assertThat(report.assertionsHold()).isFalse();
    }
}
