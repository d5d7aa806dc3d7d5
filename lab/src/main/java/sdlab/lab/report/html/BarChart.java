package sdlab.lab.report.html;

import java.util.List;
import sdlab.lab.MetricSpec;
import sdlab.lab.report.MetricFormat;
import sdlab.lab.report.VariantResult;

/** One metric across variants as horizontal bars, so that long variant names stay readable. */
final class BarChart {
    private static final int WIDTH = 440;
    private static final int LABEL_WIDTH = 120;
    private static final int BAR_WIDTH_MAX = 230;
    private static final int ROW_HEIGHT = 22;
    private static final int TOP = 8;

    private BarChart() {}

    static String svg(MetricSpec metric, List<VariantResult> variants) {
        double max = 0;
        for (VariantResult variant : variants) {
            double value = variant.metrics().get(metric.name()).doubleValue();
            if (Double.isFinite(value)) {
                max = Math.max(max, value);
            }
        }
        int height = TOP * 2 + ROW_HEIGHT * variants.size();
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
            row(svg, metric, variants.get(i), i, max);
        }
        return svg.append("</svg>").toString();
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
