package sdlab.cache.server;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs an installed program (redis-cli, redis-server, ...) and captures its output. */
final class ExternalTool {
    private ExternalTool() {}

    /** Skips the calling test, saying why, if {@code name} is not on the PATH. */
    static void assumeInstalled(String name, String packageName) {
        Assumptions.assumeTrue(
                find(name) != null,
                name + " is not installed; install it with 'apt-get install -y " + packageName + "' to run this test");
    }

    static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs a command to completion (at most 30 s) and returns its standard output and error. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** The first python3 that can import redis (a pyenv python on the PATH may lack the Debian package), or null. */
    static String pythonWithRedis() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        Path onPath = find("python3");
        if (onPath != null) {
            candidates.add(onPath.toString());
        }
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))
                    && run(candidate, "-c", "import redis; print('ok')").equals("ok\n")) {
                return candidate;
            }
        }
        return null;
    }

    static List<String> args(String first, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }
}
