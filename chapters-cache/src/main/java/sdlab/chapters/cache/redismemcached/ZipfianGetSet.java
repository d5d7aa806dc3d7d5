package sdlab.chapters.cache.redismemcached;

import java.util.random.RandomGenerator;
import sdlab.sim.KeyChooser;
import sdlab.sim.OperationGenerator;

/** The load scenario's workload: GETs and a share of SETs over keys of Zipfian popularity, as caches see. */
final class ZipfianGetSet implements OperationGenerator {
    private final KeyChooser keys;
    private final double setShare;

    ZipfianGetSet(KeyChooser keys, double setShare) {
        this.keys = keys;
        this.setShare = setShare;
    }

    @Override
    public Operation next(int process, RandomGenerator random) {
        String key = keys.next(random);
        return new Operation(random.nextDouble() < setShare ? CacheClient.SET : CacheClient.GET, key, null);
    }
}
