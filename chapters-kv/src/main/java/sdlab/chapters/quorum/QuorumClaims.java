package sdlab.chapters.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import sdlab.lab.Claim;
import sdlab.lab.SeedRun;

/**
 * What chapter 10 claims, each a predicate over one seed's runs of every variant.
 *
 * <p>Two kinds. The lab's assertions (stale reads vanish when quorums overlap, and show up
 * when they do not) are what the textbook argument proves; a failure means the store or the
 * argument is wrong. The question's hypotheses (monotonic reads, causal consistency,
 * linearizability, and read-your-writes) are what the question asks about; each is
 * measured, and the report says which hold.
 */
final class QuorumClaims {
    static final String NO_STALE_READS = "noStaleReadsWhenQuorumsOverlap";
    static final String READ_YOUR_WRITES = "readYourWritesWhenQuorumsOverlap";
    static final String MONOTONIC_READS = "monotonicReadsWhenQuorumsOverlap";
    static final String CAUSAL = "sessionGuaranteesWhenQuorumsOverlap";
    static final String LINEARIZABLE = "linearizableWhenQuorumsOverlap";
    static final String WRITE_BACK_LINEARIZABLE = "linearizableWithBlockingWriteBack";
    static final String STALE_WITHOUT_OVERLAP = "staleReadsWhenQuorumsDoNotOverlap";
    static final String SLOPPY_STALE = "staleReadsWithSloppyQuorums";

    private QuorumClaims() {}

    static List<Claim> all(List<QuorumVariant> variants) {
        List<String> overlapping = names(variants, QuorumVariant::strictOverlapping);
        List<String> writeBack = names(variants, v -> v.role() == QuorumVariant.Role.WRITE_BACK);
        List<Claim> claims = new ArrayList<>();
        claims.add(Claim.everySeed(
                NO_STALE_READS,
                "No read returns a value older than a write that completed before the read began, in every strict variant with R + W > N.",
                (seed, runs) -> firstWith(runs, overlapping, QuorumMeasurements.STALE_READS, "stale read")));
        claims.add(Claim.everySeed(
                READ_YOUR_WRITES,
                "After a client's write completes, its own reads see that write or a newer one (strict, R + W > N).",
                (seed, runs) -> firstWith(runs, overlapping, QuorumMeasurements.READ_YOUR_WRITES, "session")));
        claims.add(Claim.hypothesis(
                MONOTONIC_READS,
                "No client reads a value older than one it read before (strict, R + W > N).",
                (seed, runs) -> firstWith(runs, overlapping, QuorumMeasurements.MONOTONIC_READS, "session")));
        claims.add(Claim.hypothesis(
                CAUSAL,
                "All four session guarantees hold, the per-client face of causal consistency (strict, R + W > N).",
                (seed, runs) -> firstWithAny(
                        runs,
                        overlapping,
                        List.of(
                                QuorumMeasurements.READ_YOUR_WRITES,
                                QuorumMeasurements.MONOTONIC_READS,
                                QuorumMeasurements.MONOTONIC_WRITES,
                                QuorumMeasurements.WRITES_FOLLOW_READS))));
        claims.add(Claim.hypothesis(
                LINEARIZABLE,
                "Every key's history of successful (and possibly applied) operations is linearizable (strict, R + W > N).",
                (seed, runs) ->
                        firstWith(runs, overlapping, QuorumMeasurements.KEYS_NOT_LINEARIZABLE, "not linearizable")));
        claims.add(Claim.everySeed(
                WRITE_BACK_LINEARIZABLE,
                "With reads that write back to a write quorum before answering (ABD), every key's history is linearizable.",
                (seed, runs) ->
                        firstWith(runs, writeBack, QuorumMeasurements.KEYS_NOT_LINEARIZABLE, "not linearizable")));
        for (String variant : names(variants, QuorumVariant::strictDisjoint)) {
            claims.add(Claim.someSeed(
                    STALE_WITHOUT_OVERLAP + "[" + variant + "]",
                    "With R + W <= N (" + variant + "), some read misses a completed write.",
                    (seed, runs) -> showsAny(runs.get(variant), QuorumMeasurements.STALE_READS)));
        }
        for (String variant : names(variants, v -> v.role() == QuorumVariant.Role.SLOPPY)) {
            claims.add(Claim.someSeed(
                    SLOPPY_STALE + "[" + variant + "]",
                    "A sloppy quorum (" + variant + ") can miss a completed write although R + W > N.",
                    (seed, runs) -> showsAny(runs.get(variant), QuorumMeasurements.STALE_READS)));
        }
        return List.copyOf(claims);
    }

    /** Empty if {@code counter} is zero in every named variant; else which variant broke it, and how. */
    private static Optional<String> firstWith(
            Map<String, SeedRun> runs, List<String> variants, String counter, String findingPrefix) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run != null && run.counter(counter) > 0) {
                return Optional.of(
                        "%s: %d %s; %s".formatted(variant, run.counter(counter), counter, example(run, findingPrefix)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstWithAny(
            Map<String, SeedRun> runs, List<String> variants, List<String> counters) {
        for (String counter : counters) {
            Optional<String> violation = firstWith(runs, variants, counter, "session");
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /** For a some-seed claim: empty (it holds here) if the variant shows the counter on this seed. */
    private static Optional<String> showsAny(SeedRun run, String counter) {
        if (run != null && run.counter(counter) > 0) {
            return Optional.empty();
        }
        return Optional.of("no " + counter + " on this seed");
    }

    private static String example(SeedRun run, String findingPrefix) {
        return run.findings().stream()
                .filter(f -> f.startsWith(findingPrefix))
                .findFirst()
                .orElse("(no example recorded)");
    }

    private static List<String> names(List<QuorumVariant> variants, Predicate<QuorumVariant> filter) {
        return variants.stream().filter(filter).map(QuorumVariant::name).toList();
    }
}
