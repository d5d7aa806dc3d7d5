package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished runs, kept as files so that they outlive the server: {@code <id>.run.json} holds the run's summary
 * ({@link KeptRun}) and, for a run that finished, {@code <id>.json} its report exactly as {@code sdlab run --json}
 * prints it (so {@code sdlab merge} takes it too). Summaries are read once at start and then kept in memory; reports
 * are read when asked for. Files are written whole and then renamed, so a crash never leaves half a run.
 */
final class RunStore {
    /** The most runs {@link #newestFirst} returns: a list a page shows at once, whatever the folder holds. */
    static final int RUNS_LISTED_MAX = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
    private static final String SUMMARY_SUFFIX = ".run.json";

    private final Path dir;
    private final Map<String, KeptRun> byId = new ConcurrentHashMap<>();

    private RunStore(Path dir) {
        this.dir = dir;
    }

    /** The store in {@code dir}, created if missing, with the runs already there. */
    static RunStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        RunStore store = new RunStore(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUMMARY_SUFFIX)) {
            for (Path file : files) {
                store.load(file);
            }
        }
        return store;
    }

    /** True when {@code id} is shaped like a run id, so that it can name a file in the folder and nothing else. */
    static boolean isWellFormed(String id) {
        return ID.matcher(id).matches();
    }

    Path dir() {
        return dir;
    }

    /** Keeps a run's summary and, if it has one, its report (JSON text). */
    void keep(KeptRun run, Optional<String> reportJson) {
        try {
            if (reportJson.isPresent()) {
                writeAtomically(dir.resolve(run.id() + ".json"), reportJson.get());
            }
            writeAtomically(dir.resolve(run.id() + SUMMARY_SUFFIX), JsonText.write(run.toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep run " + run.id() + " in " + dir, e);
        }
        byId.put(run.id(), run);
    }

    Optional<KeptRun> find(String id) {
        return isWellFormed(id) ? Optional.ofNullable(byId.get(id)) : Optional.empty();
    }

    /** The report of a kept run that finished, as JSON text. */
    Optional<String> report(String id) {
        Path file = dir.resolve(id + ".json");
        if (!isWellFormed(id) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The newest runs first (ids begin with their start time), at most {@link #RUNS_LISTED_MAX}. */
    List<KeptRun> newestFirst() {
        List<KeptRun> runs = new ArrayList<>(byId.values());
        runs.sort(Comparator.comparing(KeptRun::startedAt)
                .thenComparing(KeptRun::id)
                .reversed());
        return runs.subList(0, Math.min(runs.size(), RUNS_LISTED_MAX));
    }

    private void load(Path file) {
        try {
            JsonNode node = JsonText.MAPPER.readTree(file.toFile());
            KeptRun run = KeptRun.fromJson(node);
            if (isWellFormed(run.id())) {
                byId.put(run.id(), run);
            }
        } catch (IOException | RuntimeException e) {
            // A file someone edited or a newer server wrote is left alone, not fatal: the other runs still list.
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            LOG.warn("skipping {}: not a run summary this server reads ({})", file, why);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
