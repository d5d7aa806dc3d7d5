package sdlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExperimentIdentityTest {
    @Test
    void anIdIsWhatACommandLineCanTypeWithoutQuoting() {
        // Ids become subcommands (sdlab run <id>): lower-case words joined by hyphens, nothing else.
        assertThat(new ExperimentIdentity("redis-vs-memcached", 11, "t", "s").id())
                .isEqualTo("redis-vs-memcached");
        for (String bad : new String[] {"Quorum", "two words", "-lead", "trail-", "a--b", ""}) {
            assertThatThrownBy(() -> new ExperimentIdentity(bad, 1, "t", "s"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lower-case words joined by hyphens");
        }
    }

    @Test
    void aChapterNumberStartsAtOneAndTitleAndSummaryAreNeverBlank() {
        assertThatThrownBy(() -> new ExperimentIdentity("x", 0, "t", "s")).hasMessageContaining("chapter 0");
        assertThatThrownBy(() -> new ExperimentIdentity("x", 1, " ", "s")).hasMessageContaining("title");
        assertThatThrownBy(() -> new ExperimentIdentity("x", 1, "t", "")).hasMessageContaining("summary");
    }

    @Test
    void aMissingChapterTextIsAPackagingMistakeNamedByItsPath() {
        // No chapter text sits beside this test class, so the loader must say which file the jar lacks.
        assertThatThrownBy(() -> ChapterText.besides(ExperimentIdentityTest.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sdlab/lab/explanation.txt");
    }
}
