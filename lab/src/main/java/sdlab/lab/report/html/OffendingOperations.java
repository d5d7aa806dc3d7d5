package sdlab.lab.report.html;

import java.util.List;
import java.util.Map;

/** The operations a checker flagged, as a table: each named as the trace names it, with what it did and why. */
final class OffendingOperations {
    private OffendingOperations() {}

    static void table(
            StringBuilder out,
            List<OperationSpan> flagged,
            TraceOperations names,
            Map<Integer, String> clients,
            Map<Integer, String> reasons) {
        out.append("<table class=\"offending\"><thead><tr><th>operation</th><th>client</th><th>key</th>")
                .append("<th>what it did</th><th>invoked</th><th>completed</th><th>why it was flagged</th>")
                .append("</tr></thead><tbody>");
        for (OperationSpan span : flagged) {
            int process = span.invoke().process();
            out.append("<tr><td class=\"name\">&#9873; ")
                    .append(Html.escape(names.name(span.id())))
                    .append("</td><td>")
                    .append(Html.escape(clients.getOrDefault(process, "p" + process)))
                    .append("</td><td>")
                    .append(Html.escape(
                            span.invoke().key() == null ? "" : span.invoke().key()))
                    .append("</td><td><code>")
                    .append(Html.escape(span.summary()))
                    .append("</code></td><td class=\"num\">")
                    .append(Html.millis(span.startNanos()))
                    .append("</td><td class=\"num\">")
                    .append(
                            span.completion() == null
                                    ? "never"
                                    : Html.millis(span.completion().timeNanos()))
                    .append("</td><td>")
                    .append(Html.escape(reasons.get(span.id())))
                    .append("</td></tr>");
        }
        out.append("</tbody></table>");
    }
}
