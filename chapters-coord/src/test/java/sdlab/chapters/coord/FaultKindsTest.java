package sdlab.chapters.coord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.lab.Claim;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.sweep.Sweep;

/**
 * Each fault kind alone: it is drawn on some seed (its findings name it), and the guarantees the
 * chapter asserts on every seed still hold under it. The report of each is printed: what a kind
 * alone does to each recipe is part of the chapter's text.
 */
class FaultKindsTest {
    private static final LockExperiment EXPERIMENT = new LockExperiment();
    private static final int SEEDS = 6;

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(LockParams.PAUSES, "fault: pause"),
                Arguments.of(LockParams.PARTITIONS, "fault: partition"),
                Arguments.of(LockParams.CRASHES, "fault: crash"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachKindAloneStrikesAndTheEverySeedGuaranteesHold(Param<Boolean> kind, String finding) {
        ParamValues values = ParamValues.defaults(EXPERIMENT.params());
        for (Param<Boolean> other : java.util.List.of(LockParams.PAUSES, LockParams.PARTITIONS, LockParams.CRASHES)) {
            values = values.with(other, other == kind ? "true" : "false");
        }
        ExperimentReport report = Sweep.quietly(EXPERIMENT, values, SEEDS);
        System.out.println(TerminalReport.render(report, false));

        boolean struck = false;
        for (long seed = 1; seed <= SEEDS && !struck; seed++) {
            struck =
                    EXPERIMENT
                            .run(EXPERIMENT.variants(values).getFirst(), values, seed, sdlab.lab.RunOptions.lean())
                            .findings()
                            .stream()
                            .anyMatch(f -> f.contains(finding));
        }
        assertThat(struck).as(kind.name() + " drawn on some seed").isTrue();
        for (ClaimResult claim : report.claimsByName().values()) {
            if (claim.role() == Claim.Role.ASSERTION && claim.scope() == Claim.Scope.EVERY_SEED) {
                assertThat(claim.holds())
                        .as(kind.name() + ": " + claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }
}
