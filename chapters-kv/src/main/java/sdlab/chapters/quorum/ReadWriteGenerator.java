package sdlab.chapters.quorum;

import java.util.random.RandomGenerator;
import sdlab.kv.quorum.QuorumClient;
import sdlab.sim.KeyChooser;
import sdlab.sim.OperationGenerator;

/**
 * Reads and writes of the quorum store over a few uniformly chosen keys, chapter 10's
 * workload (the simulator benchmark uses it too). Every write writes a value no other write
 * in the run writes (process number and a per-process counter), so a checker can tell which
 * write a read saw. One generator serves one run: it counts each process's writes.
 */
public final class ReadWriteGenerator implements OperationGenerator {
    /** Room for this many writes per process before values of two processes could collide. */
    private static final long VALUES_PER_PROCESS = 1_000_000_000L;

    private final KeyChooser keys;
    private final double readShare;
    private final long[] writesByProcess;

    /** Operations over {@code keyCount} keys, a {@code readShare} of them reads, for {@code processCount} processes. */
    public ReadWriteGenerator(int keyCount, double readShare, int processCount) {
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
