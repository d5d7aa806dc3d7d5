package sdlab.check.oracles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.Verdict;
import sdlab.check.history.HistoryParser;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.Models;
import sdlab.check.testing.Oracles;
import sdlab.check.testing.Oracles.Oracle;

/** Porcupine's test histories get the verdicts their sources give (etcd/VERDICTS.txt, kv file names). */
class PorcupineOracleTest {

    static Stream<Arguments> oracles() {
        List<Oracle> all = Oracles.all();
        if (all.isEmpty()) {
            // A parameterized test with no arguments fails; hand over one marker that the test skips.
            return Stream.of(Arguments.of((Oracle) null));
        }
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void everyOracleHistoryGetsItsSourcesVerdict(Oracle oracle) {
        // The verdict must match Porcupine's and Jepsen's; a step limit keeps a regression from hanging the build.
        assumeTrue(oracle != null, "oracle histories not found; looked at " + Oracles.searched());
        LinearizabilityResult result = Linearizability.check(
                HistoryParser.parse(oracle.text()),
                Models.byName(oracle.model()).orElseThrow(),
                CheckLimits.steps(500_000_000));
        assertThat(result.verdict())
                .as("%s (%d steps)", oracle.name(), result.steps())
                .isEqualTo(oracle.linearizable() ? Verdict.VALID : Verdict.INVALID);
    }

    @Test
    void theOracleSetIsComplete() {
        // At least the fifty etcd logs and four kv files: a missing file would silently weaken the test above.
        assumeTrue(Oracles.porcupineDir().isPresent(), "oracle histories not found; looked at " + Oracles.searched());
        assertThat(Oracles.all()).hasSizeGreaterThanOrEqualTo(54);
    }
}
