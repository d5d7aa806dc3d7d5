package sdlab.chapters.txlog;

import static sdlab.chapters.txlog.IsolationMeasurements.ABORTED_IN_LOG;
import static sdlab.chapters.txlog.IsolationMeasurements.ABORTED_READ;
import static sdlab.chapters.txlog.IsolationMeasurements.DOUBLE_COUNTS;
import static sdlab.chapters.txlog.IsolationMeasurements.LAG_HW_MEAN;
import static sdlab.chapters.txlog.IsolationMeasurements.LAG_LSO_MEAN;
import static sdlab.chapters.txlog.IsolationMeasurements.OPEN_READ;
import static sdlab.chapters.txlog.IsolationMeasurements.VISIBLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 6 claims, each a predicate over one seed's runs of the two variants.
 *
 * <p>The assertions are read_committed's promise and read_uncommitted's lack of one, measured against the log's own
 * markers: read_committed reads no aborted record, no record of a transaction still open, and counts no payment
 * twice after a replay; read_uncommitted does read aborted and open records and does double count; and
 * read_committed's visibility waits for the commit. The hypotheses are the question's options.
 */
final class IsolationClaims {
    static final String COMMITTED_READS_NO_ABORTED = "readCommittedReadsNoAbortedRecord";
    static final String COMMITTED_READS_NO_OPEN = "readCommittedReadsNoRecordOfAnOpenTransaction";
    static final String COMMITTED_NO_DOUBLE_COUNT = "readCommittedCountsNoPaymentTwiceAfterAReplay";
    static final String UNCOMMITTED_READS_ABORTED = "readUncommittedReadsAbortedRecords";
    static final String UNCOMMITTED_READS_OPEN = "readUncommittedReadsRecordsOfOpenTransactions";
    static final String UNCOMMITTED_DOUBLE_COUNTS = "readUncommittedCountsRetriedPaymentsTwice";
    static final String COMMITTED_WAITS = "readCommittedSeesARecordOnlyAfterItsCommit";
    static final String OPEN_HOLDS_LSO = "anOpenTransactionHoldsReadCommittedBehindTheHighWatermark";

    static final String ONLY_UNCOMMITTED = "readUncommittedKeepsOutAbortedAndOpenRecords";
    static final String ONLY_COMMITTED = "readCommittedKeepsOutAbortedAndOpenRecords";
    static final String NEITHER = "neitherLevelKeepsThemOut";
    static final String DELETED = "abortedRecordsAreDeletedFromTheLog";

    static final String UNCOMMITTED = "read-uncommitted";
    static final String COMMITTED = "read-committed";

