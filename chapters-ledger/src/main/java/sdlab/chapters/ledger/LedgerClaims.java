package sdlab.chapters.ledger;

import static sdlab.chapters.ledger.LedgerMeasurements.BANK_VIOLATIONS;
import static sdlab.chapters.ledger.LedgerMeasurements.DOUBLE_SPENDS;
import static sdlab.chapters.ledger.LedgerMeasurements.ELLE_ANOMALIES;
import static sdlab.chapters.ledger.LedgerMeasurements.ELLE_CHECKED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_CREATED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_DESTROYED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_NOT_CONSERVED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_UNEXPLAINED;
import static sdlab.chapters.ledger.LedgerMeasurements.NEGATIVE_BALANCES;
import static sdlab.chapters.ledger.LedgerMeasurements.NOT_AUDITED;
import static sdlab.chapters.ledger.LedgerMeasurements.STALE_READS;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFERS_IN_DOUBT;
import static sdlab.chapters.ledger.LedgerVariant.CAUSAL_ESCROW;
import static sdlab.chapters.ledger.LedgerVariant.CAUSAL_READ_THEN_WRITE;
import static sdlab.chapters.ledger.LedgerVariant.EVENTUAL_ESCROW;
import static sdlab.chapters.ledger.LedgerVariant.EVENTUAL_READ_THEN_WRITE;
import static sdlab.chapters.ledger.LedgerVariant.LINEARIZABLE_ATOMIC;
import static sdlab.chapters.ledger.LedgerVariant.LINEARIZABLE_CAS;
import static sdlab.chapters.ledger.LedgerVariant.LINEARIZABLE_ESCROW;
import static sdlab.chapters.ledger.LedgerVariant.LINEARIZABLE_READ_THEN_WRITE;
import static sdlab.chapters.ledger.LedgerVariant.LINEARIZABLE_TXN;
import static sdlab.chapters.ledger.LedgerVariant.SESSION_ESCROW;
import static sdlab.chapters.ledger.LedgerVariant.SESSION_READ_THEN_WRITE;
import static sdlab.chapters.ledger.LedgerVariant.SESSION_TOKEN_ESCROW;
import static sdlab.chapters.ledger.LedgerVariant.SESSION_TOKEN_READ_THEN_WRITE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 1 claims, each a predicate over one seed's runs of the thirteen variants.
 *
 * <p>The assertions: compare-and-set on the linearizable store never spends the same money twice
 * nor creates money; its reads are never stale; and yet read-then-write on that same store
 * double-spends, and read-then-write on the eventual store ends with a total that is not the
 * start. A transfer made as one transaction, built on the client or moved by the server, keeps
 * every balance exact, with no allowance for transfers in doubt: it applies whole or not at all. The hypotheses are the question's options, each "this level keeps every balance exact"
 * judged on every seed.
 */
final class LedgerClaims {
    static final String CAS_NEVER_DOUBLE_SPENDS = "compareAndSetOnALinearizableStoreNeverSpendsMoneyTwice";
    static final String LINEARIZABLE_READS_FRESH = "linearizableReadsAreNeverStale";
    static final String READ_THEN_WRITE_DOUBLE_SPENDS = "readThenWriteDoubleSpendsEvenOnALinearizableStore";
    static final String EVENTUAL_BREAKS_TOTAL = "readThenWriteOnTheEventualStoreCreatesOrDestroysMoney";
    static final String BANK_CHECKER_AGREES =
            "theJepsenBankCheckerFindsNothingOnCompareAndSetAndSomethingOnReadThenWrite";
    static final String ELLE_AGREES = "theElleCheckerFindsNoAnomalyInCompareAndSetTransfersOnALinearizableStore";
    static final String EVERY_RUN_AUDITED = "everyRunEndsWithAnAuditAfterItsLastTransfer";
    static final String ATOMIC_EXACT = "aServerSideTransferNeverDoubleSpendsNorChangesTheTotalNorGoesNegative";
    static final String TXN_EXACT = "aTransactionBuiltOnTheClientNeverDoubleSpendsNorChangesTheTotal";

