package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where each epoch ends, as a follower of a new leader asks before it truncates (KIP-101, KIP-279). */
class LeaderEpochCacheTest {

    private static LeaderEpochCache epochs0At0And2At10And3At15() {
        LeaderEpochCache cache = new LeaderEpochCache();
        cache.assign(0, 0);
        cache.assign(2, 10);
        cache.assign(2, 12); // an epoch keeps its first start
        cache.assign(3, 15);
        cache.assign(1, 16); // an older epoch than the latest is not a new one
        return cache;
    }

    @Test
    void anEpochEndsWhereTheNextOneStartsAndTheLatestAtTheLogEnd() {
        LeaderEpochCache cache = epochs0At0And2At10And3At15();

        assertThat(cache.endOffsetFor(2, 20)).isEqualTo(new LeaderEpochCache.EpochEnd(2, 15));
        assertThat(cache.endOffsetFor(3, 20)).isEqualTo(new LeaderEpochCache.EpochEnd(3, 20));
        assertThat(cache.latestEpoch()).isEqualTo(3);
    }

    @Test
    void anEpochThisLogNeverHadIsAnsweredWithTheLargestOneBelowIt() {
        LeaderEpochCache cache = epochs0At0And2At10And3At15();

        // A follower whose last epoch is 1 (which this leader never saw) keeps what it has up to where 2 began.
        assertThat(cache.endOffsetFor(1, 20)).isEqualTo(new LeaderEpochCache.EpochEnd(0, 10));
        assertThat(cache.endOffsetFor(7, 20)).isEqualTo(new LeaderEpochCache.EpochEnd(3, 20));
    }

    @Test
    void truncatingTheLogForgetsTheEpochsThatStartedInTheCutPart() {
        LeaderEpochCache cache = epochs0At0And2At10And3At15();

        cache.truncateFromEnd(12);

        assertThat(cache.latestEpoch()).isEqualTo(2);
        assertThat(cache.endOffsetFor(2, 12)).isEqualTo(new LeaderEpochCache.EpochEnd(2, 12));
    }
}
