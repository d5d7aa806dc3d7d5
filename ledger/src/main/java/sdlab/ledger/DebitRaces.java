package sdlab.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-based findings over acknowledged transfers' reports: double spends (two debits computed
 * from the same balance), stale reads (a balance read after an acknowledged write had replaced it)
 * and negative balances read.
 */
final class DebitRaces {
    private DebitRaces() {}

    /** Every acknowledged debit beyond the first computed from the same balance of the same account. */
    static int doubleSpends(List<Map<?, ?>> reports, List<String> examples) {
        Map<String, List<Map<?, ?>>> bySeen = new HashMap<>();
        for (Map<?, ?> report : reports) {
            if (report.get(TransferReport.FROM_SEEN) != null) {
                bySeen.computeIfAbsent(seenKey(report), k -> new ArrayList<>()).add(report);
            }
        }
        int count = 0;
        for (var entry : bySeen.entrySet()) {
            if (entry.getValue().size() > 1) {
                count += entry.getValue().size() - 1;
                examples.add(entry.getValue().size() + " acknowledged debits were all computed from balance "
                        + entry.getKey());
            }
        }
        return count;
    }

    /** Reads that returned a balance whose replacement (a write computed from it) was acknowledged before the read began. */
    static int staleReads(List<Map<?, ?>> reports, List<String> examples) {
        Map<String, Long> replacedAt = new HashMap<>();
        for (Map<?, ?> report : reports) {
            replaced(replacedAt, report, TransferReport.FROM_SEEN, TransferReport.FROM_WRITTEN_AT);
            replaced(replacedAt, report, TransferReport.TO_SEEN, TransferReport.TO_WRITTEN_AT);
        }
        int stale = 0;
        for (Map<?, ?> report : reports) {
            stale += stale(replacedAt, report, TransferReport.FROM_SEEN, TransferReport.FROM_READ_AT, examples);
            stale += stale(replacedAt, report, TransferReport.TO_SEEN, TransferReport.TO_READ_AT, examples);
        }
        return stale;
    }

    static int negativeReads(List<Map<?, ?>> reports) {
        int negative = 0;
        for (Map<?, ?> report : reports) {
            for (String field : List.of(TransferReport.FROM_SEEN_AMOUNT, TransferReport.TO_SEEN_AMOUNT)) {
                if (report.get(field) instanceof Number amount && amount.longValue() < 0) {
                    negative++;
                }
            }
        }
        return negative;
    }

    private static void replaced(Map<String, Long> replacedAt, Map<?, ?> report, String seenField, String atField) {
        if (report.get(seenField) instanceof String seen && report.get(atField) instanceof Number at) {
            // Tags are unique per write except "initial", which is per account: the key names the account's side.
            replacedAt.merge(account(report, seenField) + "/" + seen, at.longValue(), Math::min);
        }
    }

    private static int stale(
            Map<String, Long> replacedAt,
            Map<?, ?> report,
            String seenField,
            String readAtField,
            List<String> examples) {
        if (!(report.get(seenField) instanceof String seen) || !(report.get(readAtField) instanceof Number readAt)) {
            return 0;
        }
        Long replaced = replacedAt.get(account(report, seenField) + "/" + seen);
        if (replaced != null && replaced < readAt.longValue()) {
            examples.add("a read returned balance " + seen + " " + (readAt.longValue() - replaced) / 1_000_000
                    + " ms after a write that replaced it was acknowledged");
            return 1;
        }
        return 0;
    }

    private static String seenKey(Map<?, ?> report) {
        return account(report, TransferReport.FROM_SEEN) + "/" + report.get(TransferReport.FROM_SEEN);
    }

    /** The account a side of a report refers to. */
    private static Object account(Map<?, ?> report, String seenField) {
        return seenField.equals(TransferReport.FROM_SEEN)
                ? report.get(TransferReport.FROM)
                : report.get(TransferReport.TO);
    }
}
