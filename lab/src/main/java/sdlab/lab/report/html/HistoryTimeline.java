package sdlab.lab.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

/**
 * A client history as one row per process: each operation is a box from its invocation to its completion, green
 * when it succeeded, red when it certainly failed, amber when its outcome is unknown, grey when it never completed
 * within the run. x is proportional to time. Hovering over a box shows the operation. At most {@code opsMax}
 * operations (the first invoked) are drawn.
 */
final class HistoryTimeline {
    private static final int LEFT = 56;
    private static final int TOP = 8;
    private static final int WIDTH = 900;
    private static final int ROW = 18;

    private record Span(Op invoke, Op completion) {
        long end(long runEnd) {
            return completion == null ? runEnd : completion.timeNanos();
        }

        /** The last instant this span knows of: its completion, or its invocation if it never completed. */
        long latestNanos() {
            return completion == null ? invoke.timeNanos() : completion.timeNanos();
        }

        String kind() {
            return completion == null ? "open" : completion.type().wireName();
        }
    }

    private HistoryTimeline() {}

    static String svg(History history, int opsMax) {
        return svg(history, opsMax, Map.of());
    }

    /** The timeline with the operations in {@code flagged} (by operation id) outlined and their reasons shown. */
    static String svg(History history, int opsMax, Map<Integer, String> flagged) {
        List<Span> spans = spans(history, opsMax);
        if (spans.isEmpty()) {
            return "<p class=\"muted\">The history is empty.</p>";
        }
        long start = spans.getFirst().invoke().timeNanos();
        long end = start + 1;
        for (Span span : spans) {
            end = Math.max(end, span.latestNanos());
        }
        Map<Integer, Integer> rows = new TreeMap<>();
        spans.forEach(span -> rows.putIfAbsent(span.invoke().process(), 0));
        int index = 0;
        for (Map.Entry<Integer, Integer> row : rows.entrySet()) {
            row.setValue(index++);
        }
        int height = TOP * 2 + rows.size() * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"history\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(LEFT + WIDTH + 16)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\">");
        rows.forEach((process, row) -> svg.append("<text class=\"lane\" x=\"")
                .append(LEFT - 8)
                .append("\" y=\"")
                .append(TOP + row * ROW + 13)
                .append("\" text-anchor=\"end\">p")
                .append(process)
                .append("</text>"));
        for (int id = 0; id < spans.size(); id++) {
            Span span = spans.get(id);
            box(svg, span, rows.get(span.invoke().process()), start, end, flagged.get(id));
        }
        return svg.append("</svg>").toString();
    }

    /** Invocations paired with their completions, per process, in invocation order. */
    private static List<Span> spans(History history, int opsMax) {
        List<Op[]> pairs = new ArrayList<>();
        Map<Integer, Op[]> pending = new HashMap<>();
        for (Op op : history.ops()) {
            if (op.type() == OpType.INVOKE) {
                if (pairs.size() < opsMax) {
                    Op[] pair = {op, null};
                    pairs.add(pair);
                    pending.put(op.process(), pair);
                } else {
                    pending.remove(op.process());
                }
            } else {
                Op[] pair = pending.remove(op.process());
                if (pair != null) {
                    pair[1] = op;
                }
            }
        }
        return pairs.stream().map(p -> new Span(p[0], p[1])).toList();
    }

    private static void box(StringBuilder svg, Span span, int row, long start, long end, String flag) {
        double scale = (double) WIDTH / (end - start);
        double x = LEFT + (span.invoke().timeNanos() - start) * scale;
        double width = Math.max(2, (span.end(end) - span.invoke().timeNanos()) * scale);
        svg.append("<rect class=\"op ")
                .append(span.kind())
                .append(flag == null ? "" : " flagged")
                .append("\" x=\"")
                .append(Html.coord(x))
                .append("\" y=\"")
                .append(TOP + row * ROW + 2)
                .append("\" width=\"")
                .append(Html.coord(width))
                .append("\" height=\"")
                .append(ROW - 4)
                .append("\">")
                .append(Html.title(flag == null ? describe(span) : describe(span) + ". Flagged: " + flag))
                .append("</rect>");
    }

    private static String describe(Span span) {
        Op invoke = span.invoke();
        StringBuilder text =
                new StringBuilder("p").append(invoke.process()).append(' ').append(invoke.f());
        if (invoke.key() != null) {
            text.append(' ').append(invoke.key());
        }
        if (invoke.value() != null) {
            text.append(' ').append(invoke.value());
        }
        Op done = span.completion();
        if (done == null) {
            return text.append(" → never completed (invoked at ")
                    .append(Html.millis(invoke.timeNanos()))
                    .append(')')
                    .toString();
        }
        text.append(" → ").append(done.type().wireName());
        if (done.value() != null) {
            text.append(' ').append(done.value());
        }
        if (done.error() != null) {
            text.append(" (").append(done.error()).append(')');
        }
        return text.append(", ")
                .append(Html.millis(invoke.timeNanos()))
                .append(" to ")
                .append(Html.millis(done.timeNanos()))
                .toString();
    }
}
