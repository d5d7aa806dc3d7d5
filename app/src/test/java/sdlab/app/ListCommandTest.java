package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void listsEveryRegisteredExperimentOneLineEachByChapter() {
        // Experiments come from META-INF/services; each is one line: chapter, id, title and summary.
        CommandLineRun run = CommandLineRun.of("list");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains(" 90  dice")
                .containsPattern("(?m)^ 90  dice +Dice: Rolls stay on the die unless someone cheats\\.$")
                .containsPattern("(?m)^ 91  broken +Broken on purpose: Throws on seed 5\\.$");
        assertThat(run.out().indexOf("dice")).isLessThan(run.out().indexOf("broken"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void listsAsJsonWithParameters() throws Exception {
        // --json gives scripts the ids, chapters and each parameter's default and range.
        CommandLineRun run = CommandLineRun.of("list", "--json");
        JsonNode list = new ObjectMapper().readTree(run.out());
        JsonNode dice = null;
        for (JsonNode experiment : list) {
            if (experiment.get("id").asText().equals("dice")) {
                dice = experiment;
            }
        }
        assertThat(dice).isNotNull();
        assertThat(dice.get("chapter").asInt()).isEqualTo(90);
        assertThat(dice.get("params").get(0).get("name").asText()).isEqualTo("sides");
        assertThat(dice.get("params").get(0).get("default").asText()).isEqualTo("6");
        assertThat(dice.get("params").get(0).get("range").asText()).isEqualTo("2..20");
        assertThat(dice.get("params").get(2).get("default").asText()).isEqualTo("5ms");
    }

    @Test
    void closestIdIsSuggestedOnlyWhenClose() {
        // A typo gets a suggestion; a different word does not.
        ExperimentCatalog catalog =
                ExperimentCatalog.of(java.util.List.of(new DiceExperiment(), new BrokenExperiment()));
        assertThat(catalog.closestId("dcie")).contains("dice");
        assertThat(catalog.closestId("brokn")).contains("broken");
        assertThat(catalog.closestId("quorum")).isEmpty();
    }
}
