package sdlab.bench.sim;

import java.util.random.RandomGenerator;
import sdlab.kv.quorum.QuorumClient;
import sdlab.sim.KeyChooser;
import sdlab.sim.OperationGenerator;

/**
 * Reads and writes over a few uniformly chosen keys, as chapter 10 does. Every write writes a
 * value of its own (process number and a per-process counter), so the histories look like the
 * chapter's; the benchmark never checks them, but the store does the same work for them.
 */
final class ReadWriteMix implements OperationGenerator {
    /** Room for this many writes per process before two processes' values could collide. */
    private static final long VALUES_PER_PROCESS = 1_000_000_000L;

    private final KeyChooser keys;
    private final double readShare;
    private final long[] writesByProcess;

    ReadWriteMix(int keyCount, double readShare, int processCount) {
        this.keys = KeyChooser.uniform(keyCount);
        this.readShare = readShare;
        this.writesByProcess = new long[processCount];
    }

    @Override
    public Operation next(int process, RandomGenerator random) {
        String key = keys.next(random);
        if (random.nextDouble() < readShare) {
            return new Operation(QuorumClient.READ, key, null);
        }
        long sequence = ++writesByProcess[process];
        assert sequence < VALUES_PER_PROCESS;
        return new Operation(QuorumClient.WRITE, key, (process + 1) * VALUES_PER_PROCESS + sequence);
    }
}
