package sdlab.lab.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdlab.lab.SeedRun;
import sdlab.sim.TraceEvent;

/**
 * A run's space-time diagram as pages: the trace cut into windows ({@link TraceWindows}), each drawn as its own SVG,
 * one shown at a time. The page opens at the window that holds the offending operations; links move to the earlier
 * and later windows without a script, by CSS alone: every window but the start window is hidden until its anchor is
 * the URL's target ({@code :target}), and a targeted window hides the start window, which is placed last among its
 * siblings so that the sibling selector can reach it. Windows beyond the page's cap are named, not drawn, and the note
 * says how many events that leaves out.
 */
final class SpaceTimePages {
    private SpaceTimePages() {}

    /**
     * Renders {@code run}'s diagram, at most {@code windowsMax} windows of {@code eventsPerWindow} events; {@code id}
     * makes anchors and SVG ids unique in the page.
     */
    static void render(StringBuilder out, String id, SeedRun run, int eventsPerWindow, int windowsMax) {
        List<TraceEvent> trace = run.trace();
        TraceOperations operations = new TraceOperations(trace);
        List<SpaceTimeDiagram.FlaggedOperation> flagged = flagged(run, operations);
        TraceWindows windows = focus(trace.size(), eventsPerWindow, flagged);
        List<TraceWindows.Window> drawn = windows.drawn(windowsMax);
        note(out, run, windows, drawn, flagged);
        legend(out);
        out.append("<div class=\"windows\">");
        TraceWindows.Window start = windows.startWindow();
        for (TraceWindows.Window window : drawn) {
            if (window != start) {
                window(out, id, trace, window, windows, drawn, flagged);
            }
        }
        window(out, id, trace, start, windows, drawn, flagged);
        out.append("</div>");
    }

