package sdlab.app.cluster;

import sdlab.check.causal.CausalReport;
import sdlab.check.causal.CausalViolation;

/** The causal checker's report as {@code cluster test} prints it: the verdict, the counts, and each example read. */
final class CausalText {
    private CausalText() {}

    static String explain(CausalReport report) {
        StringBuilder text = new StringBuilder("causal consistency (sdlab.check.causal): ");
        switch (report.verdict()) {
            case VALID ->
                text.append("valid: %d reads judged, none returned a value overwritten in its causal past"
                        .formatted(report.readsChecked()));
            case INVALID ->
                text.append("INVALID: %d of %d reads judged broke causality"
                        .formatted(report.violations(), report.readsChecked()));
            case UNKNOWN -> text.append("unknown");
        }
        for (CausalViolation violation : report.examples()) {
            text.append("\n  ").append(example(violation));
        }
        return text.toString();
    }

    private static String example(CausalViolation v) {
        return switch (v.kind()) {
            case OVERWRITTEN_IN_CAUSAL_PAST ->
                "process %d read %s of key %s (op %d), which the write of %s (op %d) in its causal past had overwritten"
                        .formatted(v.process(), shown(v.valueRead()), v.key(), v.readId(), v.causeValue(), v.causeId());
            case CAUSAL_CYCLE ->
                "process %d read %s of key %s (op %d) from its own causal future"
                        .formatted(v.process(), shown(v.valueRead()), v.key(), v.readId());
            case VALUE_NEVER_WRITTEN ->
                "process %d read %s of key %s (op %d), a value no write wrote"
                        .formatted(v.process(), shown(v.valueRead()), v.key(), v.readId());
        };
    }

    /** A read of a key never written returns nil, as the clients print it. */
    private static String shown(Object value) {
        return value == null ? "nil" : value.toString();
    }
}
