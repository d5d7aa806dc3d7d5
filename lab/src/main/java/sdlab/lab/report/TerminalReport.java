package sdlab.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;

/**
 * The report as a terminal shows it: a header, a table with variants as rows and metrics as columns, the claims with
 * their evidence, and the question. Deterministic text (no timings). With {@code unicode} false it uses plain ASCII
 * marks, for consoles that cannot show check marks.
 */
public final class TerminalReport {
    private final boolean unicode;
    private final StringBuilder out = new StringBuilder();

    private TerminalReport(boolean unicode) {
        this.unicode = unicode;
    }

    /** The whole report. */
    public static String render(ExperimentReport report, boolean unicode) {
        TerminalReport terminal = new TerminalReport(unicode);
        terminal.header(report);
        terminal.table(report);
        terminal.claims(report);
        report.question().ifPresent(terminal::question);
        report.notes().forEach(note -> terminal.line("note: " + note));
        return terminal.out.toString();
    }

    /** The findings each variant noted on one seed, for replays; empty text when there are none. */
    public static String findings(SeedDetail detail) {
        TerminalReport terminal = new TerminalReport(false);
        for (Map.Entry<String, SeedRun> entry : detail.runsByVariant().entrySet()) {
            SeedRun run = entry.getValue();
            if (!run.findings().isEmpty()) {
                terminal.line("findings of " + entry.getKey() + " on seed " + detail.seed() + ":");
                run.findings().forEach(f -> terminal.line("  " + f));
                if (run.findingsDropped() > 0) {
                    terminal.line("  ... and " + run.findingsDropped() + " more");
                }
            }
        }
        return terminal.out.toString();
    }

    private void header(ExperimentReport report) {
        line(report.experiment() + ": " + report.title() + " (chapter " + report.chapter() + ")");
        line(report.summary());
        String seeds = report.seeds() == 1
                ? "seed " + report.firstSeed()
                : "seeds " + report.firstSeed() + ".." + (report.firstSeed() + report.seeds() - 1);
        List<String> params = new ArrayList<>();
        for (ParamSetting param : report.params()) {
            params.add(param.name() + "=" + param.text() + (param.isDefault() ? "" : "*"));
        }
        line(seeds + "; params " + String.join(" ", params)
                + (report.params().stream().allMatch(ParamSetting::isDefault) ? "" : " (* not the default)"));
        line("");
    }

    private void table(ExperimentReport report) {
        List<String> header = new ArrayList<>();
        header.add("variant");
        report.metrics().forEach(m -> header.add(m.name()));
        List<List<String>> rows = new ArrayList<>();
        for (VariantResult variant : report.variants()) {
            List<String> row = new ArrayList<>();
            row.add(variant.name());
            report.metrics()
                    .forEach(m -> row.add(MetricFormat.format(variant.metrics().get(m.name()))));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        line(cells(header, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        line(cells(rules, widths));
        rows.forEach(row -> line(cells(row, widths)));
        line("");
        for (MetricSpec metric : report.metrics()) {
            line("  " + metric.name() + ": " + metric.description());
        }
        line("");
    }

    /** First column left-aligned, numbers right-aligned, two spaces between columns. */
    private static String cells(List<String> row, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            text.append(c == 0 ? cell + pad : "  " + pad + cell);
        }
        return text.toString().stripTrailing();
    }

    private void claims(ExperimentReport report) {
        if (report.claims().isEmpty()) {
            return;
        }
        line("claims over " + report.seeds() + (report.seeds() == 1 ? " seed:" : " seeds:"));
        for (ClaimResult claim : report.claims()) {
            line("  " + mark(claim.holds()) + " " + claim.name() + ": " + claim.evidence());
            line("      " + claim.description());
            if (!claim.holds()) {
                claim.replayCommand().ifPresent(command -> line("      replay: " + command));
            }
        }
        line("");
    }

    private void question(QuestionResult question) {
        line("question: " + question.text());
        for (QuestionResult.OptionResult option : question.options()) {
            String verdict = option.supported() ? "supported" : "not supported";
            line("  " + mark(option.supported()) + " " + option.label() + " [" + option.variant() + "]: " + verdict
                    + "; " + option.why());
        }
        line("");
    }

    private String mark(boolean good) {
        if (unicode) {
            return good ? "✓" : "✗";
        }
        return good ? "[ok]" : "[FAIL]";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
