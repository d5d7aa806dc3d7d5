package sdlab.chapters.cache.redismemcached;

import java.util.random.RandomGenerator;
import sdlab.sim.OperationGenerator;

/**
 * The crash scenario's workload: every operation sets a key that no other operation sets
 * ({@code w<process>-<n>}), so that after a restart each key either holds its one value or is gone,
 * and a lost key names the one acknowledged write it lost. One generator serves one run.
 */
final class UniqueWrites implements OperationGenerator {
    private final int[] writesByProcess;

    UniqueWrites(int processCount) {
        this.writesByProcess = new int[processCount];
    }

    @Override
    public Operation next(int process, RandomGenerator random) {
        int sequence = writesByProcess[process]++;
        return new Operation(CacheClient.SET, "w" + process + "-" + sequence, null);
    }
}
