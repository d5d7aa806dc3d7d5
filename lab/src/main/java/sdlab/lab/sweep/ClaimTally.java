package sdlab.lab.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.MergeableState;
import sdlab.lab.report.MergeableState.SeedNote;

/**
 * One claim's verdicts accumulated seed by seed, in seed order, so that "first" means the lowest seed. Keeps counts,
 * the first violation and the first seed that held, never the runs themselves; tallies of disjoint seed ranges
 * {@link #absorb merge} into the tally of their union.
 */
final class ClaimTally {
    private final Claim claim;
    private final ReplayCommand replay;
    private int checked;
    private int holding;
    private long firstViolationSeed = -1;
    private String firstViolation;
    private String firstViolationVariant;
    private long firstHoldingSeed = -1;
    private String firstHoldingFindings;
    private String firstHoldingVariant;

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
                firstHoldingVariant = witnessVariant(runsByVariant);
                firstHoldingFindings = witnessFindings(runsByVariant);
            }
        } else if (firstViolation == null) {
            firstViolationSeed = seed;
            firstViolation = violation.get();
            firstViolationVariant = violatingVariant(violation.get(), runsByVariant);
        }
    }

    /** Adds the seeds of {@code other}, a tally of the same claim over other seeds; "first" stays the lowest seed. */
    void absorb(ClaimTally other) {
        assert other.claim.name().equals(claim.name());
        checked += other.checked;
        holding += other.holding;
        if (other.firstViolation != null && (firstViolation == null || other.firstViolationSeed < firstViolationSeed)) {
            firstViolationSeed = other.firstViolationSeed;
            firstViolation = other.firstViolation;
            firstViolationVariant = other.firstViolationVariant;
        }
        if (other.firstHoldingFindings != null
                && (firstHoldingFindings == null || other.firstHoldingSeed < firstHoldingSeed)) {
            firstHoldingSeed = other.firstHoldingSeed;
            firstHoldingFindings = other.firstHoldingFindings;
            firstHoldingVariant = other.firstHoldingVariant;
        }
    }

    /** What this tally keeps, for a report that other reports can be merged with. */
    MergeableState.ClaimState state() {
        Optional<SeedNote> violation = firstViolation == null
                ? Optional.empty()
                : Optional.of(new SeedNote(firstViolationSeed, firstViolation, firstViolationVariant));
        Optional<SeedNote> witness = firstHoldingFindings == null
                ? Optional.empty()
                : Optional.of(new SeedNote(firstHoldingSeed, firstHoldingFindings, firstHoldingVariant));
        return new MergeableState.ClaimState(claim.name(), checked, holding, violation, witness);
    }

    /** A tally of {@code claim} holding {@code state}. */
    static ClaimTally restore(Claim claim, ReplayCommand replay, MergeableState.ClaimState state) {
        if (state.seedsHolding() < 0 || state.seedsHolding() > state.seedsChecked()) {
            throw new IllegalArgumentException("claim " + claim.name() + " held on " + state.seedsHolding() + " of "
                    + state.seedsChecked() + " seeds");
        }
        if (state.firstViolation().isPresent() != (state.seedsHolding() < state.seedsChecked())
                || state.firstHolding().isPresent() != (state.seedsHolding() > 0)) {
            throw new IllegalArgumentException("claim " + claim.name() + "'s first violation or first holding seed "
                    + "does not match its counts");
        }
        ClaimTally tally = new ClaimTally(claim, replay);
        tally.checked = state.seedsChecked();
        tally.holding = state.seedsHolding();
        state.firstViolation().ifPresent(note -> {
            tally.firstViolationSeed = note.seed();
            tally.firstViolation = note.text();
            tally.firstViolationVariant = note.variant();
        });
        state.firstHolding().ifPresent(note -> {
            tally.firstHoldingSeed = note.seed();
            tally.firstHoldingFindings = note.text();
            tally.firstHoldingVariant = note.variant();
        });
        return tally;
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
        if (holding == 0 && checked == 1) {
            return notApplicable(interval);
        }
        boolean holds = holding > 0;
        String evidence = holds
                ? "shown on " + holding + "/" + checked + " seeds (" + interval.text() + "); first at seed "
                        + firstHoldingSeed + firstHoldingFindings
                : "not shown on any of " + checked + " seeds (" + interval.text() + "); at seed " + firstViolationSeed
                        + ": " + firstViolation;
        OptionalLong witness = holds ? OptionalLong.of(firstHoldingSeed) : OptionalLong.empty();
        return result(holds, interval, evidence, OptionalLong.empty(), witness);
    }

    /**
     * One seed that does not show a some-seed claim does not refute it: the sweep that printed the replay command may
     * have found its witness on another seed. So a one-seed run reports the claim as not applicable, and its exit code
     * says only whether an assertion broke.
     */
    private ClaimResult notApplicable(Wilson interval) {
        String evidence = "not applicable: one seed cannot refute a claim about some seed (not shown on seed "
                + firstViolationSeed + ": " + firstViolation + ")";
        return new ClaimResult(
                claim.name(),
                claim.description(),
                claim.scope(),
                claim.role(),
                false,
                checked,
                holding,
                interval.low(),
                interval.high(),
                evidence,
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                claim.illustration());
    }

    private ClaimResult result(
            boolean holds, Wilson interval, String evidence, OptionalLong counterexample, OptionalLong witness) {
        Optional<String> variant = counterexample.isPresent()
                ? Optional.of(firstViolationVariant)
                : witness.isPresent() ? Optional.of(firstHoldingVariant) : Optional.empty();
        OptionalLong seed = counterexample.isPresent() ? counterexample : witness;
        Optional<String> command = variant.map(v -> replay.forSeed(seed.getAsLong(), v));
        return new ClaimResult(
                claim.name(),
                claim.description(),
                claim.scope(),
                claim.role(),
                holds,
                checked,
                holding,
                interval.low(),
                interval.high(),
                evidence,
                counterexample,
                witness,
                command,
                true,
                variant,
                claim.illustration());
    }

    /**
     * The variant a violation is about: the one it starts with ("n3r1w3: 2 stale reads"), else the first one it or the
     * claim names, else the first that noted a finding, else the first variant.
     */
    private String violatingVariant(String violation, Map<String, SeedRun> runsByVariant) {
        for (String variant : runsByVariant.keySet()) {
            if (violation.startsWith(variant + ":")) {
                return variant;
            }
        }
        return runsByVariant.keySet().stream()
                .filter(variant -> mentions(violation, variant))
                .findFirst()
                .orElseGet(() -> witnessVariant(runsByVariant));
    }

    /** The variant a claim names, else the first that noted a finding, else the first variant. */
    private String witnessVariant(Map<String, SeedRun> runsByVariant) {
        List<String> named = namedVariants(runsByVariant);
        if (!named.isEmpty()) {
            return named.getFirst();
        }
        return runsByVariant.entrySet().stream()
                .filter(entry -> !entry.getValue().findings().isEmpty())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> runsByVariant.keySet().iterator().next());
    }

    private List<String> namedVariants(Map<String, SeedRun> runsByVariant) {
        return runsByVariant.keySet().stream()
                .filter(variant -> mentions(claim.name(), variant) || mentions(claim.description(), variant))
                .toList();
    }

    /**
     * ": [variant] finding", the first thing the witness seed's runs noted, or "" when they noted nothing. A claim
     * about one variant usually names it ("staleReads[n3r1w1]"), so the findings of the variants a claim names come
     * first: quoting another variant's finding would be evidence for the wrong thing.
     */
    private String witnessFindings(Map<String, SeedRun> runsByVariant) {
        List<String> named = namedVariants(runsByVariant);
        for (Map.Entry<String, SeedRun> entry : runsByVariant.entrySet()) {
            boolean relevant = named.isEmpty() || named.contains(entry.getKey());
            if (relevant && !entry.getValue().findings().isEmpty()) {
                return ": [" + entry.getKey() + "] "
                        + entry.getValue().findings().getFirst();
            }
        }
        return "";
    }

    /** True if {@code text} contains {@code word} not as part of a longer name (n3r2w2 is not in n3r2w2-sloppy). */
    static boolean mentions(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            int end = at + word.length();
            if ((at == 0 || !isNameChar(text.charAt(at - 1)))
                    && (end == text.length() || !isNameChar(text.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
}
