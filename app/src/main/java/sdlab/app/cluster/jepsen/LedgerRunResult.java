package sdlab.app.cluster.jepsen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sdlab.check.ledger.LedgerReport;
import sdlab.ledger.LedgerConfig;
import sdlab.ledger.LedgerVerdict;

/**
 * What a ledger run against a real cluster found: the verdicts of chapter 1's two checkers on its
 * history, and what the nemesis did.
 *
 * @param description the store, as its cluster describes it
 * @param settings the run
 * @param verdict the ledger checker's verdict (tags: double spends, stale reads, the audited total)
 * @param bank the Jepsen-bank checker's verdict on the same history, without the tags
 * @param nemesisEvents what the nemesis did, one line each
 * @param historyFile where the history was written
 */
public record LedgerRunResult(
        String description,
        LedgerRunSettings settings,
        LedgerVerdict verdict,
        LedgerReport bank,
        List<String> nemesisEvents,
        Path historyFile) {

    /** The start total of every account. */
    public long totalBefore() {
        LedgerConfig config = settings.config();
        return config.accounts() * config.initialBalance();
    }

    /** The audited total. Meaningful only when the run was audited. */
    public long totalAfter() {
        return totalBefore() + verdict.moneyChange();
    }

    public int bankViolations() {
        return bank.violations().values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * What makes the ledger wrong, by name: a double spend, a total that changed (whatever the
     * transfers in doubt might explain: a ledger must be exact), a negative balance, a read of a
     * balance already replaced, a bank-checker violation. Empty when the checks passed.
     */
    public List<String> violations() {
        List<String> found = new ArrayList<>();
        if (verdict.doubleSpends() > 0) {
            found.add(verdict.doubleSpends() + " double spends");
        }
        if (verdict.audited() && verdict.moneyChange() != 0) {
            found.add("the total changed by " + verdict.moneyChange());
        }
        if (verdict.negativeBalances() > 0) {
            found.add(verdict.negativeBalances() + " negative balances");
        }
        if (verdict.staleReads() > 0) {
            found.add(verdict.staleReads() + " stale reads");
        }
        if (bankViolations() > 0) {
            found.add(bankViolations() + " bank-checker violations");
        }
        return List.copyOf(found);
    }

    /** 1 when the checks found a violation; else 2 when no audit read every balance (the total is unknown); else 0. */
    public int exitCode() {
        if (!violations().isEmpty()) {
            return 1;
        }
        return verdict.audited() ? 0 : 2;
    }

    /** The acknowledged transfers' latency at quantile {@code q} (nearest rank), in milliseconds; 0 with none. */
    public double latencyMs(double q) {
        List<Long> sorted = verdict.latenciesNanos().stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** The messages the clients sent to the store per acknowledged transfer. */
    public double messagesPerTransfer() {
        return verdict.transfersOk() == 0 ? 0 : (double) verdict.messagesOfTransfersOk() / verdict.transfersOk();
    }
}
