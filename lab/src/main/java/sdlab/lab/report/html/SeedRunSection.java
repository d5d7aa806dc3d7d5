package sdlab.lab.report.html;

import sdlab.core.history.OpType;
import sdlab.lab.SeedRun;

/** One variant's run of the showcased seed: its findings, its space-time diagram and its client history. */
final class SeedRunSection {
    private SeedRunSection() {}

    static void render(StringBuilder out, String id, SeedRun run) {
        if (!run.findings().isEmpty()) {
            out.append("<h3>Findings</h3><ul class=\"findings\">");
            run.findings()
                    .forEach(f -> out.append("<li>").append(Html.escape(f)).append("</li>"));
            if (run.findingsDropped() > 0) {
                out.append("<li class=\"muted\">and ")
                        .append(run.findingsDropped())
                        .append(" more</li>");
            }
            out.append("</ul>");
        }
        out.append("<h3>Space-time diagram</h3>");
        if (run.trace().isEmpty()) {
            out.append("<p class=\"muted\">This run recorded no trace.</p>");
        } else {
            if (run.trace().size() > HtmlReport.TRACE_EVENTS_MAX) {
                out.append("<p class=\"note\">Showing the first ")
                        .append(HtmlReport.TRACE_EVENTS_MAX)
                        .append(" of ")
                        .append(run.trace().size())
                        .append(" events; <code>--trace</code> prints them all.</p>");
            }
            out.append("<div class=\"scroll\">")
                    .append(SpaceTimeDiagram.svg(id, run.trace(), HtmlReport.TRACE_EVENTS_MAX))
                    .append("</div>");
        }
        run.history().ifPresent(history -> {
            out.append("<h3>Client history</h3><p class=\"muted\">One row per client process; a box spans an ")
                    .append("operation from invocation to completion: green ok, red failed, amber unknown, ")
                    .append("grey never completed.");
            if (!run.flaggedOperations().isEmpty()) {
                out.append(" Outlined in black: ")
                        .append(run.flaggedOperations().size())
                        .append(" operation(s) a checker singled out; hover for why.");
            }
            long invocations = history.ops().stream()
                    .filter(op -> op.type() == OpType.INVOKE)
                    .count();
            if (invocations > HtmlReport.HISTORY_OPS_MAX) {
                out.append(" Showing the first ")
                        .append(HtmlReport.HISTORY_OPS_MAX)
                        .append(" operations.");
            }
            out.append("</p><div class=\"scroll\">")
                    .append(HistoryTimeline.svg(history, HtmlReport.HISTORY_OPS_MAX, run.flaggedOperations()))
                    .append("</div>");
        });
    }
}