    private IsolationClaims() {}

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>(assertions());
        claims.addAll(hypotheses());
        return List.copyOf(claims);
    }

    private static List<Claim> assertions() {
        return List.of(
                Claim.everySeed(
                        COMMITTED_READS_NO_ABORTED,
                        "The read-committed job reads no record whose transaction aborted, before or after its replay.",
                        (seed, runs) -> none(runs.get(COMMITTED), COMMITTED, ABORTED_READ, "aborted records read")),
                Claim.everySeed(
                        COMMITTED_READS_NO_OPEN,
                        "The read-committed job reads no record before the marker that commits it is in the log.",
                        (seed, runs) ->
                                none(runs.get(COMMITTED), COMMITTED, OPEN_READ, "records of open transactions read")),
                Claim.everySeed(
                        COMMITTED_NO_DOUBLE_COUNT,
                        "After the replay, the read-committed job's output counts every payment once, although"
                                + " producers retried aborted payments in new transactions.",
                        (seed, runs) -> none(runs.get(COMMITTED), COMMITTED, DOUBLE_COUNTS, "payments counted twice")),
                Claim.someSeed(
                        UNCOMMITTED_READS_ABORTED,
                        "The read-uncommitted job reads records of aborted transactions.",
                        (seed, runs) -> some(runs.get(UNCOMMITTED), UNCOMMITTED, ABORTED_READ, "aborted records read")),
                Claim.someSeed(
                        UNCOMMITTED_READS_OPEN,
                        "The read-uncommitted job reads records of transactions still open.",
                        (seed, runs) -> some(
                                runs.get(UNCOMMITTED), UNCOMMITTED, OPEN_READ, "records of open transactions read")),
                Claim.someSeed(
                        UNCOMMITTED_DOUBLE_COUNTS,
                        "After the replay, the read-uncommitted job's output counts a retried payment twice: once from"
                                + " the aborted attempt, once from the retry that committed.",
                        (seed, runs) ->
                                some(runs.get(UNCOMMITTED), UNCOMMITTED, DOUBLE_COUNTS, "payments counted twice")),
                Claim.everySeed(
                        COMMITTED_WAITS,
                        "read-committed's median time from append to visible is longer than read-uncommitted's: it"
                                + " waits for the commit, and for every transaction open before it in the partition.",
                        (seed, runs) -> waits(runs)),
                Claim.everySeed(
                        OPEN_HOLDS_LSO,
                        "The read-committed job lags further behind the high watermark than behind the last stable"
                                + " offset: records after an open transaction's first one wait, committed or not.",
                        (seed, runs) -> heldBack(runs.get(COMMITTED))));
    }

    private static List<Claim> hypotheses() {
        return List.of(
                Claim.hypothesis(
                        ONLY_UNCOMMITTED,
                        "The read-uncommitted job reads no aborted record and no record of an open transaction.",
                        (seed, runs) -> keepsOut(runs.get(UNCOMMITTED), UNCOMMITTED)),
                Claim.hypothesis(
                        ONLY_COMMITTED,
                        "The read-committed job reads no aborted record and no record of an open transaction.",
                        (seed, runs) -> keepsOut(runs.get(COMMITTED), COMMITTED)),
                Claim.hypothesis(
                        NEITHER,
                        "Both jobs (read-committed and read-uncommitted) read aborted or open records: only the producer's idempotence could keep duplicates"
                                + " out, and it does not apply to what a reader sees.",
                        (seed, runs) -> keepsOut(runs.get(COMMITTED), COMMITTED).isPresent()
                                        && keepsOut(runs.get(UNCOMMITTED), UNCOMMITTED)
                                                .isPresent()
                                ? Optional.empty()
                                : Optional.of(COMMITTED + ": kept them out")),
                Claim.hypothesis(
                        DELETED,
                        "An abort deletes its records from the log, so no reader can meet them.",
                        (seed, runs) -> none(
                                runs.get(COMMITTED), COMMITTED, ABORTED_IN_LOG, "aborted records still in the log")));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. read_uncommitted",
                        UNCOMMITTED,
                        List.of(ONLY_UNCOMMITTED),
                        "read_uncommitted reads up to the high watermark: every record appended, decided or not."),
                new Question.Option(
                        "B. read_committed",
                        COMMITTED,
                        List.of(ONLY_COMMITTED),
                        "read_committed stops at the last stable offset and skips what the aborted-transactions"
                                + " index lists."),
                new Question.Option(
                        "C. neither: only idempotent producers keep a replaying job's sums right",
                        COMMITTED,
                        List.of(NEITHER),
                        "Idempotence stops a retried batch from being written twice; an aborted attempt and its"
                                + " retry are two different batches, and only the reader's isolation level skips the"
                                + " first."),
                new Question.Option(
                        "D. both, since an abort deletes the aborted records",
                        UNCOMMITTED,
                        List.of(DELETED),
                        "The log is append-only: an abort appends a marker and leaves the records where they are."));
    }

    private static Optional<String> keepsOut(SeedRun run, String variant) {
        long aborted = run.counter(ABORTED_READ);
        long open = run.counter(OPEN_READ);
        return aborted == 0 && open == 0
                ? Optional.empty()
                : Optional.of("%s: %d aborted and %d open records read".formatted(variant, aborted, open));
    }

    private static Optional<String> waits(Map<String, SeedRun> runs) {
        double committed = p50Ms(runs.get(COMMITTED));
        double uncommitted = p50Ms(runs.get(UNCOMMITTED));
        return committed > uncommitted
                ? Optional.empty()
                : Optional.of(COMMITTED
                        + ": median visible after %.3f ms, read-uncommitted's %.3f ms"
                                .formatted(committed, uncommitted));
    }

    private static Optional<String> heldBack(SeedRun run) {
        double hw = run.value(LAG_HW_MEAN);
        double lso = run.value(LAG_LSO_MEAN);
        return hw > lso
                ? Optional.empty()
                : Optional.of(COMMITTED
                        + ": mean lag %.2f records behind the high watermark, %.2f behind the LSO".formatted(hw, lso));
    }

    static double p50Ms(SeedRun run) {
        var h = run.histogram(VISIBLE);
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1e6;
    }

    private static Optional<String> none(SeedRun run, String variant, String counter, String what) {
        long count = run.counter(counter);
        if (count == 0) {
            return Optional.empty();
        }
        String examples = String.join("; ", run.findings().stream().limit(3).toList());
        return Optional.of("%s: %d %s%s".formatted(variant, count, what, examples.isEmpty() ? "" : "; " + examples));
    }

    private static Optional<String> some(SeedRun run, String variant, String counter, String what) {
        return run.counter(counter) > 0 ? Optional.empty() : Optional.of(variant + ": no " + what);
    }
}
