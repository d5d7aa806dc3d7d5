package sdlab.lab.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import sdlab.lab.Claim;

/**
 * A claim's verdict over all seeds checked.
 *
 * @param name the claim's name
 * @param description what it says
 * @param scope whether it must hold on every seed or on some seed
 * @param role whether the run fails when it does not hold (an assertion) or it is only reported (a hypothesis)
 * @param holds the verdict
 * @param seedsChecked how many seeds were checked
 * @param seedsHolding on how many of them the claim's check held
 * @param wilsonLow the lower end of the 95% Wilson score interval for the share of seeds where it held
 * @param wilsonHigh the upper end of that interval
 * @param evidence one line for people: "held on 1000/1000 seeds (95% CI 99.6%-100%)"
 * @param counterexampleSeed for an every-seed claim, the first seed where it did not hold
 * @param witnessSeed for a some-seed claim, the first seed where it held
 * @param replayCommand the command that replays the counterexample or witness seed with its trace
 * @param applicable false when the seeds checked cannot judge the claim: a some-seed claim not shown on the one seed
 *     of a replay is not refuted by it, so it is reported as not applicable and does not fail the run
 * @param evidenceVariant the variant whose run on the counterexample or witness seed is the evidence (the replay
 *     command's {@code --variant}): a claim may range over several variants, and a reader needs the one that broke
 *     or showed it
 * @param illustration why the claim is an illustration rather than evidence (it compares only figures derived from
 *     cost inputs, or holds by construction), or empty when it is evidence
 */
public record ClaimResult(
        String name,
        String description,
        Claim.Scope scope,
        Claim.Role role,
        boolean holds,
        int seedsChecked,
        int seedsHolding,
        double wilsonLow,
        double wilsonHigh,
        String evidence,
        OptionalLong counterexampleSeed,
        OptionalLong witnessSeed,
        Optional<String> replayCommand,
        boolean applicable,
        Optional<String> evidenceVariant,
        Optional<String> illustration) {
    public ClaimResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(evidenceVariant, "evidenceVariant");
        Objects.requireNonNull(illustration, "illustration");
        assert seedsHolding >= 0 && seedsHolding <= seedsChecked;
        assert applicable || !holds : "a claim that holds was judged";
    }

    /** A claim the seeds checked could judge, presented as evidence, whose evidence names no variant. */
    public ClaimResult(
            String name,
            String description,
            Claim.Scope scope,
            Claim.Role role,
            boolean holds,
            int seedsChecked,
            int seedsHolding,
            double wilsonLow,
            double wilsonHigh,
            String evidence,
            OptionalLong counterexampleSeed,
            OptionalLong witnessSeed,
            Optional<String> replayCommand) {
        this(
                name,
                description,
                scope,
                role,
                holds,
                seedsChecked,
                seedsHolding,
                wilsonLow,
                wilsonHigh,
                evidence,
                counterexampleSeed,
                witnessSeed,
                replayCommand,
                true,
                Optional.empty(),
                Optional.empty());
    }

    /** True when the verdict is evidence: measured, not an illustration of cost inputs or of a construction. */
    public boolean isEvidence() {
        return illustration.isEmpty();
    }

    /** The seed whose run is the evidence: the counterexample of a claim that failed, else the witness, if any. */
    public OptionalLong evidenceSeed() {
        return counterexampleSeed.isPresent() ? counterexampleSeed : witnessSeed;
    }

    /** True when the claim was judged and did not hold: what fails a run, if the claim is an assertion. */
    public boolean broke() {
        return applicable && !holds;
    }
}
