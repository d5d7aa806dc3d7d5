package sdlab.lab.report.html;

import java.util.Locale;

/**
 * A horizontal axis of virtual time in milliseconds: a baseline, ticks at a round step (1, 2 or 5 times a power of
 * ten) and the unit written under it, so that a reader can read times off a chart without hovering.
 */
final class TimeAxis {
    private static final int TICKS_MAX = 10;

    private TimeAxis() {}

    /** Draws the axis for {@code fromNanos} to {@code toNanos} spanning x {@code left} to {@code left + width}. */
    static void draw(StringBuilder svg, int left, int width, int y, long fromNanos, long toNanos) {
        double spanMs = Math.max(1e-3, (toNanos - fromNanos) / 1e6);
        double stepMs = step(spanMs, TICKS_MAX);
        svg.append("<line class=\"axisline\" x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(y)
                .append("\" x2=\"")
                .append(left + width)
                .append("\" y2=\"")
                .append(y)
                .append("\"/>");
        double firstMs = Math.ceil(fromNanos / 1e6 / stepMs) * stepMs;
        for (int tick = 0; tick <= TICKS_MAX + 1; tick++) {
            double ms = firstMs + tick * stepMs;
            if (ms > toNanos / 1e6 + 1e-9) {
                break;
            }
            double x = left + (ms - fromNanos / 1e6) / spanMs * width;
            tick(svg, x, y, 15, msText(ms, stepMs));
        }
        svg.append("<text class=\"axis\" x=\"")
                .append(left + width)
                .append("\" y=\"")
                .append(y + 28)
                .append("\" text-anchor=\"end\">virtual time (ms)</text>");
    }

    /** A tick mark below an axis at {@code y}, with its label {@code labelDy} pixels under the axis. */
    static void tick(StringBuilder svg, double x, int y, int labelDy, String label) {
        svg.append("<line class=\"axisline\" x1=\"")
                .append(Html.coord(x))
                .append("\" y1=\"")
                .append(y)
                .append("\" x2=\"")
                .append(Html.coord(x))
                .append("\" y2=\"")
                .append(y + 4)
                .append("\"/><text class=\"tick\" x=\"")
                .append(Html.coord(x))
                .append("\" y=\"")
                .append(y + labelDy)
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(label))
                .append("</text>");
    }

    /** The smallest round step (1, 2 or 5 times a power of ten) that gives at most {@code ticksMax} steps over {@code span}. */
    static double step(double span, int ticksMax) {
        double raw = span / ticksMax;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** Milliseconds with as many decimals as the step needs: "820", "820.5", "0.25". */
    private static String msText(double ms, double stepMs) {
        int decimals = stepMs >= 1 ? 0 : (int) Math.ceil(-Math.log10(stepMs) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", ms);
    }
}
