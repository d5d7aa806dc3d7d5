package sdlab.check.report;

import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.linear.PartitionResult;

/**
 * A self-contained HTML page for one checked history: the verdict and its explanation, the
 * history as per-process timelines with the violation highlighted, and the linearization (or
 * longest linearizable prefix) of each partition. No scripts, fonts or other files: the page
 * opens anywhere, offline.
 */
public final class HtmlReport {
    private static final String STYLE =
            """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1d2433; }
            h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
            .VALID { color: #1b7a3a; } .INVALID { color: #b3261e; } .UNKNOWN { color: #8a5a00; }
            pre { background: #f5f6f8; padding: 12px; white-space: pre-wrap; }
            .scroll { overflow-x: auto; border: 1px solid #dde1e6; }
            .timeline text { font: 11px monospace; pointer-events: none; }
            .timeline .process { font: 12px system-ui, sans-serif; fill: #4a5568; }
            .lane { stroke: #e5e8ec; }
            .op rect { stroke: #4a5568; stroke-width: 1; }
            .placed rect { fill: #cfe8d5; } .unplaced rect { fill: #f6b8b2; stroke: #b3261e; stroke-width: 2; }
            .unreached rect { fill: #eceff3; } .ignored rect { fill: #ffffff; stroke-dasharray: 2 2; }
            .unknown rect { stroke-dasharray: 5 3; } .fail text { text-decoration: line-through; }
            .legend span { display: inline-block; padding: 1px 8px; margin-right: 8px; border: 1px solid #4a5568; }
            table { border-collapse: collapse; } td, th { padding: 2px 10px; text-align: left; font-family: monospace; }
            tr.unplaced td { background: #f6b8b2; }
            """;

    private HtmlReport() {}

    /** The page for {@code outcome}. */
    public static String render(CheckOutcome outcome) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        page.append("<title>sdlab check: ").append(Html.escape(outcome.name())).append("</title>");
        page.append("<style>").append(STYLE).append("</style></head><body>\n");
        String verdict = outcome.isBadInput() ? "BAD INPUT" : outcome.verdict().name();
        page.append("<h1>")
                .append(Html.escape(outcome.name()))
                .append(": <span class=\"")
                .append(outcome.verdict().name())
                .append("\">")
                .append(verdict)
                .append("</span> (")
                .append(Html.escape(outcome.model()))
                .append(")</h1>\n");
        page.append("<pre>").append(Html.escape(TextReport.explain(outcome))).append("</pre>\n");
        if (!outcome.isBadInput()) {
            timeline(page, outcome);
            orders(page, outcome);
        }
        return page.append("</body></html>\n").toString();
    }

    private static void timeline(StringBuilder page, CheckOutcome outcome) {
        page.append("<h2>History</h2>\n<p class=\"legend\">")
                .append("<span style=\"background:#cfe8d5\">linearized (#order)</span>")
                .append("<span style=\"background:#f6b8b2\">could not be placed</span>")
                .append("<span style=\"background:#eceff3\">after the violation</span>")
                .append("<span style=\"border-style:dashed\">unknown outcome</span>")
                .append("<span style=\"text-decoration:line-through\">failed</span>")
                .append(" Hover over an operation for details; x is the position in the history.</p>\n");
        page.append("<div class=\"scroll\">")
                .append(SvgTimeline.render(outcome.ops(), new OpRoles(outcome.result(), outcome.ops())))
                .append("</div>\n");
    }

    private static void orders(StringBuilder page, CheckOutcome outcome) {
        for (PartitionResult p : outcome.result().partitions()) {
            if (p.verdict() == Verdict.VALID && outcome.result().partitions().size() > 1) {
                continue; // with many keys, list only the ones that need attention
            }
            String what = p.verdict() == Verdict.VALID ? "witness order" : "longest linearizable prefix";
            page.append("<h2>")
                    .append(Html.escape(OpText.key(p.key())))
                    .append(": <span class=\"")
                    .append(p.verdict().name())
                    .append("\">")
                    .append(p.verdict().name())
                    .append("</span>, ")
                    .append(what)
                    .append("</h2>\n<table><tr><th>#</th><th>op</th><th>process</th><th>call</th></tr>\n");
            rows(page, p.linearization(), outcome.ops(), false);
            rows(page, p.unplaced(), outcome.ops(), true);
            page.append("</table>\n<p>State after it: <code>")
                    .append(Html.escape(p.stateAfter()))
                    .append("</code></p>\n");
        }
    }

    private static void rows(StringBuilder page, List<Integer> ids, List<Operation> ops, boolean unplaced) {
        for (int i = 0; i < ids.size(); i++) {
            Operation op = ops.get(ids.get(i));
            page.append(unplaced ? "<tr class=\"unplaced\"><td>-</td>" : "<tr><td>" + (i + 1) + "</td>")
                    .append("<td>")
                    .append(op.id())
                    .append("</td><td>")
                    .append(op.process())
                    .append("</td><td>")
                    .append(Html.escape(OpText.call(op)))
                    .append(unplaced ? " (could not be placed)" : "")
                    .append("</td></tr>\n");
        }
    }
}
