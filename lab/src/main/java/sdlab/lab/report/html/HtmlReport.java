package sdlab.lab.report.html;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.MetricFormat;
import sdlab.lab.report.ParamSetting;
import sdlab.lab.report.ProvenanceNote;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.report.VariantResult;

/**
 * The report as one self-contained HTML page: no scripts, no external stylesheets, fonts or images; charts are inline
 * SVG drawn here. It shows the experiment's explanation, the question with each option's verdict and the run that
 * decided it, the claims with their evidence, a bar chart per metric across variants, the variants and parameters,
 * and, for one chosen seed, each variant's space-time diagram (in pages that open at the offending operations) and
 * client history. The run that is the evidence comes first and open. The page is deterministic: the same report and
 * seed give the same bytes.
 */
public final class HtmlReport {
    /** Trace events per window (page) of a space-time diagram: about 3,000 pixels of rows. */
    public static final int TRACE_EVENTS_PER_WINDOW = 250;

    /**
     * Windows drawn for the run a reader lands on (the evidence): 4,000 events, a whole default quorum run. Each
     * window is about 100 kB of SVG, so the cap keeps the page to a few megabytes whatever the run's length.
     */
    public static final int TRACE_WINDOWS_MAX = 16;

    /** Windows drawn for each of the other variants' runs, which are there for comparison. */
    public static final int TRACE_WINDOWS_MAX_FOLDED = 1;

    /** History operations drawn per timeline. */
    public static final int HISTORY_OPS_MAX = 500;

    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport() {}

    /** The page for {@code report}, with {@code detail}'s seed drawn in full if given. */
    public static String render(ExperimentReport report, Optional<SeedDetail> detail) {
        HtmlReport page = new HtmlReport();
        page.head(report);
        page.overview(report, detail.isPresent());
        page.explanation(report);
        report.question().ifPresent(page::question);
        page.claims(report);
        page.metrics(report);
        report.strata().ifPresent(strata -> page.out.append(StrataSection.html(report, strata)));
        page.variants(report);
        page.params(report);
        detail.ifPresent(page::detail);
        page.out.append("</main></body></html>\n");
        return page.out.toString();
    }

