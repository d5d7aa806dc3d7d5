package sdlab.lab.report.html;

import sdlab.lab.MetricSpec;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.StrataResult;
import sdlab.lab.report.StrataTable;
import sdlab.lab.report.StratumResult;

/** The page's table of figures split by the property each seed drew: the terminal's table, as HTML. */
final class StrataSection {
    private StrataSection() {}

    static String html(ExperimentReport report, StrataResult strata) {
        StringBuilder out = new StringBuilder();
        out.append("<section id=\"strata\"><h2>Per ")
                .append(Html.escape(strata.name()))
                .append("</h2><p class=\"muted\">")
                .append(Html.escape(StrataTable.heading(strata, report.variants())))
                .append("; each figure over only the seeds that drew that ")
                .append(Html.escape(strata.name()))
                .append(".</p><div class=\"wide\"><table><thead><tr><th>")
                .append(Html.escape(StrataTable.labelHeading(strata)))
                .append("</th>");
        for (MetricSpec metric : report.metrics()) {
            out.append("<th title=\"")
                    .append(Html.escape(metric.description()))
                    .append("\">")
                    .append(Html.escape(metric.name()))
                    .append(metric.provenance().measured() ? "" : "&#8224;")
                    .append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (StratumResult stratum : strata.strata()) {
            out.append("<tr><td class=\"name\">")
                    .append(Html.escape(StrataTable.label(stratum)))
                    .append("</td>");
            report.metrics().forEach(metric -> out.append("<td class=\"num\">")
                    .append(Html.escape(StrataTable.cell(stratum, metric)))
                    .append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table></div></section>").toString();
    }
}
