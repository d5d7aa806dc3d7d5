package sdlab.app.cluster;

import java.util.List;
import sdlab.app.cluster.jepsen.LedgerRunResult;
import sdlab.check.ledger.LedgerViolation;
import sdlab.ledger.LedgerConfig;
import sdlab.ledger.LedgerVerdict;

/** A ledger run's result as the terminal shows it: the figures of chapter 1's table, for one run. */
final class LedgerRunText {
    private LedgerRunText() {}

    static String of(LedgerRunResult result) {
        LedgerVerdict verdict = result.verdict();
        LedgerConfig config = result.settings().config();
        StringBuilder text = new StringBuilder();
        text.append("ledger on %s: %s store, %s, %d clients x %d transfers between %d accounts of %d%n"
                .formatted(
                        result.description(),
                        result.settings().level().label(),
                        config.way().label(),
                        config.clients(),
                        result.settings().transfersPerClient(),
                        config.accounts(),
                        config.initialBalance()));
        text.append("nemesis: ")
                .append(
                        result.nemesisEvents().isEmpty()
                                ? "nothing"
                                : result.nemesisEvents().size() + " events")
                .append('\n');
        result.nemesisEvents().forEach(event -> text.append("  ").append(event).append('\n'));
        text.append("transfers: %d (ok %d, declined %d, failed %d, unknown %d); availability %.3f%n"
                .formatted(
                        verdict.transfers(),
                        verdict.transfersOk(),
                        verdict.transfersDeclined(),
                        verdict.transfersFailed(),
                        verdict.transfersInDoubt(),
                        verdict.availability()));
        text.append("double spends: ").append(verdict.doubleSpends()).append('\n');
        text.append(total(result));
        text.append("negative balances: ").append(verdict.negativeBalances()).append('\n');
        text.append("stale reads: ").append(verdict.staleReads()).append('\n');
        text.append(bank(result));
        text.append("messages per transfer: %.2f; transfer latency p50 %.1f ms, p99 %.1f ms%n"
                .formatted(result.messagesPerTransfer(), result.latencyMs(0.5), result.latencyMs(0.99)));
        verdict.examples().forEach(example -> text.append("  ").append(example).append('\n'));
        text.append("history: ").append(result.historyFile()).append('\n');
        List<String> violations = result.violations();
        text.append("verdict: ")
                .append(
                        !violations.isEmpty()
                                ? "violated: " + String.join(", ", violations)
                                : verdict.audited()
                                        ? "the ledger stayed exact"
                                        : "unknown: no audit read every balance after the transfers");
        return text.toString();
    }

    private static String total(LedgerRunResult result) {
        LedgerVerdict verdict = result.verdict();
        if (!verdict.audited()) {
            return "total: before %d, after unknown (no audit read every balance after the last transfer)%n"
                    .formatted(result.totalBefore());
        }
        long change = verdict.moneyChange();
        return "total: before %d, after %d; money created %d, destroyed %d (transfers in doubt could explain %d)%n"
                .formatted(
                        result.totalBefore(),
                        result.totalAfter(),
                        Math.max(0, change),
                        Math.max(0, -change),
                        verdict.moneyInDoubt());
    }

    private static String bank(LedgerRunResult result) {
        if (result.bankViolations() == 0) {
            return "bank checker: valid (%d reads checked)%n"
                    .formatted(result.bank().readsChecked());
        }
        StringBuilder text = new StringBuilder("bank checker: %d violations (%d reads checked)%n"
                .formatted(result.bankViolations(), result.bank().readsChecked()));
        for (LedgerViolation violation : result.bank().examples()) {
            text.append("  ")
                    .append(violation.kind())
                    .append(": ")
                    .append(violation.detail())
                    .append('\n');
        }
        return text.toString();
    }
}
