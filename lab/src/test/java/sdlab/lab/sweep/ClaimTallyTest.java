package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;

class ClaimTallyTest {
    private static Map<String, SeedRun> runs() {
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        runs.put("n3r2w2", SeedRun.builder().finding("strict finding").build());
        runs.put("n3r2w2-sloppy", SeedRun.builder().finding("sloppy finding").build());
        return runs;
    }

    private static String witnessEvidence(String claimName) {
        ClaimTally tally = new ClaimTally(
                Claim.someSeed(claimName, "shows something", (seed, runs) -> Optional.empty()),
                new ReplayCommand("x", Map.of()));
        tally.add(4, Optional.empty(), runs());
        return tally.result().evidence();
    }

    @Test
    void aSomeSeedClaimQuotesTheFindingOfTheVariantItNames() {
        // Evidence for a claim about the sloppy variant must not quote the strict variant's finding.
        assertThat(witnessEvidence("staleReads[n3r2w2-sloppy]"))
                .endsWith("first at seed 4: [n3r2w2-sloppy] sloppy finding");
        assertThat(witnessEvidence("staleReads[n3r2w2]")).endsWith("first at seed 4: [n3r2w2] strict finding");
        assertThat(witnessEvidence("staleReadsSomewhere")).endsWith("first at seed 4: [n3r2w2] strict finding");
    }

    @Test
    void theReplayCommandNamesTheVariantWhoseRunIsTheEvidence() {
        // A violation that starts with a variant replays that variant; a witness replays the variant the claim names.
        ClaimTally broken = new ClaimTally(
                Claim.everySeed("neverStale", "no stale reads", (seed, runs) -> Optional.empty()),
                new ReplayCommand("x", Map.of()));
        broken.add(9, Optional.of("n3r2w2-sloppy: 1 stale read"), runs());
        assertThat(broken.result().replayCommand()).contains("./sdlab run x --seed 9 --variant n3r2w2-sloppy --trace");

        ClaimTally shown = new ClaimTally(
                Claim.someSeed("staleReads[n3r2w2-sloppy]", "shows it", (seed, runs) -> Optional.empty()),
                new ReplayCommand("x", Map.of()));
        shown.add(4, Optional.empty(), runs());
        assertThat(shown.result().replayCommand()).contains("./sdlab run x --seed 4 --variant n3r2w2-sloppy --trace");
    }

    @Test
    void aNameIsMentionedOnlyAsAWholeWord() {
        // n3r2w2 is not mentioned by n3r2w2-sloppy, but is by "(n3r2w2)".
        assertThat(ClaimTally.mentions("reads[n3r2w2-sloppy]", "n3r2w2")).isFalse();
        assertThat(ClaimTally.mentions("With R + W > N (n3r2w2), reads", "n3r2w2"))
                .isTrue();
        assertThat(ClaimTally.mentions("n3r2w2", "n3r2w2")).isTrue();
    }
}
