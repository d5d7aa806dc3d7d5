package sdlab.bench.check;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Porcupine oracle folder ({@code shared/oracles/porcupine}, the one holding {@code
 * PORCUPINE-TIMES.txt}). The project keeps it beside the repository: {@code <root>/../shared/
 * oracles}, where the root is the directory with {@code .git} or the {@code sdlab} launcher.
 */
public final class OracleFolder {
    /** The file that marks a Porcupine oracle folder. */
    public static final String TIMES_FILE = "PORCUPINE-TIMES.txt";

    private OracleFolder() {}

    /**
     * Where to look, in order. A folder the user gave is the only place looked at: either the
     * {@code oracles} folder or its {@code porcupine} subfolder. Otherwise: beside the root
     * named by {@code sdlabRoot} (the build's {@code sdlab.root} property; may be null), then
     * beside the repository root above each of {@code starts} (the working directory, the
     * directory the classes were loaded from).
     */
    public static List<Path> candidates(Optional<Path> given, String sdlabRoot, List<Path> starts) {
        if (given.isPresent()) {
            Path dir = given.get().toAbsolutePath().normalize();
            return List.of(dir.resolve("porcupine"), dir);
        }
        LinkedHashSet<Path> candidates = new LinkedHashSet<>();
        if (sdlabRoot != null && !sdlabRoot.isBlank()) {
            candidates.add(besideRoot(Path.of(sdlabRoot)));
        }
        for (Path start : starts) {
            repositoryRoot(start).ifPresent(root -> candidates.add(besideRoot(root)));
        }
        return List.copyOf(candidates);
    }

    /** The first candidate that holds {@link #TIMES_FILE}. */
    public static Optional<Path> find(List<Path> candidates) {
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve(TIMES_FILE)))
                .findFirst();
    }

    /**
     * The oracle folder for tools run from this repository without options: looked for from
     * the working directory and from where this class was loaded.
     */
    public static Optional<Path> findDefault() {
        return find(candidates(Optional.empty(), System.getProperty("sdlab.root"), defaultStarts()));
    }

    /** The working directory and the directory this class was loaded from, when known. */
    public static List<Path> defaultStarts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        codeSource().ifPresent(starts::add);
        return starts;
    }

    /** The nearest directory at or above {@code start} with {@code .git} or the {@code sdlab} launcher. */
    static Optional<Path> repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git")) || Files.isRegularFile(dir.resolve("sdlab"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path besideRoot(Path root) {
        return root.toAbsolutePath()
                .normalize()
                .resolveSibling("shared")
                .resolve("oracles")
                .resolve("porcupine");
    }

    private static Optional<Path> codeSource() {
        try {
            CodeSource source = OracleFolder.class.getProtectionDomain().getCodeSource();
            return source == null
                    ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty(); // an unusual class loader: the working directory must do
        }
    }
}
