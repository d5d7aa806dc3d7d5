package sdlab.traffic.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanarySelectorTest {
    private static final String HEADER = "X-Canary";

    /** A generator that fails the test if the selector draws from it. */
    private static final RandomGenerator NO_DRAWS = () -> {
        throw new AssertionError("the selector drew randomness it should not need");
    };

    private static CanarySelector selector(int weightPercent, boolean pinSessions) {
        return new CanarySelector(new CanaryRule(HEADER, CanaryRule.ANY_VALUE, weightPercent, pinSessions));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50, 100})
    void aPinnedSessionStaysOnItsPinWhateverTheHeaderSays(int weightPercent) {
        // Shows: the pin comes first: a session pinned to stable keeps stable with the opt-in header,
        // one pinned to the canary keeps it without, and neither draws or rewrites its pin.
        CanarySelector selector = selector(weightPercent, true);

        assertThat(selector.select("yes", Track.STABLE, true, NO_DRAWS))
                .isEqualTo(new CanarySelector.Choice(Track.STABLE, null));
        assertThat(selector.select(null, Track.CANARY, true, NO_DRAWS))
                .isEqualTo(new CanarySelector.Choice(Track.CANARY, null));
    }

    @Test
    void withoutAPinTheHeaderWinsOverTheWeightAndIsPinned() {
        // Shows: an unpinned request that opts in reaches the canary even at weight 0, and the response pins it there.
        CanarySelector selector = selector(0, true);

        assertThat(selector.select("yes", null, true, NO_DRAWS))
                .isEqualTo(new CanarySelector.Choice(Track.CANARY, Track.CANARY));
    }

    @Test
    void aHeaderWithTheWrongValueDoesNotOptIn() {
        // Shows: with a required value, only that value opts in; any other value leaves the request to the weight.
        CanarySelector selector = new CanarySelector(new CanaryRule(HEADER, "on", 0, true));

        assertThat(selector.select("on", null, true, NO_DRAWS).track()).isEqualTo(Track.CANARY);
        assertThat(selector.select("off", null, true, NO_DRAWS).track()).isEqualTo(Track.STABLE);
    }

    @Test
    void weightsOfZeroAndHundredNeverDrawRandomness() {
        // Shows: a route whose canary is all or nothing uses no randomness, so adding it changes no seeded run.
        assertThat(selector(0, true).select(null, null, true, NO_DRAWS).track()).isEqualTo(Track.STABLE);
        assertThat(selector(100, true).select(null, null, true, NO_DRAWS).track())
                .isEqualTo(Track.CANARY);
    }

    @Test
    void aSeededGeneratorGivesReproducibleWeightedChoices() {
        // Shows: the same seed gives the same tracks in the same order, and the share drawn follows the weight.
        List<Track> first = draws(30, 42);
        List<Track> again = draws(30, 42);

        assertThat(again).isEqualTo(first);
        assertThat(draws(30, 43)).isNotEqualTo(first);
        long canary = first.stream().filter(t -> t == Track.CANARY).count();
        assertThat(canary).isBetween(250L, 350L);
    }

    @Test
    void aCanaryThatIsOffServesStableAndRewritesACanaryPin() {
        // Shows: after a rollback a session pinned to the canary goes to stable and its pin is rewritten,
        // while a stable pin is left as it is.
        CanarySelector selector = selector(50, true);

        assertThat(selector.select("yes", Track.CANARY, false, NO_DRAWS))
                .isEqualTo(new CanarySelector.Choice(Track.STABLE, Track.STABLE));
        assertThat(selector.select("yes", Track.STABLE, false, NO_DRAWS))
                .isEqualTo(new CanarySelector.Choice(Track.STABLE, null));
    }

    @Test
    void withPinsOffThePinIsIgnoredAndNoneIsSet() {
        // Shows: without session pinning the rules decide every request anew: a stable pin does not hold back the
        // header.
        CanarySelector selector = selector(0, false);

        assertThat(selector.select("yes", Track.STABLE, true, NO_DRAWS))
                .isEqualTo(new CanarySelector.Choice(Track.CANARY, null));
    }

    private static List<Track> draws(int weightPercent, long seed) {
        CanarySelector selector = selector(weightPercent, false);
        SplittableRandom random = new SplittableRandom(seed);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tracks.add(selector.select(null, null, true, random).track());
        }
        return tracks;
    }
}
