package sdlab.chapters.repl.readreplica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.sweep.ReplayCheck;

/** One seed replays the same runs, byte for byte; another seed gives other runs. */
class ReadReplicaDeterminismTest {
    private final ReadReplicaExperiment experiment = new ReadReplicaExperiment();

    @Test
    void theSameSeedReplaysTheSameTraceAndAnotherSeedDoesNot() {
        // Shows: seed 7 twice gives identical traces, hashes and counters for every variant; seed 8 differs.
        assertThat(ReplayCheck.problems(experiment, SmallRun.values(experiment), 7))
                .isEmpty();
    }
}
