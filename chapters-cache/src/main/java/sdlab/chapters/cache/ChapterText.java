package sdlab.chapters.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A chapter's prose, kept in the jar as {@code explanation.txt} next to the experiment's class. */
public final class ChapterText {
    private static final String FILE_NAME = "explanation.txt";

    private ChapterText() {}

    /** The text beside {@code experimentClass}; its absence is a packaging mistake, not a user error. */
    public static String besides(Class<?> experimentClass) {
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