    private void head(ExperimentReport report) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<link rel=\"icon\" href=\"data:,\"/><title>sdlab: ")
                .append(Html.escape(report.title()))
                .append("</title><style>")
                .append(Stylesheet.CSS)
                .append("</style></head><body><main>");
    }

    private void overview(ExperimentReport report, boolean hasDetail) {
        out.append("<header><p class=\"muted\">sdlab, chapter ")
                .append(report.chapter())
                .append(" &#183; experiment <code>")
                .append(Html.escape(report.experiment()))
                .append("</code></p><h1>")
                .append(Html.escape(report.title()))
                .append("</h1><p class=\"summary\">")
                .append(Html.escape(report.summary()))
                .append("</p>");
        List<ClaimResult> assertions = report.claims().stream()
                .filter(c -> c.role() == Claim.Role.ASSERTION)
                .toList();
        long held = assertions.stream().filter(ClaimResult::holds).count();
        String verdict = report.claims().isEmpty()
                ? "No claims were evaluated."
                : held + " of " + assertions.size() + " claims held over " + seedsText(report) + ".";
        out.append("<p class=\"verdict ")
                .append(report.assertionsHold() ? "good" : "bad")
                .append("\">")
                .append(Html.escape(verdict))
                .append("</p>");
        report.notes().forEach(note -> out.append("<p class=\"note\">")
                .append(Html.escape(note))
                .append("</p>"));
        out.append("</header>");
    }

    private void explanation(ExperimentReport report) {
        out.append("<section id=\"explanation\"><h2>What this chapter is about</h2>");
        for (String paragraph : report.explanation().strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                out.append("<p>").append(Html.escape(paragraph.strip())).append("</p>");
            }
        }
        out.append("</section>");
    }

    private void question(QuestionResult question) {
        out.append("<section id=\"question\"><h2>The question</h2><p class=\"question\">")
                .append(Html.escape(question.text()))
                .append("</p><ul class=\"options\">");
        for (QuestionResult.OptionResult option : question.options()) {
            String kind =
                    switch (option.decision()) {
                        case SUPPORTED -> "good";
                        case REFUTED -> "bad";
                        case UNDECIDED -> "muted";
                    };
            String mark =
                    switch (option.decision()) {
                        case SUPPORTED -> "&#10003;";
                        case REFUTED -> "&#10007;";
                        case UNDECIDED -> "&#8211;";
                    };
            String verdict =
                    switch (option.decision()) {
                        case SUPPORTED -> "supported";
                        case REFUTED -> "not supported";
                        case UNDECIDED -> "not decided on this run";
                    };
            out.append("<li class=\"")
                    .append(kind)
                    .append("\"><span class=\"mark\">")
                    .append(mark)
                    .append("</span> <strong>")
                    .append(Html.escape(option.label()))
                    .append("</strong> <span class=\"muted\">(")
                    .append(Html.escape(optionVariantText(option)))
                    .append(")</span>: ")
                    .append(verdict)
                    .append("<br/><span class=\"why\">")
                    .append(Html.escape(option.why()))
                    .append("</span><br/><span class=\"muted\">")
                    .append(Html.escape(option.explanation()))
                    .append("</span></li>");
        }
        out.append("</ul></section>");
    }

    private void claims(ExperimentReport report) {
        if (report.claims().isEmpty()) {
            return;
        }
        out.append("<section id=\"claims\"><h2>Claims over ")
                .append(Html.escape(seedsText(report)))
                .append(
                        "</h2><table><thead><tr><th></th><th>claim</th><th>evidence</th><th>95% CI of seeds holding</th>")
                .append("</tr></thead><tbody>");
        for (ClaimResult claim : report.claims()) {
            out.append("<tr class=\"")
                    .append(claim.holds() ? "good" : claim.applicable() ? "bad" : "muted")
                    .append("\"><td class=\"mark\">")
                    .append(claim.holds() ? "&#10003;" : claim.applicable() ? "&#10007;" : "&#8211;")
                    .append("</td><td><strong>")
                    .append(Html.escape(claim.name()))
                    .append("</strong>")
                    .append(
                            claim.role() == Claim.Role.HYPOTHESIS
                                    ? " <em>(hypothesis: measured, not enforced)</em>"
                                    : "")
                    .append(claim.illustration()
                            .map(because -> " <em class=\"derived\">(illustration, not evidence: "
                                    + Html.escape(because) + ")</em>")
                            .orElse(""))
                    .append("<br/><span class=\"muted\">")
                    .append(Html.escape(claim.description()))
                    .append("</span></td><td>")
                    .append(Html.escape(claim.evidence()));
            claim.replayCommand().ifPresent(command -> out.append("<br/><code>")
                    .append(Html.escape(command))
                    .append("</code>"));
            out.append("</td><td class=\"num\">")
                    .append(Html.escape(percent(claim.wilsonLow()) + " to " + percent(claim.wilsonHigh())))
                    .append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private void metrics(ExperimentReport report) {
        out.append("<section id=\"metrics\"><h2>Metrics</h2><div class=\"wide\"><table><thead><tr><th>variant</th>");
        report.metrics().forEach(m -> out.append("<th title=\"")
                .append(Html.escape(m.description()))
                .append("\"")
                .append(m.provenance().measured() ? "" : " class=\"derived\"")
                .append(">")
                .append(Html.escape(m.name()))
                .append(m.provenance().measured() ? "" : "&#8224;")
                .append("</th>"));
        out.append("</tr></thead><tbody>");
        for (VariantResult variant : report.variants()) {
            out.append("<tr><td class=\"name\">")
                    .append(Html.escape(variant.name()))
                    .append("</td>");
            report.metrics().forEach(m -> out.append("<td class=\"num\">")
                    .append(Html.escape(MetricFormat.format(variant.metrics().get(m.name()))))
                    .append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
        if (report.metrics().stream().anyMatch(m -> !m.provenance().measured())) {
            out.append("<p class=\"note\">&#8224; derived: a cost input's price applied to measured counts. The")
                    .append(" figure follows the input, so it illustrates the cost model rather than measuring the")
                    .append(" mechanism.</p>");
        }
        out.append("<div class=\"charts\">");
        for (MetricSpec metric : report.metrics()) {
            out.append("<figure><figcaption><strong>")
                    .append(Html.escape(metric.name()))
                    .append(metric.provenance().measured() ? "" : "&#8224;")
                    .append("</strong>: ")
                    .append(Html.escape(metric.description()))
                    .append(
                            metric.provenance().measured()
                                    ? ""
                                    : " <em class=\"derived\">(" + Html.escape(ProvenanceNote.sentence(metric))
                                            + ": an illustration of the cost model)</em>")
                    .append("</figcaption>")
                    .append(BarChart.svg(metric, report.variants()))
                    .append("</figure>");
        }
        out.append("</div></section>");
    }

    private void variants(ExperimentReport report) {
        out.append("<section id=\"variants\"><h2>Variants</h2><table><thead><tr><th>variant</th><th>what it does</th>")
                .append("<th>settings</th></tr></thead><tbody>");
        for (VariantResult variant : report.variants()) {
            StringBuilder settings = new StringBuilder();
            variant.settings().forEach((name, value) -> settings.append(settings.isEmpty() ? "" : ", ")
                    .append(name)
                    .append('=')
                    .append(value));
            out.append("<tr><td>")
                    .append(Html.escape(variant.name()))
                    .append("</td><td>")
                    .append(Html.escape(variant.description()))
                    .append("</td><td><code>")
                    .append(Html.escape(settings.toString()))
                    .append("</code></td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private void params(ExperimentReport report) {
        out.append(
                        "<section id=\"parameters\"><h2>Parameters</h2><table><thead><tr><th>parameter</th><th>value</th><th>default</th>")
                .append("<th>range</th><th>meaning</th></tr></thead><tbody>");
        for (ParamSetting param : report.params()) {
            out.append("<tr")
                    .append(param.isDefault() ? "" : " class=\"changed\"")
                    .append("><td><code>--")
                    .append(Html.escape(param.name()))
                    .append("</code></td><td class=\"num\">")
                    .append(Html.escape(param.text()))
                    .append("</td><td class=\"num\">")
                    .append(Html.escape(param.defaultText()))
                    .append("</td><td>")
                    .append(Html.escape(param.range()))
                    .append("</td><td>")
                    .append(Html.escape(param.description()))
                    .append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private void detail(SeedDetail detail) {
        out.append("<section id=\"seed\"><h2>Seed ")
                .append(detail.seed())
                .append(detail.focus().map(v -> ", variant " + Html.escape(v)).orElse(""))
                .append(" in detail</h2>");
        if (!detail.reason().isEmpty()) {
            out.append("<p>Shown because it is ")
                    .append(Html.escape(detail.reason()))
                    .append(
                            detail.focus().isPresent()
                                    ? "; the other variants' runs of the same seed follow, folded, for comparison."
                                    : ".")
                    .append("</p>");
        }
        out.append("<p class=\"muted\">Hover over a mark or an arrow to read the trace line.</p>");
        int index = 0;
        for (Map.Entry<String, SeedRun> entry : detail.runsFocusFirst().entrySet()) {
            boolean first = index == 0;
            out.append(first ? "<details open=\"open\">" : "<details>")
                    .append("<summary>variant <strong>")
                    .append(Html.escape(entry.getKey()))
                    .append("</strong>")
                    .append(first && detail.focus().isPresent() ? " (the evidence)" : "")
                    .append("</summary>");
            SeedRunSection.render(out, "v" + index, entry.getValue(), first);
            out.append("</details>");
            index++;
        }
        out.append("</section>");
    }

    /** "refuted by variant n3r1w3 on seed 5", or "variant n3r2w2" for an option no single run decided. */
    private static String optionVariantText(QuestionResult.OptionResult option) {
        if (option.evidenceVariant().isPresent()) {
            return "refuted by variant " + option.evidenceVariant().get()
                    + (option.evidenceSeed().isPresent()
                            ? " on seed " + option.evidenceSeed().getAsLong()
                            : "");
        }
        return "variant " + option.variant();
    }

    private static String seedsText(ExperimentReport report) {
        return report.seeds() == 1
                ? "seed " + report.firstSeed()
                : report.seeds() + " seeds (" + report.firstSeed() + " to " + (report.firstSeed() + report.seeds() - 1)
                        + ")";
    }

    private static String percent(double share) {
        return MetricFormat.format(Math.round(share * 10000) / 100.0) + "%";
    }
}
