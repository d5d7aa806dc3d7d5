package sdlab.lab.report.html;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in a real headless Chromium and returns the DOM it built and what it logged, for tests that check a
 * report in a browser. Shared with the chapters' tests through the lab's test jar. No Selenium: {@code --dump-dom}
 * prints the DOM after load, and {@code --enable-logging=stderr} writes console messages as {@code :CONSOLE} lines.
 */
public final class HeadlessChromium {
    private static final long WAIT_SECONDS_MAX = 90;

    /**
     * What Chromium made of a page.
     *
     * @param dom the document after load, as {@code --dump-dom} prints it
     * @param log Chromium's standard error, where console messages and failed loads appear
     */
    public record Rendered(String dom, String log) {}

    private HeadlessChromium() {}

    /** The first of chromium, chromium-browser or google-chrome on the PATH, if any. */
    public static Optional<Path> find() {
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

    /**
     * Loads {@code page} in {@code browser} with a fresh profile under {@code dir}.
     *
     * @throws IllegalStateException if Chromium does not finish within 90 seconds or exits with an error
     */
    public static Rendered dumpDom(Path browser, Path page, Path dir) throws IOException, InterruptedException {
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(
                        browser.toString(),
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        page.toUri().toString())
                .redirectError(log.toFile())
                .redirectOutput(dom.toFile())
                .start();
        if (!process.waitFor(WAIT_SECONDS_MAX, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within " + WAIT_SECONDS_MAX + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "Chromium exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        return new Rendered(Files.readString(dom), Files.readString(log));
    }
}
