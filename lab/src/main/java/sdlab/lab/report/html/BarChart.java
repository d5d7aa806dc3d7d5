package sdlab.lab.report.html;

import java.util.List;
import sdlab.lab.Aggregation;
import sdlab.lab.MetricSpec;
import sdlab.lab.report.MetricFormat;
import sdlab.lab.report.VariantResult;

/**
 * One metric across variants as horizontal bars, so that long variant names stay readable, over an axis with round
 * ticks from zero and the metric's unit under it (read from how the metric is aggregated: a count, a ratio, seeds,
 * milliseconds).
 */
final class BarChart {
    private static final int WIDTH = 440;
    private static final int LABEL_WIDTH = 120;
    private static final int BAR_WIDTH_MAX = 230;
    private static final int ROW_HEIGHT = 22;
    private static final int TOP = 8;
    private static final int AXIS_HEIGHT = 30;
    private static final int TICKS_MAX = 5;

    private BarChart() {}

    static String svg(MetricSpec metric, List<VariantResult> variants) {
        double max = 0;
        for (VariantResult variant : variants) {
            double value = variant.metrics().get(metric.name()).doubleValue();
            if (Double.isFinite(value)) {
                max = Math.max(max, value);
            }
        }
        double axisMax =
                max > 0 ? Math.ceil(max / TimeAxis.step(max, TICKS_MAX) - 1e-9) * TimeAxis.step(max, TICKS_MAX) : 1;
        int height = TOP * 2 + ROW_HEIGHT * variants.size() + AXIS_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\">");
        svg.append(Html.title(metric.name() + ": " + metric.description()));
        for (int i = 0; i < variants.size(); i++) {
            row(svg, metric, variants.get(i), i, axisMax);
        }
        axis(svg, metric, TOP + ROW_HEIGHT * variants.size() + 2, axisMax);
        return svg.append("</svg>").toString();
    }

    private static void axis(StringBuilder svg, MetricSpec metric, int y, double axisMax) {
        double step = TimeAxis.step(axisMax, TICKS_MAX);
        svg.append("<line class=\"axisline\" x1=\"")
                .append(LABEL_WIDTH)
                .append("\" y1=\"")
                .append(y)
                .append("\" x2=\"")
                .append(LABEL_WIDTH + BAR_WIDTH_MAX)
                .append("\" y2=\"")
                .append(y)
                .append("\"/>");
        for (int tick = 0; tick * step <= axisMax + 1e-9; tick++) {
            double x = LABEL_WIDTH + tick * step / axisMax * BAR_WIDTH_MAX;
            TimeAxis.tick(svg, x, y, 14, MetricFormat.format(Math.round(tick * step * 1e6) / 1e6));
        }
        svg.append("<text class=\"axis\" x=\"")
                .append(LABEL_WIDTH + BAR_WIDTH_MAX)
                .append("\" y=\"")
                .append(y + 26)
                .append("\" text-anchor=\"end\">")
                .append(Html.escape(metric.name() + ", " + unit(metric)))
                .append("</text>");
    }

    /** What the metric's numbers count, from how it is aggregated. */
    static String unit(MetricSpec metric) {
        return switch (metric.aggregation()) {
            case Aggregation.Sum sum -> "count over all seeds";
            case Aggregation.MeanPerSeed mean -> "mean per seed";
            case Aggregation.Ratio ratio -> "ratio " + ratio.numeratorCounter() + " / " + ratio.denominatorCounter();
            case Aggregation.PercentileMs percentile -> "ms";
            case Aggregation.SeedsWith seeds -> "seeds";
        };
    }

    private static void row(StringBuilder svg, MetricSpec metric, VariantResult variant, int index, double max) {
        Number value = variant.metrics().get(metric.name());
        double number = value.doubleValue();
        double barWidth = Double.isFinite(number) && max > 0 ? Math.max(0, number) / max * BAR_WIDTH_MAX : 0;
        int y = TOP + index * ROW_HEIGHT;
        String text = Double.isFinite(number) ? MetricFormat.format(value) : "no data";
        svg.append("<g>")
                .append(Html.title(variant.name() + ": " + metric.name() + " = " + text))
                .append("<text class=\"label\" x=\"")
                .append(LABEL_WIDTH - 6)
                .append("\" y=\"")
                .append(y + 15)
                .append("\" text-anchor=\"end\">")
                .append(Html.escape(shortened(variant.name())))
                .append("</text>")
                .append("<rect class=\"bar\" x=\"")
                .append(LABEL_WIDTH)
                .append("\" y=\"")
                .append(y + 3)
                .append("\" width=\"")
                .append(Html.coord(barWidth))
                .append("\" height=\"")
                .append(ROW_HEIGHT - 6)
                .append("\"/>")
                .append("<text class=\"value\" x=\"")
                .append(Html.coord(LABEL_WIDTH + barWidth + 6))
                .append("\" y=\"")
                .append(y + 15)
                .append("\">")
                .append(Html.escape(text))
                .append("</text></g>");
    }

    private static String shortened(String name) {
        return name.length() <= 18 ? name : name.substring(0, 17) + "…";
    }
}
