package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.lab.report.html.HeadlessChromium;

/** The report of a failing quorum run, opened in a real headless Chromium; skipped only without one on the PATH. */
class QuorumReportInChromiumTest {
    @Test
    void chromiumShowsTheOffendingOperationsInTheDiagramWithoutConsoleMessages(@TempDir Path dir) throws Exception {
        // Shows: the DOM Chromium builds has op 59 of c4 flagged in the diagram's start window, and the page, with
        // its CSS-only paging, makes Chromium log nothing.
        Optional<Path> browser = HeadlessChromium.find();
        assumeTrue(browser.isPresent(), "no Chromium on the PATH");
        Path page = dir.resolve("quorum.html");
        Files.writeString(page, FailingQuorumPage.build().html(), StandardCharsets.UTF_8);

        HeadlessChromium.Rendered rendered = HeadlessChromium.dumpDom(browser.get(), page, dir);

        assertThat(rendered.log()).doesNotContain(":CONSOLE").doesNotContain("Failed to load resource");
        String dom = rendered.dom();
        int start = dom.indexOf("<div class=\"window start\"");
        assertThat(start).as("the diagram has a start window").isPositive();
        String window = dom.substring(start, dom.indexOf("</svg>", start));
        assertThat(window)
                .contains("<svg class=\"spacetime\"")
                .contains("⚑ op 59 of c4")
                .contains("op 59: Ok");
    }
}
