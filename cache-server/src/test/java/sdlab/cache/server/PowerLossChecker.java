package sdlab.cache.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges what a node kept across a power cut against what it acknowledged: a pure function of
 * a {@link PowerLossHistory} and the values read after the restart.
 *
 * <ul>
 *   <li>A write acknowledged before the cut may be lost only if it was acknowledged less than
 *       {@code lossWindowMsMax} before it: 0 for {@code appendfsync always}, about a second for
 *       {@code everysec}, unbounded for {@code no}.
 *   <li>Writes acknowledged after the cut (a real power cut never lets those replies out) and
 *       writes in flight may be kept or lost.
 *   <li>The append-only file is a log: what survives of each client is a prefix of its writes,
 *       with the values it wrote.
 * </ul>
 */
final class PowerLossChecker {
    /** How many lost writes the explanation names. */
    private static final int LOST_NAMED_MAX = 10;

    private PowerLossChecker() {}

    /** A write acknowledged before the cut and not found after it. */
    record LostWrite(String key, double msBeforeCut) {}

    /**
     * @param valid whether the node kept its promise
     * @param acknowledgedBeforeCut writes whose reply arrived before the cut
     * @param lost those of them not found after the restart
     * @param explanation one paragraph: what was lost and what broke the promise
     */
    record Verdict(boolean valid, int acknowledgedBeforeCut, List<LostWrite> lost, String explanation) {}

    static Verdict check(PowerLossHistory history, Map<String, String> survivors, long lossWindowMsMax) {
        List<String> violations = new ArrayList<>();
        List<LostWrite> lost = new ArrayList<>();
        int acknowledgedBeforeCut = 0;
        for (PowerLossHistory.ClientWrites client : history.clients()) {
            int beforeCut = acknowledgedBefore(client, history.powerCutNanos());
            acknowledgedBeforeCut += beforeCut;
            checkLog(client, survivors, violations);
            for (int i = 0; i < beforeCut; i++) {
                if (!survivors.containsKey(client.key(i))) {
                    double ms = (history.powerCutNanos() - client.ackNanos().get(i)) / 1e6;
                    lost.add(new LostWrite(client.key(i), ms));
                }
            }
        }
        List<LostWrite> tooOld = lost.stream()
                .filter(write -> write.msBeforeCut() > lossWindowMsMax)
                .toList();
        if (!tooOld.isEmpty()) {
            violations.add(tooOld.size() + " acknowledged writes lost that were acknowledged more than "
                    + lossWindowMsMax + " ms before the cut: "
                    + named(tooOld));
        }
        String counts = lost.size() + " of " + acknowledgedBeforeCut + " writes acknowledged before the power cut lost"
                + (lost.isEmpty() ? "" : ", the oldest acknowledged " + Math.round(oldestMs(lost)) + " ms before it");
        return violations.isEmpty()
                ? new Verdict(true, acknowledgedBeforeCut, lost, "valid: " + counts)
                : new Verdict(
                        false,
                        acknowledgedBeforeCut,
                        lost,
                        "invalid: " + counts + "; " + String.join("; ", violations));
    }

    /** Replies arrive in order, so the writes acknowledged before the cut are a prefix. */
    private static int acknowledgedBefore(PowerLossHistory.ClientWrites client, long cutNanos) {
        int count = 0;
        while (count < client.ackNanos().size() && client.ackNanos().get(count) < cutNanos) {
            count++;
        }
        return count;
    }

    /** What survives of one client is a prefix of its writes, each with the value written. */
    private static void checkLog(
            PowerLossHistory.ClientWrites client, Map<String, String> survivors, List<String> violations) {
        int firstMissing = -1;
        for (int i = 0; i < client.sent(); i++) {
            String value = survivors.get(client.key(i));
            if (value == null) {
                firstMissing = firstMissing < 0 ? i : firstMissing;
            } else if (!value.equals(PowerLossHistory.ClientWrites.value(i))) {
                violations.add(client.key(i) + " holds '" + value + "', which was never written to it");
            } else if (firstMissing >= 0) {
                violations.add(client.key(i) + " survived but " + client.key(firstMissing)
                        + ", written before it, did not: the log lost a write from its middle");
                return;
            }
        }
    }

    private static double oldestMs(List<LostWrite> writes) {
        return writes.stream().mapToDouble(LostWrite::msBeforeCut).max().orElse(0);
    }

    private static String named(List<LostWrite> writes) {
        List<String> names = writes.stream()
                .limit(LOST_NAMED_MAX)
                .map(w -> w.key() + " acknowledged " + Math.round(w.msBeforeCut()) + " ms before the cut")
                .toList();
        return String.join(", ", names) + (writes.size() > LOST_NAMED_MAX ? ", ..." : "");
    }
}
