package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.chapters.quorum.QuorumExperiment;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;

/** The kept answers stay within their bound, the least recently opened going first. */
class SeedCacheTest {
    private static final Experiment QUORUM = new QuorumExperiment();

    @Test
    void theLeastRecentlyOpenedAnswerGoesFirstWhenTheBoundIsReached() {
        SeedCache cache = new SeedCache(10);
        cache.keep(seed(1), "aaaa");
        cache.keep(seed(2), "bbbb");
        assertThat(cache.find(seed(1))).hasValue("aaaa");

        cache.keep(seed(3), "cccc");

        assertThat(cache.find(seed(2))).isEmpty();
        assertThat(cache.find(seed(1))).hasValue("aaaa");
        assertThat(cache.find(seed(3))).hasValue("cccc");
    }

    @Test
    void anAnswerLargerThanTheBoundIsNotKept() {
        SeedCache cache = new SeedCache(3);

        cache.keep(seed(1), "aaaa");

        assertThat(cache.size()).isZero();
    }

    private static SeedRequest seed(long seed) {
        return new SeedRequest(QUORUM, ParamValues.defaults(QUORUM.params()), seed, "n3r1w3");
    }
}
