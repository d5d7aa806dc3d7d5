package sdlab.check.report;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import sdlab.check.history.Operation;

/**
 * Draws a history as per-process timelines, as Porcupine's visualisation does: one lane per
 * process, one box per operation from its invocation to its completion (to the right edge when
 * it never completed), coloured by its role in the verdict and numbered by its place in the
 * linearization. Positions are history entries, so boxes that overlap in x were concurrent.
 */
final class SvgTimeline {
    private static final int LANE_HEIGHT_PX = 30;
    private static final int BOX_HEIGHT_PX = 22;
    private static final int LEFT_MARGIN_PX = 90;
    private static final int TOP_MARGIN_PX = 24;
    private static final int WIDTH_TARGET_PX = 1400;
    private static final double CHAR_WIDTH_PX = 6.2;

    private SvgTimeline() {}

    static String render(List<Operation> ops, OpRoles roles) {
        List<Integer> processes =
                List.copyOf(new TreeSet<>(ops.stream().map(Operation::process).toList()));
        int entries = ops.stream()
                        .mapToInt(o -> Math.max(o.invokeIndex(), completion(o, 0)))
                        .max()
                        .orElse(0)
                + 2;
        double unitPx = Math.max(3, Math.min(28, (double) WIDTH_TARGET_PX / entries));
        int widthPx = LEFT_MARGIN_PX + (int) Math.ceil(entries * unitPx) + 10;
        int heightPx = TOP_MARGIN_PX + processes.size() * LANE_HEIGHT_PX + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" class=\"timeline\">%n",
                widthPx,
                heightPx));
        for (int lane = 0; lane < processes.size(); lane++) {
            int y = TOP_MARGIN_PX + lane * LANE_HEIGHT_PX;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"lane\"/>"
                            + "<text x=\"4\" y=\"%d\" class=\"process\">process %d</text>%n",
                    LEFT_MARGIN_PX,
                    y + LANE_HEIGHT_PX / 2,
                    widthPx,
                    y + LANE_HEIGHT_PX / 2,
                    y + 19,
                    processes.get(lane)));
        }
        for (Operation op : ops) {
            int lane = processes.indexOf(op.process());
            box(svg, op, roles, TOP_MARGIN_PX + lane * LANE_HEIGHT_PX, unitPx, entries);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void box(StringBuilder svg, Operation op, OpRoles roles, int laneY, double unitPx, int entries) {
        double x = LEFT_MARGIN_PX + op.invokeIndex() * unitPx;
        double widthPx = Math.max(unitPx * 0.6, (completion(op, entries) - op.invokeIndex()) * unitPx);
        String classes = roles.role(op).name().toLowerCase(Locale.ROOT) + " "
                + op.status().name().toLowerCase(Locale.ROOT);
        int order = roles.order(op);
        String tooltip = OpText.full(op)
                + (op.key() == null ? "" : ", " + OpText.key(op.key()))
                + (order > 0 ? ", linearized #" + order : "");
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"op %s\"><title>%s</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>",
                classes,
                Html.escape(tooltip),
                x,
                laneY + (LANE_HEIGHT_PX - BOX_HEIGHT_PX) / 2,
                widthPx,
                BOX_HEIGHT_PX));
        String label = (order > 0 ? "#" + order + " " : "") + OpText.call(op);
        int fits = (int) ((widthPx - 4) / CHAR_WIDTH_PX);
        if (fits >= 3) {
            String shown = label.length() <= fits ? label : label.substring(0, fits - 1) + "…";
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 3, laneY + 19, Html.escape(shown)));
        }
        svg.append("</g>\n");
    }

    /** Where an operation's box ends: its completion, or {@code end} if it never completed. */
    private static int completion(Operation op, int end) {
        return op.completeIndex() == Operation.NEVER ? end : op.completeIndex();
    }
}
