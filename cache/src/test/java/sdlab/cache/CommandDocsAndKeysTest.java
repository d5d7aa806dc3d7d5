package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** COMMAND DOCS and COMMAND GETKEYSANDFLAGS; GETKEYS itself is checked against redis-server in the differential test. */
class CommandDocsAndKeysTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void everyCommandHasDocumentation() {
        // A command added to the table without a line in command-docs.tsv fails here, naming it.
        List<String> undocumented = f.engine.commands().all().stream()
                .map(CommandSpec::name)
                .filter(name -> CommandDocs.of(name) == null)
                .toList();
        assertThat(undocumented).isEmpty();
    }

    @Test
    void docsAnswerAMapPerKnownCommandAndSkipUnknownOnes() {
        // The fields Redis always sends (summary, since, group) and the complexity, in the order asked.
        String docs = f.run("COMMAND DOCS pfadd nosuch GET");
        assertThat(docs)
                .startsWith("[\"pfadd\", [\"summary\", \"Adds elements to a HyperLogLog.\", \"since\", \"2.8.9\", "
                        + "\"group\", \"hyperloglog\", \"complexity\",")
                .contains("], \"get\", [\"summary\", ")
                .doesNotContain("nosuch");
        assertThat(f.run("COMMAND DOCS nosuch")).isEqualTo("[]");
    }

    @Test
    void getkeysandflagsMarksKeysOfReadOnlyCommandsRoAndOthersRw() {
        // Each key comes with a set of flags: RO when the command only reads, RW otherwise.
        assertThat(f.run("COMMAND GETKEYSANDFLAGS MGET a b")).isEqualTo("[[\"a\", [RO]], [\"b\", [RO]]]");
        assertThat(f.run("COMMAND GETKEYSANDFLAGS ZUNIONSTORE d 1 a")).isEqualTo("[[\"d\", [RW]], [\"a\", [RW]]]");
        assertThat(f.run("COMMAND GETKEYSANDFLAGS PING x")).isEqualTo("(error) ERR The command has no key arguments");
        assertThat(f.run("COMMAND GETKEYS GET"))
                .isEqualTo("(error) ERR wrong number of arguments for 'command|getkeys' command");
    }
}
