package sdlab.core.history;

import java.util.Locale;

/** Jepsen's four kinds of history entry. */
public enum OpType {
    /** An operation began. */
    INVOKE,
    /** It took effect, with the value it returned. */
    OK,
    /** It certainly did not take effect. */
    FAIL,
    /** Unknown: it may take effect at any time after its invocation, or never. */
    INFO;

    /** The lower-case name used in JSON and EDN histories. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code invoke}, {@code ok}, {@code fail} or {@code info} (also with a leading colon). */
    public static OpType parse(String text) {
        String name = text.startsWith(":") ? text.substring(1) : text;
        return switch (name) {
            case "invoke" -> INVOKE;
            case "ok" -> OK;
            case "fail" -> FAIL;
            case "info" -> INFO;
            default ->
                throw new IllegalArgumentException(
                        "unknown operation type '" + text + "': expected invoke, ok, fail or info");
        };
    }
}
