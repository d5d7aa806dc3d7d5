package sdlab.lab.sweep;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ClaimResult;

/**
 * One claim's verdicts accumulated seed by seed, in seed order, so that "first" means the lowest seed. Keeps counts,
 * the first violation and the first seed that held, never the runs themselves.
 */
final class ClaimTally {
    /** How much of a seed's findings a some-seed claim's evidence quotes. */
    private static final int EVIDENCE_FINDINGS_MAX = 2;

    private final Claim claim;
    private final ReplayCommand replay;
    private int checked;
    private int holding;
    private long firstViolationSeed = -1;
    private String firstViolation;
    private long firstHoldingSeed = -1;
    private String firstHoldingFindings;

    ClaimTally(Claim claim, ReplayCommand replay) {
        this.claim = claim;
        this.replay = replay;
    }

    Claim claim() {
        return claim;
    }

    void add(long seed, Optional<String> violation, Map<String, SeedRun> runsByVariant) {
        checked++;
        if (violation.isEmpty()) {
            holding++;
            if (firstHoldingFindings == null) {
                firstHoldingSeed = seed;
                firstHoldingFindings = findings(runsByVariant);
            }
        } else if (firstViolation == null) {
            firstViolationSeed = seed;
            firstViolation = violation.get();
        }
    }

    ClaimResult result() {
        assert checked > 0 : "a claim is evaluated on at least one seed";
        Wilson interval = Wilson.interval95(holding, checked);
        return switch (claim.scope()) {
            case EVERY_SEED -> everySeedResult(interval);
            case SOME_SEED -> someSeedResult(interval);
        };
    }

    private ClaimResult everySeedResult(Wilson interval) {
        boolean holds = holding == checked;
        String evidence = holds
                ? "held on " + checked + "/" + checked + " seeds (" + interval.text() + ")"
                : "violated on " + (checked - holding) + "/" + checked + " seeds; first at seed " + firstViolationSeed
                        + ": " + firstViolation;
        OptionalLong counterexample = holds ? OptionalLong.empty() : OptionalLong.of(firstViolationSeed);
        return result(holds, interval, evidence, counterexample, OptionalLong.empty());
    }

    private ClaimResult someSeedResult(Wilson interval) {
        boolean holds = holding > 0;
        String evidence = holds
                ? "shown on " + holding + "/" + checked + " seeds (" + interval.text() + "); first at seed "
                        + firstHoldingSeed + firstHoldingFindings
                : "not shown on any of " + checked + " seeds (" + interval.text() + "); at seed " + firstViolationSeed
                        + ": " + firstViolation;
        OptionalLong witness = holds ? OptionalLong.of(firstHoldingSeed) : OptionalLong.empty();
        return result(holds, interval, evidence, OptionalLong.empty(), witness);
    }

    private ClaimResult result(
            boolean holds, Wilson interval, String evidence, OptionalLong counterexample, OptionalLong witness) {
        OptionalLong replayed = counterexample.isPresent() ? counterexample : witness;
        Optional<String> command =
                replayed.isPresent() ? Optional.of(replay.forSeed(replayed.getAsLong())) : Optional.empty();
        return new ClaimResult(
                claim.name(),
                claim.description(),
                claim.scope(),
                holds,
                checked,
                holding,
                interval.low(),
                interval.high(),
                evidence,
                counterexample,
                witness,
                command);
    }

    /** ": [variant] finding; [variant] finding", or "" when the seed's runs noted nothing. */
    private static String findings(Map<String, SeedRun> runsByVariant) {
        StringBuilder text = new StringBuilder();
        int quoted = 0;
        for (Map.Entry<String, SeedRun> entry : runsByVariant.entrySet()) {
            for (String finding : entry.getValue().findings()) {
                if (quoted == EVIDENCE_FINDINGS_MAX) {
                    return text.toString();
                }
                text.append(quoted == 0 ? ": " : "; ")
                        .append('[')
                        .append(entry.getKey())
                        .append("] ")
                        .append(finding);
                quoted++;
            }
        }
        return text.toString();
    }
}
