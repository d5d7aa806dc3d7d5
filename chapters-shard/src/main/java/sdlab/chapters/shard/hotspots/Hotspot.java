package sdlab.chapters.shard.hotspots;

import sdlab.chapters.shard.UserKeys;
import sdlab.lab.ParamValues;
import sdlab.shard.store.ShardRouter;
import sdlab.sim.OperationGenerator;
import sdlab.sim.OperationGenerator.Operation;

/** The kinds of hotspot chapter 16 provokes, each with the workload that makes it. */
enum Hotspot {
    UNLUCKY_TOKENS("tokens", "uniform reads (90%) and updates; the hotspot is where the ring's tokens fell"),
    MONOTONIC("monotonic", "half the operations create users with increasing ids; the rest read uniformly"),
    HOT_RANGE("hotrange", "--hot-range of the operations on one block of 1% of the ids (a trending group)"),
    CELEBRITY("celebrity", "--celebrity of the operations read one user; the rest read and update uniformly"),
    HOT_WRITE(
            "hotwrite",
            "--hot-write of the operations write one key (a like counter), 1% read it; the rest read and update"
                    + " uniformly"),
    HOT_READ("hotread", "--hot-read of the operations read one key, 1% write it; the rest read and update uniformly");

    /** The celebrity: any id would do; this one sits mid-range. The hot write and hot read keys are the same user. */
    static final long CELEBRITY_ID = 4242;

    /**
     * The hot key's writes carry increasing values from here, above every loaded id, so that a read's value names the
     * write it returns and staleness can be measured from the history.
     */
    static final long HOT_VALUES_FROM = 1_000_000_000L;

    /** The share of operations that do the hot key's other kind of operation (reads of a hot write key, and so on). */
    static final double OTHER_SHARE = 0.01;

    final String prefix;
    final String description;

    Hotspot(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    /** A fresh generator for one run. */
    OperationGenerator generator(ParamValues values) {
        int keys = values.get(HotspotParams.KEYS);
        return switch (this) {
            case UNLUCKY_TOKENS -> (process, random) -> uniform(random.nextDouble() < 0.9, random.nextInt(keys));
            case MONOTONIC -> {
                long[] created = {0};
                yield (process, random) -> random.nextBoolean()
                        ? new Operation(ShardRouter.PUT, UserKeys.of(keys + created[0]++), 1L)
                        : uniform(true, random.nextInt(keys));
            }
            case HOT_RANGE -> {
                double share = values.get(HotspotParams.HOT_RANGE);
                int block = Math.max(1, keys / 100);
                int first = keys / 2;
                yield (process, random) -> random.nextDouble() < share
                        ? uniform(random.nextDouble() < 0.9, first + random.nextInt(block))
                        : uniform(random.nextDouble() < 0.9, random.nextInt(keys));
            }
            case CELEBRITY -> {
                double share = values.get(HotspotParams.CELEBRITY);
                yield (process, random) -> random.nextDouble() < share
                        ? uniform(true, CELEBRITY_ID % keys)
                        : uniform(random.nextDouble() < 0.9, random.nextInt(keys));
            }
            case HOT_WRITE -> hotKey(values.get(HotspotParams.HOT_WRITE), OTHER_SHARE, keys);
            case HOT_READ -> hotKey(OTHER_SHARE, values.get(HotspotParams.HOT_READ), keys);
        };
    }

    /** The hot key's name, for the scenario and the measurements. */
    static String hotKey(ParamValues values) {
        return UserKeys.of(CELEBRITY_ID % values.get(HotspotParams.KEYS));
    }

    /** {@code writeShare} of the operations write the hot key with increasing values, {@code readShare} read it. */
    private static OperationGenerator hotKey(double writeShare, double readShare, int keys) {
        String hot = UserKeys.of(CELEBRITY_ID % keys);
        long[] written = {HOT_VALUES_FROM};
        return (process, random) -> {
            double draw = random.nextDouble();
            if (draw < writeShare) {
                return new Operation(ShardRouter.PUT, hot, written[0]++);
            }
            if (draw < writeShare + readShare) {
                return new Operation(ShardRouter.GET, hot, null);
            }
            return uniform(random.nextDouble() < 0.9, random.nextInt(keys));
        };
    }

    private static Operation uniform(boolean read, long id) {
        return read
                ? new Operation(ShardRouter.GET, UserKeys.of(id), null)
                : new Operation(ShardRouter.PUT, UserKeys.of(id), id);
    }
}
