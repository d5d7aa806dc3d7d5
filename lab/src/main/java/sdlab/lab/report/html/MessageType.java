package sdlab.lab.report.html;

/**
 * The type of a message as its trace line writes it: the record name before its fields ({@code ReplicaRead} in {@code
 * ReplicaRead[op=..., key=k0]}). Arrows carry the type so that a diagram reads without hovering; the fields stay in
 * the hover text, where they do not cover other arrows.
 */
public final class MessageType {
    /** Longer names are cut, so that a label stays within about one lane. */
    static final int LENGTH_MAX = 16;

    private MessageType() {}

    public static String of(String detail) {
        int end = 0;
        while (end < detail.length() && (Character.isLetterOrDigit(detail.charAt(end)) || detail.charAt(end) == '_')) {
            end++;
        }
        String type = detail.substring(0, end);
        return type.length() <= LENGTH_MAX ? type : type.substring(0, LENGTH_MAX - 1) + "…";
    }
}
