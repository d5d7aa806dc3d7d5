package sdlab.lab.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;
import sdlab.core.history.History;

/**
 * A client history grouped by key: one row per key and client that touched it, so that the operations a checker
 * compares (those on one key) sit together. Each operation is a box from its invocation to its completion, green when
 * it succeeded, red when it certainly failed, amber when its outcome is unknown, grey when it never completed within
 * the run; x is proportional to virtual time, with a time axis in milliseconds underneath. Operations a checker
 * flagged are outlined in red and named beside their box ({@code ⚑ op 59}), and in a labelled view every box wide
 * enough says what it did ({@code op 58 read → 2000000011}). Hovering over a box shows the operation in full.
 */
final class HistoryTimeline {
    private static final int LEFT = 96;
    private static final int TOP = 8;
    private static final int WIDTH = 860;
    private static final int ROW = 20;
    private static final int AXIS_HEIGHT = 34;
    private static final double CHAR_WIDTH_PX = 5.6;

    /**
     * What to draw and how to name it.
     *
     * @param spans the operations to draw
     * @param fromNanos the left edge of the time range
     * @param toNanos the right edge of the time range
     * @param opName the name of an operation by id, as the trace writes it ("op 59")
     * @param processName the name of a process, as the trace writes it ("c4")
     * @param flagged the flagged operations by id, with the reason
     * @param labelled whether every box wide enough gets a text label
     */
    record View(
            List<OperationSpan> spans,
            long fromNanos,
            long toNanos,
            IntFunction<String> opName,
            IntFunction<String> processName,
            Map<Integer, String> flagged,
            boolean labelled) {
        View {
            spans = List.copyOf(spans);
            Objects.requireNonNull(opName, "opName");
            Objects.requireNonNull(processName, "processName");
            flagged = Map.copyOf(flagged);
        }
    }

    private HistoryTimeline() {}

    static String svg(History history, int opsMax) {
        return svg(history, opsMax, Map.of());
    }

    /**
     * The first {@code opsMax} operations of {@code history} over the whole run, unlabelled, with the operations in
     * {@code flagged} (by operation id) outlined and their reasons shown; operations and processes named by number.
     */
    static String svg(History history, int opsMax, Map<Integer, String> flagged) {
        List<OperationSpan> spans =
                OperationSpan.of(history).stream().limit(opsMax).toList();
        if (spans.isEmpty()) {
            return "<p class=\"muted\">The history is empty.</p>";
        }
        long start = spans.getFirst().startNanos();
        long end = start + 1;
        for (OperationSpan span : spans) {
            end = Math.max(end, span.latestNanos());
        }
        return svg(new View(spans, start, end, id -> "op " + (id + 1), p -> "p" + p, flagged, false));
    }

    /** The view's operations, grouped by key and client. */
    static String svg(View view) {
        if (view.spans().isEmpty()) {
            return "<p class=\"muted\">No operation falls in this range.</p>";
        }
        Map<String, Integer> rows = rows(view);
        int height = TOP * 2 + rows.size() * ROW + AXIS_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"history\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(LEFT + WIDTH + 24)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\">");
        String previousKey = null;
        for (Map.Entry<String, Integer> row : rows.entrySet()) {
            String key = row.getKey().substring(0, row.getKey().indexOf('\u0000'));
            int y = TOP + row.getValue() * ROW;
            if (!key.equals(previousKey) && previousKey != null) {
                svg.append("<line class=\"keyrule\" x1=\"4\" y1=\"")
                        .append(y)
                        .append("\" x2=\"")
                        .append(LEFT + WIDTH)
                        .append("\" y2=\"")
                        .append(y)
                        .append("\"/>");
            }
            previousKey = key;
            svg.append("<text class=\"lane\" x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(row.getKey().replace('\u0000', ' ')))
                    .append("</text>");
        }
        List<String> labels = new ArrayList<>();
        for (OperationSpan span : view.spans()) {
            box(svg, labels, view, span, rows.get(rowKey(view, span)));
        }
        labels.forEach(svg::append);
        TimeAxis.draw(svg, LEFT, WIDTH, TOP + rows.size() * ROW + 4, view.fromNanos(), view.toNanos());
        return svg.append("</svg>").toString();
    }

    /** Rows in key order (as people count), then client order: "k0 c1", "k0 c4", "k1 c2". */
    private static Map<String, Integer> rows(View view) {
        Map<String, Integer> rows = new TreeMap<>((a, b) -> {
            String[] x = a.split("\u0000", 2);
            String[] y = b.split("\u0000", 2);
            int byKey = NaturalOrder.NAMES.compare(x[0], y[0]);
            return byKey != 0 ? byKey : NaturalOrder.NAMES.compare(x[1], y[1]);
        });
        view.spans().forEach(span -> rows.putIfAbsent(rowKey(view, span), 0));
        int index = 0;
        for (Map.Entry<String, Integer> row : rows.entrySet()) {
            row.setValue(index++);
        }
        return rows;
    }

    private static String rowKey(View view, OperationSpan span) {
        String key = span.invoke().key() == null ? "(no key)" : span.invoke().key();
        return key + '\u0000' + view.processName().apply(span.invoke().process());
    }

    private static void box(StringBuilder svg, List<String> labels, View view, OperationSpan span, int row) {
        double scale = (double) WIDTH / Math.max(1, view.toNanos() - view.fromNanos());
        long start = Math.max(view.fromNanos(), span.startNanos());
        long end = Math.min(view.toNanos(), span.endNanos(view.toNanos()));
        double x = LEFT + (start - view.fromNanos()) * scale;
        double width = Math.max(2, (end - start) * scale);
        String flag = view.flagged().get(span.id());
        String name = view.opName().apply(span.id());
        String hover = name + " of " + view.processName().apply(span.invoke().process()) + ": " + span.summary()
                + ", " + Html.millis(span.startNanos())
                + (span.completion() == null
                        ? ""
                        : " to " + Html.millis(span.completion().timeNanos()));
        int y = TOP + row * ROW + 3;
        svg.append("<rect class=\"op ")
                .append(span.kind())
                .append(flag == null ? "" : " flagged")
                .append("\" x=\"")
                .append(Html.coord(x))
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(Html.coord(width))
                .append("\" height=\"")
                .append(ROW - 6)
                .append("\">")
                .append(Html.title(flag == null ? hover : hover + ". Flagged: " + flag))
                .append("</rect>");
        // The whole run is too dense for more than a name; a labelled (zoomed) view has room for what it did.
        String text = flag != null && !view.labelled()
                ? "⚑ " + name
                : (flag != null ? "⚑ " : "") + name + " " + span.summary();
        if (flag != null) {
            // Beside the box, on whichever side has room for the text.
            boolean fitsAfter = x + width + 3 + text.length() * CHAR_WIDTH_PX <= LEFT + WIDTH + 24;
            labels.add(label(
                    "oplabel",
                    fitsAfter ? x + width + 3 : x - 3,
                    y + 11,
                    fitsAfter,
                    text,
                    hover + ". Flagged: " + flag));
        } else if (view.labelled() && text.length() * CHAR_WIDTH_PX <= width - 4) {
            labels.add(label("boxlabel", x + 2, y + 11, true, text, hover));
        }
    }

    private static String label(String kind, double x, int y, boolean fromLeft, String text, String hover) {
        return "<text class=\"" + kind + "\" x=\"" + Html.coord(x) + "\" y=\"" + y + "\" text-anchor=\""
                + (fromLeft ? "start" : "end") + "\">" + Html.title(hover) + Html.escape(text) + "</text>";
    }
}
