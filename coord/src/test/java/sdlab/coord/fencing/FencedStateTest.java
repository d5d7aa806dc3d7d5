package sdlab.coord.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.coord.fencing.FencedState.Decision.ACCEPT;
import static sdlab.coord.fencing.FencedState.Decision.DUPLICATE_KEY;
import static sdlab.coord.fencing.FencedState.Decision.STALE_TOKEN;

import org.junit.jupiter.api.Test;
import sdlab.coord.fencing.FencingMessages.FencedRead;
import sdlab.coord.fencing.FencingMessages.FencedWrite;

/** The storage's decisions, without a network or a disk. */
class FencedStateTest {

    private static FencedWrite write(long token, String key, String value) {
        return new FencedWrite(1, "job", token, key, value);
    }

    /** Decides and, if accepted, applies; returns the decision. */
    private static FencedState.Decision offer(FencedState state, String writer, FencedWrite write) {
        FencedState.Decision decision = state.decide(writer, write);
        if (decision == ACCEPT) {
            state.apply(new AppliedWrite(
                    write.resource(), write.token(), write.idempotencyKey(), write.value(), writer, 0));
        }
        return decision;
    }

    @Test
    void aLowerTokenIsRefusedOnceAHigherOneWasAcceptedAndAnEqualOnePasses() {
        // Shows: tokens 1, 2 pass; 1 again is stale; 2 again passes (at least as high, not strictly higher).
        FencedState state = new FencedState(FencingPolicy.tokens());
        assertThat(offer(state, "s1", write(1, "", "a"))).isEqualTo(ACCEPT);
        assertThat(offer(state, "s2", write(2, "", "b"))).isEqualTo(ACCEPT);
        assertThat(offer(state, "s1", write(1, "", "c"))).isEqualTo(STALE_TOKEN);
        assertThat(offer(state, "s2", write(2, "", "d"))).isEqualTo(ACCEPT);
        assertThat(state.value("job")).contains("d");
        assertThat(state.highestTokenFor("anyone", "job")).isEqualTo(2);
    }

    @Test
    void aReadWithAHigherTokenFencesOffTheWritesOfLowerOnes() {
        // Shows: holder 1 read with token 1; holder 2 reads with token 2 before writing anything; holder
        // 1's write, computed from its older read, is refused; a read with token 1 is refused too.
        FencedState state = new FencedState(FencingPolicy.tokens());
        assertThat(state.decideRead("c1", new FencedRead(1, "job", 1))).isEqualTo(ACCEPT);
        state.observe("c1", "job", 1);
        assertThat(state.decideRead("c2", new FencedRead(2, "job", 2))).isEqualTo(ACCEPT);
        state.observe("c2", "job", 2);

        assertThat(offer(state, "c1", write(1, "", "1"))).isEqualTo(STALE_TOKEN);
        assertThat(state.decideRead("c1", new FencedRead(3, "job", 1))).isEqualTo(STALE_TOKEN);
        assertThat(offer(state, "c2", write(2, "", "1"))).isEqualTo(ACCEPT);
    }

    @Test
    void withoutTokenChecksEveryReadIsAnswered() {
        // Shows: the plain store reads nothing in the token, even after a higher one was seen.
        FencedState state = new FencedState(FencingPolicy.plain());
        state.observe("c2", "job", 5);
        assertThat(state.decideRead("c1", new FencedRead(1, "job", 1))).isEqualTo(ACCEPT);
        assertThat(offer(state, "c1", write(1, "", "x"))).isEqualTo(ACCEPT);
    }

    @Test
    void tokensAreComparedPerResource() {
        // Shows: a high token on one resource does not fence another resource.
        FencedState state = new FencedState(FencingPolicy.tokens());
        offer(state, "s1", new FencedWrite(1, "a", 9, "", "x"));
        assertThat(state.decide("s1", new FencedWrite(2, "b", 1, "", "y"))).isEqualTo(ACCEPT);
    }

    @Test
    void anAppliedKeyIsADuplicateAndAKeylessWriteNeverIs() {
        FencedState state = new FencedState(FencingPolicy.keys());
        assertThat(offer(state, "s1", write(0, "job@3", "a"))).isEqualTo(ACCEPT);
        assertThat(offer(state, "s2", write(0, "job@3", "b"))).isEqualTo(DUPLICATE_KEY);
        assertThat(offer(state, "s2", write(0, "", "c"))).isEqualTo(ACCEPT);
        assertThat(offer(state, "s2", write(0, "", "c"))).isEqualTo(ACCEPT);
    }

    @Test
    void aStaleTokenIsReportedBeforeADuplicateKey() {
        // Shows: a fenced-off writer learns it lost its grant, whatever its key.
        FencedState state = new FencedState(FencingPolicy.tokensAndKeys());
        offer(state, "s2", write(5, "job@3", "b"));
        assertThat(state.decide("s1", write(4, "job@3", "a"))).isEqualTo(STALE_TOKEN);
        assertThat(state.decide("s2", write(5, "job@3", "a"))).isEqualTo(DUPLICATE_KEY);
    }

    @Test
    void plainStorageChecksNothing() {
        FencedState state = new FencedState(FencingPolicy.plain());
        offer(state, "s2", write(5, "job@3", "b"));
        assertThat(state.decide("s1", write(1, "job@3", "a"))).isEqualTo(ACCEPT);
    }

    @Test
    void thePlantedPerWriterBugLetsAStaleHolderThrough() {
        // Shows: with tokens kept per writer, s1's old token 1 is as high as s1's own last one, so it passes.
        FencedState state = new FencedState(FencingPolicy.tokens().withBug(FencingPolicy.Bug.PER_WRITER_TOKENS));
        offer(state, "s1", write(1, "", "a"));
        offer(state, "s2", write(2, "", "b"));
        assertThat(state.decide("s1", write(1, "", "c"))).isEqualTo(ACCEPT);
    }

    @Test
    void keysBeyondTheBoundForgetTheOldest() {
        FencedState state = new FencedState(FencingPolicy.keys());
        for (int i = 0; i <= FencedState.KEYS_MAX; i++) {
            offer(state, "s1", write(0, "k" + i, "v"));
        }
        assertThat(state.decide("s1", write(0, "k0", "v"))).isEqualTo(ACCEPT);
        assertThat(state.decide("s1", write(0, "k1", "v"))).isEqualTo(DUPLICATE_KEY);
    }
}