    static final String EVENTUAL_EXACT = "eventualKeepsBalancesExact";
    static final String STRONG_EXACT = "strongKeepsBalancesExactWithReadThenWrite";
    static final String STRONG_CAS_EXACT = "strongWithCompareAndSetKeepsBalancesExact";
    static final String STRONG_ATOMIC_EXACT = "strongWithAServerSideTransferKeepsBalancesExact";
    static final String SESSION_EXACT = "sessionKeepsBalancesExact";
    static final String SESSION_TOKEN_EXACT = "sessionWithVersionTokensKeepsBalancesExact";
    static final String CAUSAL_EXACT = "causalKeepsBalancesExact";
    static final String ESCROW_EXACT = "escrowKeepsBalancesExactAtEveryLevel";

    private LedgerClaims() {}

    static List<Claim> all() {
        return List.of(
                Claim.everySeed(
                        CAS_NEVER_DOUBLE_SPENDS,
                        "On linearizable-cas-retry no two acknowledged debits of an account were computed from the same"
                                + " balance, and the audit found no money created nor destroyed beyond the transfers"
                                + " left in doubt.",
                        (seed, runs) -> exact(runs.get(LINEARIZABLE_CAS))),
                Claim.everySeed(
                        LINEARIZABLE_READS_FRESH,
                        "No read on the linearizable store returned a balance that an acknowledged write had already"
                                + " replaced when the read began.",
                        (seed, runs) -> noneOf(
                                runs,
                                STALE_READS,
                                LINEARIZABLE_READ_THEN_WRITE,
                                LINEARIZABLE_CAS,
                                LINEARIZABLE_TXN,
                                LINEARIZABLE_ATOMIC)),
                Claim.everySeed(
                        ATOMIC_EXACT,
                        "On linearizable-atomic (one server-side transaction per transfer: if the payer holds the"
                                + " amount, the state machine moves it) no two acknowledged debits of an account were"
                                + " computed from the same balance, no balance read or audited was negative, the"
                                + " audited total is exactly the start (no allowance for transfers in doubt), and on"
                                + " seeds without a transfer in doubt the Jepsen-bank and Elle-style checkers find"
                                + " nothing.",
                        (seed, runs) -> wholeOrNothingExact(runs.get(LINEARIZABLE_ATOMIC))),
                Claim.everySeed(
                        TXN_EXACT,
                        "On linearizable-txn-retry (read both balances, then one transaction conditioned on both"
                                + " reads) the same holds: no double spend, no negative balance, the audited total"
                                + " exactly the start, and nothing for the other two checkers.",
                        (seed, runs) -> wholeOrNothingExact(runs.get(LINEARIZABLE_TXN))),
                Claim.someSeed(
                        READ_THEN_WRITE_DOUBLE_SPENDS,
                        "On some seed, linearizable-read-then-write acknowledged two debits computed from the same"
                                + " balance: linearizable reads and writes do not make a read followed by a write atomic.",
                        (seed, runs) -> some(runs.get(LINEARIZABLE_READ_THEN_WRITE), DOUBLE_SPENDS)),
                Claim.someSeed(
                        EVENTUAL_BREAKS_TOTAL,
                        "On some seed, the audit of eventual-read-then-write found a total other than the start.",
                        (seed, runs) -> some(runs.get(EVENTUAL_READ_THEN_WRITE), MONEY_NOT_CONSERVED)),
                Claim.everySeed(
                        BANK_CHECKER_AGREES,
                        "A second checker that knows nothing of tags (Jepsen's bank invariants, sdlab.check.ledger) finds"
                                + " no violation on linearizable-cas-retry when no transfer is in doubt, and finds one on"
                                + " linearizable-read-then-write whenever the ledger checker finds money created or"
                                + " destroyed there.",
                        (seed, runs) -> bankCheckerAgrees(runs)),
                Claim.everySeed(
                        ELLE_AGREES,
                        "Recast as rw-register transactions (each conditional write one transaction), the acknowledged"
                                + " transfers of linearizable-cas-retry show the Elle-style checker no anomaly, on every"
                                + " seed without a transfer in doubt.",
                        (seed, runs) -> noneOf(runs, ELLE_ANOMALIES, LINEARIZABLE_CAS)),
                Claim.everySeed(
                        EVERY_RUN_AUDITED,
                        "Every run's last audit began after its last transfer ended, so the totals above are final.",
                        (seed, runs) -> noneOf(runs, NOT_AUDITED, runs.keySet().toArray(String[]::new))),
                Claim.hypothesis(
                        EVENTUAL_EXACT,
                        "eventual-read-then-write: no double spend, no negative balance, no money created or destroyed"
                                + " beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(EVENTUAL_READ_THEN_WRITE))),
                Claim.hypothesis(
                        STRONG_EXACT,
                        "linearizable-read-then-write: no double spend, no negative balance, no money created or"
                                + " destroyed beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(LINEARIZABLE_READ_THEN_WRITE))),
                Claim.hypothesis(
                        STRONG_CAS_EXACT,
                        "linearizable-cas-retry: no double spend, no negative balance, no money created or destroyed"
                                + " beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(LINEARIZABLE_CAS))),
                Claim.hypothesis(
                        STRONG_ATOMIC_EXACT,
                        "linearizable-atomic: no double spend, no negative balance, no money created or destroyed"
                                + " beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(LINEARIZABLE_ATOMIC))),
                Claim.hypothesis(
                        SESSION_EXACT,
                        "session-read-then-write: no double spend, no negative balance, no money created or destroyed"
                                + " beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(SESSION_READ_THEN_WRITE))),
                Claim.hypothesis(
                        CAUSAL_EXACT,
                        "causal-read-then-write: no double spend, no negative balance, no money created or destroyed"
                                + " beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(CAUSAL_READ_THEN_WRITE))),
                Claim.hypothesis(
                        SESSION_TOKEN_EXACT,
                        "session-token-read-then-write: no double spend, no negative balance, no money created or"
                                + " destroyed beyond the transfers in doubt.",
                        (seed, runs) -> exact(runs.get(SESSION_TOKEN_READ_THEN_WRITE))),
                Claim.hypothesis(
                        ESCROW_EXACT,
                        "Escrow on every level (linearizable, causal, session, session with version tokens, eventual):"
                                + " no double spend, no negative balance,"
                                + " and the audited total is exactly the start (no allowance for transfers in doubt:"
                                + " a client's next write of its own key repeats its running total).",
                        (seed, runs) -> escrowExact(runs)));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. eventual",
                        EVENTUAL_READ_THEN_WRITE,
                        List.of(EVENTUAL_EXACT),
                        "Replicas accept writes independently and last-writer-wins drops the loser of each race:"
                                + " debits and credits vanish, and the total drifts."),
                new Question.Option(
                        "B. causal",
                        CAUSAL_READ_THEN_WRITE,
                        List.of(CAUSAL_EXACT),
                        "A causal store never shows a debit before the balance it was computed from, but two clients"
                                + " may read the same balance concurrently and both write over it: concurrent writes,"
                                + " which last-writer-wins resolves by dropping one."),
                new Question.Option(
                        "C. strong (linearizable), with transfers written as compare-and-set or moved by the server",
                        LINEARIZABLE_CAS,
                        List.of(STRONG_CAS_EXACT, STRONG_ATOMIC_EXACT),
                        "Linearizable reads and writes plus a conditional write (or escrow budgets), or one"
                                + " server-side transaction that checks the payer's balance and moves the money in one"
                                + " log entry: a debit applies only to the balance it was computed from."
                                + " Linearizability alone, with read-then-write, is not enough: see " + STRONG_EXACT
                                + "."),
                new Question.Option(
                        "D. session",
                        SESSION_READ_THEN_WRITE,
                        List.of(SESSION_EXACT, SESSION_TOKEN_EXACT),
                        "A sticky session, or a version token that makes any replica wait for the client's own"
                                + " writes, orders one client's operations; two clients still race for the same"
                                + " balance."));
    }

    /** Empty when the run kept every balance exact, else what went wrong. */
    private static Optional<String> exact(SeedRun run) {
        long doubleSpends = run.counter(DOUBLE_SPENDS);
        long negative = run.counter(NEGATIVE_BALANCES);
        long unexplained = run.counter(MONEY_UNEXPLAINED);
        if (doubleSpends == 0 && negative == 0 && unexplained == 0) {
            return Optional.empty();
        }
        return Optional.of(doubleSpends + " double spends, " + negative + " negative balances, created "
                + run.counter(MONEY_CREATED) + ", destroyed " + run.counter(MONEY_DESTROYED) + " ("
                + unexplained + " unexplained by transfers in doubt)" + firstFinding(run));
    }

    /**
     * Empty when a run whose transfers apply whole or not at all kept every balance exact: {@link
     * #exact} with no money changed at all, and no finding of the other checkers on a seed they
     * can judge (no transfer in doubt).
     */
    private static Optional<String> wholeOrNothingExact(SeedRun run) {
        Optional<String> problem = exact(run);
        if (problem.isEmpty() && run.counter(MONEY_NOT_CONSERVED) > 0) {
            problem = Optional.of("the audited total is not the start" + firstFinding(run));
        }
        if (problem.isEmpty() && run.counter(TRANSFERS_IN_DOUBT) == 0 && run.counter(BANK_VIOLATIONS) > 0) {
            problem = Optional.of(run.counter(BANK_VIOLATIONS) + " bank violations" + firstFinding(run));
        }
        if (problem.isEmpty() && run.counter(ELLE_CHECKED) > 0 && run.counter(ELLE_ANOMALIES) > 0) {
            problem = Optional.of(run.counter(ELLE_ANOMALIES) + " Elle anomalies" + firstFinding(run));
        }
        return problem;
    }

    private static Optional<String> bankCheckerAgrees(Map<String, SeedRun> runs) {
        SeedRun cas = runs.get(LINEARIZABLE_CAS);
        if (cas.counter(TRANSFERS_IN_DOUBT) == 0 && cas.counter(BANK_VIOLATIONS) > 0) {
            return Optional.of(
                    LINEARIZABLE_CAS + ": " + cas.counter(BANK_VIOLATIONS) + " bank violations" + firstFinding(cas));
        }
        SeedRun readThenWrite = runs.get(LINEARIZABLE_READ_THEN_WRITE);
        if (readThenWrite.counter(MONEY_NOT_CONSERVED) > 0 && readThenWrite.counter(BANK_VIOLATIONS) == 0) {
            return Optional.of(LINEARIZABLE_READ_THEN_WRITE + ": the audit's total changed, yet no bank violation");
        }
        return Optional.empty();
    }

    private static Optional<String> escrowExact(Map<String, SeedRun> runs) {
        for (String variant :
                List.of(LINEARIZABLE_ESCROW, CAUSAL_ESCROW, SESSION_ESCROW, SESSION_TOKEN_ESCROW, EVENTUAL_ESCROW)) {
            SeedRun run = runs.get(variant);
            Optional<String> problem = exact(run);
            if (problem.isEmpty() && run.counter(MONEY_NOT_CONSERVED) > 0) {
                problem = Optional.of("the audited total is not the start" + firstFinding(run));
            }
            if (problem.isPresent()) {
                return Optional.of(variant + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> noneOf(Map<String, SeedRun> runs, String counter, String... variants) {
        for (String variant : variants) {
            long count = runs.get(variant).counter(counter);
            if (count > 0) {
                return Optional.of(variant + ": " + counter + " " + count + firstFinding(runs.get(variant)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> some(SeedRun run, String counter) {
        return run.counter(counter) > 0 ? Optional.empty() : Optional.of(counter + " 0 on this seed");
    }

    private static String firstFinding(SeedRun run) {
        return run.findings().isEmpty() ? "" : "; " + run.findings().get(0);
    }
}
