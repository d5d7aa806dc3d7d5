package sdlab.check.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.core.history.History;

/** On thousands of small random histories, the fast checker agrees with brute force. */
class DifferentialTest {
    private static final int SEEDS_PER_MODEL = 1500;

    static Stream<ReferenceModel> models() {
        return Stream.of(
                new ReferenceModel.CasRegister(false, 1),
                new ReferenceModel.CasRegister(true, 1),
                new ReferenceModel.CasRegister(true, 2),
                new ReferenceModel.KeyValue(2),
                new ReferenceModel.Mutex(),
                new ReferenceModel.GrowSet(),
                new ReferenceModel.Fifo());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fastCheckerAgreesWithBruteForceOnRandomHistories(ReferenceModel reference) {
        // Seeds 1..1500 per model; about half the histories are linearizable, so both answers are exercised.
        Model model = Models.byName(reference.name()).orElseThrow();
        int linearizable = 0;
        for (long seed = 1; seed <= SEEDS_PER_MODEL; seed++) {
            History history = RandomHistories.generate(reference, seed, 3, 8);
            List<Operation> ops = Operations.of(history);
            boolean expected = BruteForceChecker.linearizable(ops, reference);
            LinearizabilityResult result = Linearizability.check(ops, model, CheckLimits.unlimited());
            assertThat(result.verdict())
                    .as("seed %d, history %s", seed, history.ops())
                    .isEqualTo(expected ? Verdict.VALID : Verdict.INVALID);
            linearizable += expected ? 1 : 0;
        }
        assertThat(linearizable)
                .as("linearizable histories of %d", SEEDS_PER_MODEL)
                .isBetween(SEEDS_PER_MODEL / 5, SEEDS_PER_MODEL * 4 / 5);
    }
}