    private static List<SpaceTimeDiagram.FlaggedOperation> flagged(SeedRun run, TraceOperations operations) {
        List<OperationSpan> spans = run.history().map(OperationSpan::of).orElse(List.of());
        List<SpaceTimeDiagram.FlaggedOperation> flagged = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : run.flaggedOperations().entrySet()) {
            int opId = entry.getKey();
            if (!operations.has(opId)) {
                continue;
            }
            String what = opId < spans.size() ? spans.get(opId).summary() + "; " : "";
            flagged.add(new SpaceTimeDiagram.FlaggedOperation(
                    operations.name(opId),
                    operations.client(opId),
                    operations.invokeIndex(opId),
                    operations.completeIndex(opId),
                    what + entry.getValue()));
        }
        return flagged;
    }

    /**
     * The windows with the first flagged operation in the start window, and as many of the other flagged ones as fit
     * with it; with none flagged, the start of the run.
     */
    static TraceWindows focus(int events, int eventsPerWindow, List<SpaceTimeDiagram.FlaggedOperation> flagged) {
        if (flagged.isEmpty()) {
            return TraceWindows.around(events, eventsPerWindow, 0, 0);
        }
        List<SpaceTimeDiagram.FlaggedOperation> byStart = flagged.stream()
                .sorted(java.util.Comparator.comparingInt(SpaceTimeDiagram.FlaggedOperation::invokeIndex))
                .toList();
        int focusFrom = byStart.getFirst().invokeIndex();
        int focusTo = end(byStart.getFirst(), focusFrom);
        for (SpaceTimeDiagram.FlaggedOperation op : byStart) {
            int opEnd = end(op, op.invokeIndex());
            if (opEnd - focusFrom < eventsPerWindow * 3 / 4) {
                focusTo = Math.max(focusTo, opEnd);
            }
        }
        return TraceWindows.around(events, eventsPerWindow, focusFrom, focusTo);
    }

    private static int end(SpaceTimeDiagram.FlaggedOperation op, int orElse) {
        return op.completeIndex() < 0 ? orElse : op.completeIndex();
    }

    private static void note(
            StringBuilder out,
            SeedRun run,
            TraceWindows windows,
            List<TraceWindows.Window> drawn,
            List<SpaceTimeDiagram.FlaggedOperation> flagged) {
        List<TraceEvent> trace = run.trace();
        TraceWindows.Window start = windows.startWindow();
        out.append("<p class=\"note\">")
                .append(trace.size())
                .append(" events in ")
                .append(windows.windows().size())
                .append(windows.windows().size() == 1 ? " window" : " windows")
                .append(" of at most ")
                .append(start.size() == trace.size() ? trace.size() : windowSize(windows))
                .append(" events. ");
        if (!flagged.isEmpty()) {
            out.append("The diagram opens at window ")
                    .append(start.number())
                    .append(" (")
                    .append(Html.millis(trace.get(start.from()).timeNanos()))
                    .append(" to ")
                    .append(Html.millis(trace.get(start.to() - 1).timeNanos()))
                    .append("), which holds the operations a checker flagged first: ")
                    .append(Html.escape(flagged.stream()
                            .filter(op -> op.invokeIndex() >= start.from() && op.invokeIndex() < start.to())
                            .map(op -> op.name() + " of " + op.client().name())
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("the first flagged operation")))
                    .append(". ");
        } else if (!run.flaggedOperations().isEmpty()) {
            out.append("The flagged operations could not be found in the trace (it has no INVOKE events), so the ")
                    .append("diagram opens at the start of the run. ");
        } else {
            out.append("No operation was flagged in this run, so the diagram opens at its start. ");
        }
        int hiddenWindows = windows.windows().size() - drawn.size();
        if (hiddenWindows > 0) {
            int shownEvents = drawn.stream().mapToInt(TraceWindows.Window::size).sum();
            out.append("Not drawn, to keep the page light: ")
                    .append(hiddenWindows)
                    .append(hiddenWindows == 1 ? " window" : " windows")
                    .append(" (")
                    .append(trace.size() - shownEvents)
                    .append(" events, windows ")
                    .append(numbers(windows.windows(), drawn))
                    .append(") farthest from the start window; <code>--trace</code> prints every event. ");
        }
        out.append("Drawn: every event kind the simulator records; what the trace does not record (node state, ")
                .append("message contents beyond the hover text) is not shown.</p>");
    }

    private static int windowSize(TraceWindows windows) {
        return windows.windows().stream()
                .mapToInt(TraceWindows.Window::size)
                .max()
                .orElse(0);
    }

    /** "1-3, 17" for the windows not drawn. */
    private static String numbers(List<TraceWindows.Window> all, List<TraceWindows.Window> drawn) {
        StringBuilder text = new StringBuilder();
        int runStart = -1;
        for (int i = 0; i <= all.size(); i++) {
            boolean hidden = i < all.size() && !drawn.contains(all.get(i));
            if (hidden && runStart < 0) {
                runStart = i + 1;
            } else if (!hidden && runStart > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(runStart);
                if (i > runStart) {
                    text.append('-').append(i);
                }
                runStart = -1;
            }
        }
        return text.toString();
    }

    private static void legend(StringBuilder out) {
        out.append("<p class=\"legend\">")
                .append("<span class=\"key\"><i class=\"sw arrow\"></i>message, send to delivery, labelled ")
                .append("with its type</span><span class=\"key\"><i class=\"sw drop\"></i>dropped message</span>")
                .append("<span class=\"key\"><i class=\"sw dot invoke\"></i>invoke</span>")
                .append("<span class=\"key\"><i class=\"sw dot complete\"></i>complete</span>")
                .append("<span class=\"key\"><i class=\"sw dot timer\"></i>timer</span>")
                .append("<span class=\"key\"><i class=\"sw dot sync\"></i>disk sync</span>")
                .append("<span class=\"key\"><i class=\"sw crashed\"></i>crashed</span>")
                .append("<span class=\"key\"><i class=\"sw paused\"></i>paused</span>")
                .append("<span class=\"key\"><i class=\"sw partition\"></i>partition</span>")
                .append("<span class=\"key\"><i class=\"sw flagged\"></i>&#9873; operation a checker flagged</span>")
                .append("</p>");
    }

    private static void window(
            StringBuilder out,
            String id,
            List<TraceEvent> trace,
            TraceWindows.Window window,
            TraceWindows windows,
            List<TraceWindows.Window> drawn,
            List<SpaceTimeDiagram.FlaggedOperation> flagged) {
        boolean isStart = window == windows.startWindow();
        out.append("<div class=\"window")
                .append(isStart ? " start" : "")
                .append("\" id=\"")
                .append(anchor(id, window))
                .append("\">");
        pager(out, id, trace, window, windows, drawn);
        out.append("<div class=\"scroll\">")
                .append(SpaceTimeDiagram.svg(id + "w" + window.number(), trace, window.from(), window.to(), flagged))
                .append("</div></div>");
    }

    private static void pager(
            StringBuilder out,
            String id,
            List<TraceEvent> trace,
            TraceWindows.Window window,
            TraceWindows windows,
            List<TraceWindows.Window> drawn) {
        int at = drawn.indexOf(window);
        out.append("<nav class=\"pager\">");
        if (at > 0) {
            link(out, id, drawn.get(at - 1), "&#8592; earlier");
        } else {
            out.append("<span class=\"off\">&#8592; earlier</span>");
        }
        out.append(" <strong>window ")
                .append(window.number())
                .append(" of ")
                .append(windows.windows().size())
                .append("</strong>: events ")
                .append(window.from() + 1)
                .append(" to ")
                .append(window.to())
                .append(", ")
                .append(Html.millis(trace.get(window.from()).timeNanos()))
                .append(" to ")
                .append(Html.millis(trace.get(window.to() - 1).timeNanos()))
                .append(' ');
        if (at + 1 < drawn.size()) {
            link(out, id, drawn.get(at + 1), "later &#8594;");
        } else {
            out.append("<span class=\"off\">later &#8594;</span>");
        }
        out.append("<br/>");
        for (TraceWindows.Window other : windows.windows()) {
            String label = other.number() + (other == windows.startWindow() ? "&#9873;" : "");
            if (other == window) {
                out.append("<strong class=\"here\">").append(label).append("</strong> ");
            } else if (drawn.contains(other)) {
                link(out, id, other, label);
                out.append(' ');
            } else {
                out.append("<span class=\"off\" title=\"not drawn\">")
                        .append(label)
                        .append("</span> ");
            }
        }
        out.append("</nav>");
    }

    private static void link(StringBuilder out, String id, TraceWindows.Window target, String label) {
        out.append("<a href=\"#")
                .append(anchor(id, target))
                .append("\">")
                .append(label)
                .append("</a>");
    }

    private static String anchor(String id, TraceWindows.Window window) {
        return id + "-w" + window.number();
    }
}
