package sdlab.lab.report.html;

import java.util.List;
import java.util.Map;
import sdlab.core.history.History;
import sdlab.lab.SeedRun;

/**
 * One variant's run of the showcased seed: its findings, its space-time diagram in pages, and its client history,
 * whole and, when a checker flagged operations, zoomed in on them with a table that names each one as the trace does.
 */
final class SeedRunSection {
    /** The zoomed history shows this much before the first flagged operation and after the last, at least. */
    private static final long ZOOM_MARGIN_NANOS_MIN = 20_000_000;

    private SeedRunSection() {}

    /**
     * Renders {@code run}; {@code opened} is the run a reader lands on, which gets every window the page allows,
     * while the others get a few.
     */
    static void render(StringBuilder out, String id, SeedRun run, boolean opened) {
        findings(out, run);
        out.append("<h3>Space-time diagram</h3>");
        if (run.trace().isEmpty()) {
            out.append("<p class=\"muted\">This run recorded no trace.</p>");
        } else {
            SpaceTimePages.render(
                    out,
                    id,
                    run,
                    HtmlReport.TRACE_EVENTS_PER_WINDOW,
                    opened ? HtmlReport.TRACE_WINDOWS_MAX : HtmlReport.TRACE_WINDOWS_MAX_FOLDED);
        }
        run.history().ifPresent(history -> history(out, run, history));
    }

    private static void findings(StringBuilder out, SeedRun run) {
        if (run.findings().isEmpty()) {
            return;
        }
        out.append("<h3>Findings</h3><ul class=\"findings\">");
        run.findings().forEach(f -> out.append("<li>").append(Html.escape(f)).append("</li>"));
        if (run.findingsDropped() > 0) {
            out.append("<li class=\"muted\">and ").append(run.findingsDropped()).append(" more</li>");
        }
        out.append("</ul>");
    }

    private static void history(StringBuilder out, SeedRun run, History history) {
        TraceOperations names = new TraceOperations(run.trace());
        List<OperationSpan> all = OperationSpan.of(history);
        Map<Integer, String> clients = names.clientNames(all);
        List<OperationSpan> drawn =
                all.stream().limit(HtmlReport.HISTORY_OPS_MAX).toList();
        out.append("<h3>Client history</h3><p class=\"muted\">One row per key and client, grouped by key: a box ")
                .append("spans an operation from invocation to completion. Hover over a box for its key, value ")
                .append("and outcome.");
        if (all.size() > drawn.size()) {
            out.append(" Showing the first ")
                    .append(drawn.size())
                    .append(" of ")
                    .append(all.size())
                    .append(" operations.");
        }
        out.append("</p>");
        legend(out, !run.flaggedOperations().isEmpty());
        if (drawn.isEmpty()) {
            out.append("<p class=\"muted\">The history is empty.</p>");
            return;
        }
        long start = drawn.getFirst().startNanos();
        long end = drawn.stream().mapToLong(OperationSpan::latestNanos).max().orElse(start) + 1;
        out.append("<div class=\"scroll\">")
                .append(HistoryTimeline.svg(new HistoryTimeline.View(
                        drawn,
                        start,
                        end,
                        names::name,
                        p -> clients.getOrDefault(p, "p" + p),
                        run.flaggedOperations(),
                        false)))
                .append("</div>");
        if (!run.flaggedOperations().isEmpty()) {
            zoom(out, run, all, names, clients);
        }
    }

    private static void legend(StringBuilder out, boolean flagged) {
        out.append("<p class=\"legend\"><span class=\"key\"><i class=\"sw op ok\"></i>ok</span>")
                .append("<span class=\"key\"><i class=\"sw op fail\"></i>failed (certainly not applied)</span>")
                .append("<span class=\"key\"><i class=\"sw op info\"></i>unknown (may have applied)</span>")
                .append("<span class=\"key\"><i class=\"sw op open\"></i>never completed</span>");
        if (flagged) {
            out.append("<span class=\"key\"><i class=\"sw op flagged\"></i>&#9873; flagged by a checker</span>");
        }
        out.append("</p>");
    }

    /** The operations around the flagged ones, each labelled, and the flagged ones in a table. */
    private static void zoom(
            StringBuilder out,
            SeedRun run,
            List<OperationSpan> all,
            TraceOperations names,
            Map<Integer, String> clients) {
        List<OperationSpan> flagged = all.stream()
                .filter(span -> run.flaggedOperations().containsKey(span.id()))
                .toList();
        if (flagged.isEmpty()) {
            return;
        }
        long first = flagged.stream().mapToLong(OperationSpan::startNanos).min().orElseThrow();
        long last = flagged.stream().mapToLong(OperationSpan::latestNanos).max().orElseThrow();
        long margin = Math.max(ZOOM_MARGIN_NANOS_MIN, (last - first) / 2);
        long from = Math.max(0, first - margin);
        long to = last + margin;
        List<OperationSpan> near = all.stream()
                .filter(span -> span.startNanos() <= to && span.endNanos(to) >= from)
                .limit(HtmlReport.HISTORY_OPS_MAX)
                .toList();
        out.append("<h4>Around the flagged operations: ")
                .append(Html.millis(from))
                .append(" to ")
                .append(Html.millis(to))
                .append("</h4><div class=\"scroll\">")
                .append(HistoryTimeline.svg(new HistoryTimeline.View(
                        near,
                        from,
                        to,
                        names::name,
                        p -> clients.getOrDefault(p, "p" + p),
                        run.flaggedOperations(),
                        true)))
                .append("</div>");
        OffendingOperations.table(out, flagged, names, clients, run.flaggedOperations());
    }
}
