package sdlab.chapters.ledger;

import static sdlab.chapters.ledger.LedgerMeasurements.BANK_VIOLATIONS;
import static sdlab.chapters.ledger.LedgerMeasurements.DOUBLE_SPENDS;
import static sdlab.chapters.ledger.LedgerMeasurements.ELLE_ANOMALIES;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_CREATED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_DESTROYED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_NOT_CONSERVED;
import static sdlab.chapters.ledger.LedgerMeasurements.MONEY_UNEXPLAINED;
import static sdlab.chapters.ledger.LedgerMeasurements.NEGATIVE_BALANCES;
import static sdlab.chapters.ledger.LedgerMeasurements.STALE_READS;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFERS;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFERS_ANSWERED;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFERS_DECLINED;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFERS_IN_DOUBT;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFERS_OK;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFER_LATENCY;
import static sdlab.chapters.ledger.LedgerMeasurements.TRANSFER_MESSAGES;

import java.util.List;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ExperimentIdentity;
import sdlab.lab.MetricSpec;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.ledger.LedgerConfig;

/** Chapter 1: which consistency model keeps a payment ledger's balances exact under concurrent transfers. */
public final class LedgerExperiment implements Experiment {
    private static final ExperimentIdentity IDENTITY = new ExperimentIdentity(
            "ledger",
            1,
            "Consistency models for a payment ledger",
            "Four clients move money between three accounts under partitions and crashes. A linearizable Raft store,"
                    + " a causal store (COPS-style) used locally and with version tokens on any replica,"
                    + " a sticky-session and an eventual quorum store (R = W = 1, last writer wins), each with transfers"
                    + " written as read-then-write, compare-and-set with retry, a transaction built on the client and"
                    + " one server-side atomic transfer (where the store has them) and escrow budgets: double spends, money created or destroyed, negative balances, stale reads,"
                    + " availability, latency and messages per transfer.");

    private static final String QUESTION = "Which consistency model is required to guarantee balance accuracy after"
            + " concurrent transfers? A. eventual, B. causal, C. strong (linearizable), D. session";

    private final LedgerConfig.StoreBug bug;

    /** The chapter as users run it. */
    public LedgerExperiment() {
        this(LedgerConfig.StoreBug.NONE);
    }

    /** The chapter with a bug planted in every store, for tests that show a claim can fail. */
    LedgerExperiment(LedgerConfig.StoreBug bug) {
        this.bug = bug;
    }

    @Override
    public ExperimentIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Param<?>> params() {
        return LedgerParams.ALL;
    }

    @Override
    public List<Variant> variants(ParamValues values) {
        return LedgerVariant.all().stream().map(LedgerVariant::toVariant).toList();
    }

    @Override
    public boolean takesForks() {
        return true;
    }

    @Override
    public SeedRun run(Variant variant, ParamValues values, long seed, RunOptions options) {
        LedgerVariant chosen = LedgerVariant.named(variant.name());
        LedgerConfig config = LedgerScenario.config(chosen, values, bug);
        return LedgerMeasurements.measure(LedgerScenario.run(chosen, config, values, seed, options), config, options);
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(
                MetricSpec.meanPerSeed(
                        "doubleSpends",
                        "acknowledged debits computed from an already spent balance, per seed",
                        DOUBLE_SPENDS),
                MetricSpec.seedsWith(
                        "seedsNotConserving",
                        "seeds whose audited total is not the starting total",
                        MONEY_NOT_CONSERVED),
                MetricSpec.meanPerSeed(
                        "moneyCreated", "money the audit found beyond the start, per seed", MONEY_CREATED),
                MetricSpec.meanPerSeed("moneyDestroyed", "money the audit found missing, per seed", MONEY_DESTROYED),
                MetricSpec.meanPerSeed(
                        "moneyUnexplained",
                        "created, or destroyed beyond the amounts of transfers in doubt, per seed",
                        MONEY_UNEXPLAINED),
                MetricSpec.meanPerSeed(
                        "negativeBalances", "balances read or audited below zero, per seed", NEGATIVE_BALANCES),
                MetricSpec.meanPerSeed(
                        "staleReads", "balance reads of a balance already replaced, per seed", STALE_READS),
                MetricSpec.ratio(
                        "availability",
                        "share of transfers answered (done, or declined for want of funds)",
                        TRANSFERS_ANSWERED,
                        TRANSFERS),
                MetricSpec.meanPerSeed(
                        "transfersInDoubt",
                        "transfers whose outcome the client never learned, per seed",
                        TRANSFERS_IN_DOUBT),
                MetricSpec.meanPerSeed(
                        "transfersDeclined",
                        "transfers refused for want of funds (escrow: of the client's own share), per seed",
                        TRANSFERS_DECLINED),
                MetricSpec.meanPerSeed(
                        "bankCheckerViolations",
                        "violations the Jepsen-bank checker (sdlab.check.ledger) found in the same history, per seed",
                        BANK_VIOLATIONS),
                MetricSpec.meanPerSeed(
                        "elleAnomalies",
                        "anomalies the Elle-style checker (sdlab.check.txn, rw-register) found in the transfers recast as"
                                + " transactions, per seed (seeds without transfers in doubt; not for escrow)",
                        ELLE_ANOMALIES),
                MetricSpec.ratio(
                        "messagesPerTransfer",
                        "messages a client sent to the store per acknowledged transfer (requests, retries, redirects)",
                        TRANSFER_MESSAGES,
                        TRANSFERS_OK),
                MetricSpec.percentileMs("transferLatencyMsP50", "median acknowledged transfer", TRANSFER_LATENCY, 50),
                MetricSpec.percentileMs(
                        "transferLatencyMsP99", "99th percentile acknowledged transfer", TRANSFER_LATENCY, 99));
    }

    @Override
    public List<Claim> claims(ParamValues values, List<Variant> variants) {
        return LedgerClaims.all();
    }

    @Override
    public Optional<Question> question(ParamValues values, List<Variant> variants) {
        return Optional.of(new Question(QUESTION, LedgerClaims.options()));
    }
}
