package sdlab.chapters.cron;

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
import sdlab.lab.sweep.Sweep;

/**
 * Each fault kind alone: it strikes (its findings name it), it changes leaders or clocks, and the
 * guarantees that the chapter asserts on every seed still hold under it.
 */
class FaultKindsTest {
    private static final CronExperiment EXPERIMENT = new CronExperiment();
    private static final int SEEDS = 6;

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(CronParams.CRASHES, "fault: crash"),
                Arguments.of(CronParams.PARTITIONS, "fault: partition"),
                Arguments.of(CronParams.PAUSES, "fault: pause"),
                Arguments.of(CronParams.SKEW, "'s clock"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachKindAloneStrikesAndTheEverySeedGuaranteesHold(Param<Boolean> kind, String finding) {
        ParamValues values = ParamValues.defaults(EXPERIMENT.params());
        for (Param<Boolean> other :
                new Param[] {CronParams.CRASHES, CronParams.PARTITIONS, CronParams.PAUSES, CronParams.SKEW}) {
            values = values.with(other, other == kind ? "true" : "false");
        }
        ExperimentReport report = Sweep.quietly(EXPERIMENT, values, SEEDS);

        boolean struck = false;
        for (long seed = 1; seed <= SEEDS && !struck; seed++) {
            struck =
                    EXPERIMENT
                            .run(EXPERIMENT.variants(values).getFirst(), values, seed, sdlab.lab.RunOptions.lean())
                            .findings()
                            .stream()
                            .anyMatch(f -> f.contains(finding));
        }
        assertThat(struck).as(kind.name() + " struck on some seed").isTrue();
        for (ClaimResult claim : report.claimsByName().values()) {
            if (claim.role() == Claim.Role.ASSERTION && claim.scope() == Claim.Scope.EVERY_SEED) {
                assertThat(claim.holds())
                        .as(kind.name() + ": " + claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }
}
