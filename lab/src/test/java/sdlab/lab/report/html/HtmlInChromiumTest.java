package sdlab.lab.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    private static Optional<Path> chromium() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void theReportRendersInChromiumWithoutConsoleMessages(@TempDir Path dir) throws Exception {
        // A page with no scripts and no external resources has nothing to complain about; Chromium must agree.
        Optional<Path> browser = chromium();
        assumeTrue(browser.isPresent(), "no Chromium on the PATH");
        CoinExperiment coin = new CoinExperiment();
        ParamValues values = ParamValues.defaults(coin.params());
        ExperimentReport report = Sweep.run(coin, values, SweepSettings.of(1, 30), SweepProgress.none());
        Path page = dir.resolve("coin.html");
        Files.writeString(
                page,
                HtmlReport.render(report, Optional.of(Sweep.replay(coin, values, 7, Optional.empty()))),
                StandardCharsets.UTF_8);

        Process process = new ProcessBuilder(
                        browser.get().toString(),
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        page.toUri().toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("dom.html").toFile())
                .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as("Chromium finished")
                .isTrue();
        assertThat(process.exitValue()).isZero();
        String log = Files.readString(dir.resolve("stderr.txt"));
        assertThat(log).doesNotContain(":CONSOLE").doesNotContain("Failed to load resource");
        assertThat(Files.readString(dir.resolve("dom.html")))
                .contains("<svg class=\"spacetime\"")
                .contains("Seed 7 in detail");
    }
}
