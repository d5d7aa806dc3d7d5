package sdlab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a chapter's prose, kept in the jar as {@code explanation.txt} beside the experiment's class. */
final class ChapterText {
    static final String FILE_NAME = "explanation.txt";

    private ChapterText() {}

    /** The text beside {@code experimentClass}; its absence is a packaging mistake, not a user error. */
    static String besides(Class<?> experimentClass) {
        try (InputStream in = experimentClass.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the chapter text "
                        + experimentClass.getPackageName().replace('.', '/') + "/" + FILE_NAME);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
