package sdlab.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sdlab.chapters.quorum.QuorumExperiment;

/**
 * What a browser test opens: the web lab with chapter 10 on a free port, a client of its API, and a headless Chromium
 * with the screenshots' viewport. Without Chromium the test is skipped with a message.
 */
final class ChromiumLab implements AutoCloseable {
    final WebLab lab;
    final DevToolsBrowser browser;
    final LabClient client;

    private ChromiumLab(WebLab lab, DevToolsBrowser browser) {
        this.lab = lab;
        this.browser = browser;
        this.client = new LabClient(lab.url());
    }

    /** Opens both in {@code dir}, or skips the test where Chromium is missing. */
    static ChromiumLab open(Path dir) throws Exception {
        Optional<Path> chromium = DevToolsBrowser.find();
        assumeTrue(
                chromium.isPresent(),
                "Chromium is not installed (apt-get install chromium): the web lab's browser tests are skipped");
        WebLab lab = WebLab.start(WebLabSettings.of(List.of(new QuorumExperiment()), 0, dir.resolve("runs")));
        try {
            DevToolsBrowser browser = DevToolsBrowser.launch(chromium.get(), dir);
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            return new ChromiumLab(lab, browser);
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
    }

    /** Opens the page at {@code hash} ("#/chapter/quorum"). */
    void navigate(String hash) {
        browser.navigate(lab.url() + hash);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            browser.close();
        } finally {
            lab.close();
        }
    }
}
