package sdlab.lab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sdlab.lab.Claim;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;

/**
 * The report as a terminal shows it: a header, a table with variants as rows and metrics as columns, the claims with
 * their evidence, and the question. Deterministic text (no timings). With {@code unicode} false it uses plain ASCII
 * marks, for consoles that cannot show check marks.
 */
public final class TerminalReport {
    /** Columns beyond this split the table, so that a usual terminal shows it without wrapping. */
    private static final int TABLE_WIDTH_MAX = 120;

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
        report.strata().ifPresent(strata -> terminal.strata(report, strata));
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
        List<List<String>> columns = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("variant"));
        report.variants().forEach(v -> names.add(v.name()));
        columns.add(names);
        for (MetricSpec metric : report.metrics()) {
            List<String> column = new ArrayList<>(List.of(metric.name() + derivedMark(metric)));
            report.variants().forEach(v -> column.add(cell(v, metric.name())));
            columns.add(column);
        }
        printColumns(columns);
        for (MetricSpec metric : report.metrics()) {
            String provenance = ProvenanceNote.sentence(metric);
            line("  " + metric.name() + derivedMark(metric) + ": " + metric.description()
                    + (provenance.isEmpty() ? "" : " (" + provenance + ")"));
        }
        if (report.variants().stream()
                .anyMatch(v -> v.metrics().keySet().stream().anyMatch(name -> halfWidth(v, name) > 0))) {
            line("  " + plusMinus()
                    + ": half the width of the 95% confidence interval from the spread over seeds (none for a"
                    + " percentile, which is read from the merged histogram)");
        }
        if (report.metrics().stream().anyMatch(m -> !m.provenance().measured())) {
            line("  " + derivedMark() + " derived: a cost input's price applied to measured counts; the figure follows"
                    + " the input, so it illustrates the cost model rather than measuring the mechanism");
        }
        line("");
    }

    /**
     * Prints a table whose first column names the rows. A table wider than a terminal wraps into noise; the other
     * columns are split into groups that fit, each with the first column repeated, so rows stay rows.
     */
    private void printColumns(List<List<String>> columns) {
        int nameWidth = width(columns.getFirst());
        List<List<String>> group = new ArrayList<>(List.of(columns.getFirst()));
        int groupWidth = nameWidth;
        for (List<String> column : columns.subList(1, columns.size())) {
            if (group.size() > 1 && groupWidth + 2 + width(column) > TABLE_WIDTH_MAX) {
                printTable(group);
                group = new ArrayList<>(List.of(columns.getFirst()));
                groupWidth = nameWidth;
            }
            group.add(column);
            groupWidth += 2 + width(column);
        }
        printTable(group);
    }

    /** The figures split by the property each seed drew: a row per value, every variant in each cell. */
    private void strata(ExperimentReport report, StrataResult strata) {
        line(StrataTable.heading(strata, report.variants()) + ":");
        List<List<String>> columns = new ArrayList<>();
        List<String> labels = new ArrayList<>(List.of(StrataTable.labelHeading(strata)));
        strata.strata().forEach(stratum -> labels.add(StrataTable.label(stratum)));
        columns.add(labels);
        for (MetricSpec metric : report.metrics()) {
            List<String> column = new ArrayList<>(List.of(metric.name() + derivedMark(metric)));
            strata.strata().forEach(stratum -> column.add(StrataTable.cell(stratum, metric)));
            columns.add(column);
        }
        printColumns(columns);
    }

    /** A metric's value, and its 95% interval's half-width when the seeds spread it. */
    private String cell(VariantResult variant, String metric) {
        String value = MetricFormat.format(variant.metrics().get(metric));
        double half = halfWidth(variant, metric);
        return half > 0 ? value + " " + plusMinus() + MetricFormat.uncertainty(half) : value;
    }

    private String plusMinus() {
        return unicode ? "±" : "+-";
    }

    private static double halfWidth(VariantResult variant, String metric) {
        double error = variant.standardError(metric);
        return Double.isFinite(error) ? 1.96 * error : 0;
    }

    private String derivedMark(MetricSpec metric) {
        return metric.provenance().measured() ? "" : derivedMark();
    }

    private String derivedMark() {
        return unicode ? "†" : "~";
    }

    private void printTable(List<List<String>> columns) {
        int[] widths = columns.stream().mapToInt(TerminalReport::width).toArray();
        int rows = columns.getFirst().size();
        for (int row = 0; row < rows; row++) {
            int r = row;
            line(cells(columns.stream().map(c -> c.get(r)).toList(), widths));
            if (row == 0) {
                line(cells(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths));
            }
        }
        line("");
    }

    private static int width(List<String> column) {
        return column.stream().mapToInt(String::length).max().orElse(0);
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
        String seeds = report.seeds() + (report.seeds() == 1 ? " seed" : " seeds");
        claimGroup("claims over " + seeds + ":", report, Claim.Role.ASSERTION);
        claimGroup(
                "hypotheses the question tests, over " + seeds + " (a hypothesis that fails is a finding):",
                report,
                Claim.Role.HYPOTHESIS);
        illustrations(report);
    }

    private void claimGroup(String heading, ExperimentReport report, Claim.Role role) {
        List<ClaimResult> group = report.claims().stream()
                .filter(c -> c.role() == role && c.isEvidence())
                .toList();
        claimLines(heading, group);
    }

    private void illustrations(ExperimentReport report) {
        claimLines(
                "illustrations (they follow from cost inputs or hold by construction, so they are not evidence):",
                report.claims().stream().filter(c -> !c.isEvidence()).toList());
    }

    private void claimLines(String heading, List<ClaimResult> group) {
        if (group.isEmpty()) {
            return;
        }
        line(heading);
        for (ClaimResult claim : group) {
            String mark = claim.applicable() ? mark(claim.holds()) : unicode ? "–" : "[n/a]";
            line("  " + mark + " " + claim.name() + ": " + claim.evidence());
            line("      " + claim.description());
            claim.illustration().ifPresent(because -> line("      illustration: " + because));
            if (!claim.holds()) {
                claim.replayCommand().ifPresent(command -> line("      replay: " + command));
            }
        }
        line("");
    }

    private void question(QuestionResult question) {
        line("question: " + question.text());
        for (QuestionResult.OptionResult option : question.options()) {
            String mark = option.decided() ? mark(option.supported()) : unicode ? "–" : "[n/a]";
            line("  " + mark + " " + option.label() + " " + option.labelText() + ": " + verdict(option) + "; "
                    + option.why());
        }
        line("");
    }

    private static String verdict(QuestionResult.OptionResult option) {
        return switch (option.decision()) {
            case SUPPORTED -> "supported";
            case REFUTED -> "not supported";
            case UNDECIDED -> "not decided on this run";
        };
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
