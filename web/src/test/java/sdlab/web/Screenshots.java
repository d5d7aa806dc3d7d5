package sdlab.web;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the browser tests save their screenshots: the folder {@code SDLAB_WEB_SCREENSHOTS} names (the README's are
 * made with {@code SDLAB_WEB_SCREENSHOTS=$PWD/docs/web-lab}), else the test's own temporary folder, so that an
 * ordinary test run leaves the working tree as it was.
 */
final class Screenshots {
    /** The viewport every screenshot is taken at, in CSS pixels. */
    static final int WIDTH = 1400;

    static final int HEIGHT = 900;

    private final Path dir;

    Screenshots(Path fallback) {
        String named = System.getenv("SDLAB_WEB_SCREENSHOTS");
        this.dir = named == null || named.isBlank() ? fallback : Path.of(named);
    }

    void save(DevToolsBrowser browser, String name) throws IOException {
        browser.screenshot(dir.resolve(name + ".png"));
    }
}
