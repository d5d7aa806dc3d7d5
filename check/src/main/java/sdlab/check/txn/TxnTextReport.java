package sdlab.check.txn;

import java.util.HashMap;
import java.util.Map;

/** The terminal form of a transactional check: one line per input, or the anomalies explained. */
public final class TxnTextReport {
    /** Anomalies of one kind explained in full; the rest are counted. */
    static final int SHOWN_PER_KIND_MAX = 3;

    private TxnTextReport() {}

    /** One line: {@code name: VERDICT (model) - summary}, with the models ruled out. */
    public static String line(TxnOutcome outcome) {
        return line(outcome, true);
    }

    private static String line(TxnOutcome outcome, boolean withModels) {
        String head = outcome.name() + ": "
                + (outcome.isBadInput() ? "BAD INPUT" : outcome.verdict().name()) + " ("
                + outcome.model().cliName() + ") - ";
        if (outcome.isBadInput()) {
            return head + outcome.badInput();
        }
        if (outcome.result() == null) {
            return head + "gave up: " + outcome.unknownReason();
        }
        TxnResult r = outcome.result();
        if (r.anomalies().isEmpty()) {
            return head + r.transactions() + " transactions, " + r.edges() + " dependency edges, no anomaly";
        }
        String found = head + r.transactions() + " transactions, anomalies " + r.counts();
        return withModels ? found + "; rules out " + String.join(", ", r.ruledOut()) : found;
    }

    /** The line, then each anomaly explained (a few per kind) and the models ruled out. */
    public static String explain(TxnOutcome outcome) {
        StringBuilder text = new StringBuilder(line(outcome, false)).append('\n');
        TxnResult r = outcome.result();
        if (r == null || r.anomalies().isEmpty()) {
            if (r != null) {
                text.append("No anomaly: consistent with every model below, as far as the history's reads show:\n  ")
                        .append(String.join(", ", ConsistencyModels.all()))
                        .append('\n');
            }
            return text.toString();
        }
        Map<String, Integer> shown = new HashMap<>();
        for (Anomaly a : r.anomalies()) {
            if (shown.merge(a.kind(), 1, Integer::sum) <= SHOWN_PER_KIND_MAX) {
                text.append('\n').append(a.kind().equals(firstWord(a.explanation())) ? "" : a.kind() + ": ");
                text.append(a.explanation()).append('\n');
            }
        }
        r.counts().forEach((kind, count) -> {
            if (count > SHOWN_PER_KIND_MAX) {
                text.append("\n... and ")
                        .append(count - SHOWN_PER_KIND_MAX)
                        .append(" more ")
                        .append(kind)
                        .append('\n');
            }
        });
        text.append("\nRuled out: ").append(String.join(", ", r.ruledOut())).append('\n');
        text.append("Not ruled out: ")
                .append(String.join(
                        ", ",
                        ConsistencyModels.all().stream()
                                .filter(m -> !r.ruledOut().contains(m))
                                .toList()))
                .append('\n');
        return text.toString();
    }

    private static String firstWord(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? "" : text.substring(0, colon);
    }
}
