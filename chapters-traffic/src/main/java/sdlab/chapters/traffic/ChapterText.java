package sdlab.chapters.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a chapter's text, kept as {@code explanation.txt} beside the experiment's class in the jar. */
public final class ChapterText {
    private static final String FILE = "explanation.txt";

    private ChapterText() {}

    /** The text of the chapter whose experiment is {@code experiment}; a missing file is a packaging error. */
    public static String of(Class<?> experiment) {
        try (InputStream in = experiment.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "chapter text missing from the jar: " + experiment.getPackageName() + "/" + FILE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
