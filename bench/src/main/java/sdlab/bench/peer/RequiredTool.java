package sdlab.bench.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An external program a peer benchmark runs, and the Debian package that ships it.
 *
 * @param command the program's name, looked up on {@code PATH} (and in /usr/sbin, where nginx
 *     lives but which a non-root {@code PATH} often lacks)
 * @param aptPackage the package to install when it is missing
 */
public record RequiredTool(String command, String aptPackage) {
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

    /** The program's full path, or empty when it is not installed. */
    public Optional<Path> locate() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The program's full path where found, else its bare name (for the operating system to look up). */
    public String executable() {
        return locate().map(Path::toString).orElse(command);
    }

    /**
     * One line naming every missing tool and the command that installs them, or empty when all
     * are present.
     */
    public static Optional<String> missing(List<RequiredTool> tools) {
        List<RequiredTool> absent =
                tools.stream().filter(t -> t.locate().isEmpty()).toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        String names =
                String.join(", ", absent.stream().map(RequiredTool::command).toList());
        String packages = String.join(
                " ", absent.stream().map(RequiredTool::aptPackage).distinct().toList());
        return Optional.of("missing " + names + ": install with 'apt-get install -y " + packages + "'");
    }
}
