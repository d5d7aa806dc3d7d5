package sdlab.chapters.cache.warmup;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import sdlab.sim.KeyChooser;
import sdlab.sim.OperationGenerator;

/**
 * Chapter 13's traffic: reads of records chosen uniformly from a data set much larger than the
 * number of requests, so that most records are read at most once (rarely read data), and a small
 * share of writes.
 *
 * <p>The keys come from the generator's own seeded stream in arrival order, not from the process
 * that happens to take the arrival, so that every variant of a seed sees the same requests in the
 * same order even though their latencies differ. One generator serves one run.
 */
final class RareReadsAndWrites implements OperationGenerator {
    private final KeyChooser keys;
    private final double writeShare;
    private final SplittableRandom stream;

    RareReadsAndWrites(int keyCount, double writeShare, long seed) {
        this.keys = KeyChooser.uniform(keyCount);
        this.writeShare = writeShare;
        this.stream = new SplittableRandom(seed);
    }

    @Override
    public Operation next(int process, RandomGenerator processRandom) {
        String f = stream.nextDouble() < writeShare ? WarmupClient.WRITE : WarmupClient.READ;
        return new Operation(f, keys.next(stream), null);
    }
}
