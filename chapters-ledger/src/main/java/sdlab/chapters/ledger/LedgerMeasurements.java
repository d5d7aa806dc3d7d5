package sdlab.chapters.ledger;

import sdlab.check.ledger.LedgerReport;
import sdlab.check.txn.TxnResult;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.ledger.LedgerChecker;
import sdlab.ledger.LedgerConfig;
import sdlab.ledger.LedgerVerdict;
import sdlab.ledger.TransferWay;
import sdlab.sim.SimResult;

/** Turns one run's history into chapter 1's counters, through the ledger checker. */
final class LedgerMeasurements {
    static final String TRANSFERS = "transfers";
    static final String TRANSFERS_OK = "transfersOk";
    static final String TRANSFERS_ANSWERED = "transfersAnswered";
    static final String TRANSFERS_IN_DOUBT = "transfersInDoubt";
    static final String TRANSFERS_DECLINED = "transfersDeclined";
    static final String DOUBLE_SPENDS = "doubleSpends";
    static final String STALE_READS = "staleReads";
    static final String NEGATIVE_BALANCES = "negativeBalances";
    static final String MONEY_NOT_CONSERVED = "moneyNotConserved";
    static final String MONEY_CREATED = "moneyCreated";
    static final String MONEY_DESTROYED = "moneyDestroyed";
    static final String MONEY_UNEXPLAINED = "moneyUnexplained";
    static final String NOT_AUDITED = "notAudited";
    static final String TRANSFER_LATENCY = "transferLatency";
    static final String TRANSFER_MESSAGES = "transferMessages";
    static final String BANK_VIOLATIONS = "bankCheckerViolations";
    static final String ELLE_ANOMALIES = "elleAnomalies";
    static final String ELLE_CHECKED = "elleChecked";

    private LedgerMeasurements() {}

    static SeedRun measure(SimResult result, LedgerConfig config, RunOptions options) {
        LedgerVerdict verdict = LedgerChecker.check(result.history(), config);
        SeedRun.Builder run = SeedRun.builder()
                .counter(TRANSFERS, verdict.transfers())
                .counter(TRANSFERS_OK, verdict.transfersOk())
                .counter(TRANSFERS_ANSWERED, verdict.transfersOk() + verdict.transfersDeclined())
                .counter(TRANSFERS_IN_DOUBT, verdict.transfersInDoubt())
                .counter(TRANSFERS_DECLINED, verdict.transfersDeclined())
                .counter(DOUBLE_SPENDS, verdict.doubleSpends())
                .counter(STALE_READS, verdict.staleReads())
                .counter(NEGATIVE_BALANCES, verdict.negativeBalances())
                .counter(MONEY_NOT_CONSERVED, verdict.audited() && !verdict.moneyConserved() ? 1 : 0)
                .counter(MONEY_CREATED, Math.max(0, verdict.moneyChange()))
                .counter(MONEY_DESTROYED, Math.max(0, -verdict.moneyChange()))
                .counter(MONEY_UNEXPLAINED, verdict.moneyUnexplained())
                .counter(NOT_AUDITED, verdict.audited() ? 0 : 1)
                .counter(TRANSFER_MESSAGES, verdict.messagesOfTransfersOk());
        // The ledger checker's findings come first: a claim's evidence quotes the first.
        verdict.examples().forEach(run::finding);
        LedgerReport bank = BankCheck.check(result.history(), config.accounts(), config.initialBalance());
        run.counter(
                BANK_VIOLATIONS,
                bank.violations().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum());
        bank.examples().forEach(violation -> run.finding("bank checker: " + violation));
        if (config.way() != TransferWay.ESCROW && verdict.transfersInDoubt() == 0) {
            TxnResult elle = ElleCheck.check(result.history(), config.way());
            run.counter(ELLE_CHECKED, 1)
                    .counter(ELLE_ANOMALIES, elle.anomalies().size());
            if (!elle.anomalies().isEmpty()) {
                run.finding("Elle-style checker: " + elle.counts() + ", ruling out " + elle.ruledOut());
            }
        }
        verdict.latenciesNanos().forEach(nanos -> run.latencyNanos(TRANSFER_LATENCY, nanos));
        run.traceHash(result.traceHash());
        if (options.recordTrace()) {
            run.trace(result.trace());
        }
        if (options.keepHistory()) {
            run.history(result.history());
        }
        return run.build();
    }
}
