package sdlab.lab.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;
import sdlab.lab.toy.CoinExperiment;

/** Opens a report in a real headless Chromium; skipped only on machines without one on the PATH. */
class HtmlInChromiumTest {
    @Test
    void theReportRendersInChromiumWithoutConsoleMessages(@TempDir Path dir) throws Exception {
        // A page with no scripts and no external resources has nothing to complain about; Chromium must agree.
        Optional<Path> browser = HeadlessChromium.find();
        assumeTrue(browser.isPresent(), "no Chromium on the PATH");
        CoinExperiment coin = new CoinExperiment();
        ParamValues values = ParamValues.defaults(coin.params());
        ExperimentReport report = Sweep.run(coin, values, SweepSettings.of(1, 30), SweepProgress.none());
        Path page = dir.resolve("coin.html");
        Files.writeString(
                page,
                HtmlReport.render(report, Optional.of(Sweep.replay(coin, values, 7, Optional.empty()))),
                StandardCharsets.UTF_8);

        HeadlessChromium.Rendered rendered = HeadlessChromium.dumpDom(browser.get(), page, dir);

        assertThat(rendered.log()).doesNotContain(":CONSOLE").doesNotContain("Failed to load resource");
        assertThat(rendered.dom()).contains("<svg class=\"spacetime\"").contains("Seed 7 in detail");
    }
}
