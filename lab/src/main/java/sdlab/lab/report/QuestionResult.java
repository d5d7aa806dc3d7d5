package sdlab.lab.report;

import java.util.List;
import java.util.Objects;

/** The chapter's question with each option marked supported or not by the measured claims. */
public record QuestionResult(String text, List<OptionResult> options) {
    public QuestionResult {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    /**
     * One option's verdict.
     *
     * @param label the answer
     * @param variant the variant that embodies it
     * @param claims the claims that decide it
     * @param explanation why those claims decide it
     * @param supported true when every one of its claims held
     * @param why which claims held or failed, in one line
     */
    public record OptionResult(
            String label, String variant, List<String> claims, String explanation, boolean supported, String why) {
        public OptionResult {
            claims = List.copyOf(claims);
        }
    }
}
