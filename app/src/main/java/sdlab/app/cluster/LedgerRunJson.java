package sdlab.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import sdlab.app.cluster.jepsen.LedgerRunResult;
import sdlab.check.ledger.LedgerViolation;
import sdlab.ledger.LedgerVerdict;

/** A ledger run's result for scripts: the figures {@link LedgerRunText} prints, under camelCase names with units. */
final class LedgerRunJson {
    private LedgerRunJson() {}

    static String of(LedgerRunResult result) {
        LedgerVerdict verdict = result.verdict();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode()
                .put("description", result.description())
                .put("level", result.settings().level().label())
                .put("way", result.settings().config().way().label())
                .put("history", result.historyFile().toString())
                .put("transfers", verdict.transfers())
                .put("transfersOk", verdict.transfersOk())
                .put("transfersDeclined", verdict.transfersDeclined())
                .put("transfersFailed", verdict.transfersFailed())
                .put("transfersInDoubt", verdict.transfersInDoubt())
                .put("availability", verdict.availability())
                .put("doubleSpends", verdict.doubleSpends())
                .put("audited", verdict.audited())
                .put("totalBefore", result.totalBefore());
        if (verdict.audited()) {
            root.put("totalAfter", result.totalAfter());
        } else {
            root.putNull("totalAfter");
        }
        root.put("moneyCreated", Math.max(0, verdict.moneyChange()))
                .put("moneyDestroyed", Math.max(0, -verdict.moneyChange()))
                .put("moneyInDoubt", verdict.moneyInDoubt())
                .put("negativeBalances", verdict.negativeBalances())
                .put("staleReads", verdict.staleReads())
                .put("bankCheckerViolations", result.bankViolations())
                .put("messagesPerTransfer", result.messagesPerTransfer())
                .put("transferLatencyMsP50", result.latencyMs(0.5))
                .put("transferLatencyMsP99", result.latencyMs(0.99));
        ObjectNode bank = root.putObject("bankCheckerViolationsByKind");
        for (LedgerViolation.Kind kind : LedgerViolation.Kind.values()) {
            bank.put(kind.name().toLowerCase(Locale.ROOT), result.bank().count(kind));
        }
        result.violations().forEach(root.putArray("violations")::add);
        verdict.examples().forEach(root.putArray("findings")::add);
        result.nemesisEvents().forEach(root.putArray("nemesis")::add);
        return root.toPrettyString();
    }
}
