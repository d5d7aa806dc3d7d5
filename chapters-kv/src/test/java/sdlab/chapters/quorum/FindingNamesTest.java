package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.sim.TraceEvent;

/**
 * A finding names its client and operation exactly as the run's trace does, so that a reader who
 * replays it with {@code --trace} can search the trace for what the finding says.
 */
class FindingNamesTest {
    /** A seed on which n3r1w3 shows a violation: {@code ./sdlab run quorum --seed 5 --variant n3r1w3 --trace}. */
    private static final long SEED = 5;

    private static final Pattern CLIENT_AND_OP =
            Pattern.compile("\\b(c\\d+)\\b.*?\\((op \\d+)\\)|(op \\d+) of (c\\d+)");

    private final QuorumExperiment experiment = new QuorumExperiment();
    private final ParamValues defaults = ParamValues.defaults(experiment.params());

    @Test
    void theClientAndOperationAFindingNamesCompleteTogetherInTheTrace() {
        // Shows: the seed-5 n3r1w3 findings say "c4 ... (op 59)", and the trace has "COMPLETE c4 op 59".
        Variant variant = experiment.variants(defaults).stream()
                .filter(v -> v.name().equals("n3r1w3"))
                .findFirst()
                .orElseThrow();
        SeedRun run = experiment.run(variant, defaults, SEED, RunOptions.full());

        assertThat(run.findings())
                .as("seed %d of n3r1w3 shows a violation", SEED)
                .isNotEmpty();
        for (String finding : run.findings()) {
            Matcher named = CLIENT_AND_OP.matcher(finding);
            assertThat(named.find()).as("a client and an op in: %s", finding).isTrue();
            String client = named.group(1) != null ? named.group(1) : named.group(4);
            String op = named.group(2) != null ? named.group(2) : named.group(3);
            assertThat(completions(run.trace()))
                    .as("the trace completes %s on %s, as the finding says: %s", op, client, finding)
                    .anyMatch(line -> line.matches(".*COMPLETE +" + client + " " + op + "\\b.*"));
        }
    }

    private static List<String> completions(List<TraceEvent> trace) {
        return trace.stream()
                .filter(event -> event.kind() == TraceEvent.Kind.COMPLETE)
                .map(TraceEvent::format)
                .toList();
    }
}
