package sdlab.lab;

import java.util.List;
import java.util.Objects;

/**
 * The chapter's question. Each option names the variant that embodies it and the claims that decide it: an option
 * is supported when all of its claims hold.
 */
public record Question(String text, List<Option> options) {
    public Question {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a question needs at least one option");
        }
    }

    /**
     * One answer.
     *
     * @param label the answer as the question lists it ("strong consistency for successful operations")
     * @param variant the variant that embodies it
     * @param claims the names of the claims that decide it; all must hold for the option to be supported
     * @param explanation why those claims decide it
     */
    public record Option(String label, String variant, List<String> claims, String explanation) {
        public Option {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(explanation, "explanation");
            claims = List.copyOf(claims);
        }
    }
}
