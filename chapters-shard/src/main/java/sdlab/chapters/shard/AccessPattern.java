package sdlab.chapters.shard;

import sdlab.lab.ParamValues;
import sdlab.shard.store.ShardRouter;
import sdlab.sim.OperationGenerator;
import sdlab.sim.OperationGenerator.Operation;

/**
 * The workloads chapter 15 runs against every scheme. Every one sends 1% scatter-gather aggregates (count and sum over
 * every user), so that their cost is measured everywhere.
 */
enum AccessPattern {
    UNIFORM("uniform", "the social graph: profile reads (90%) and updates (9%) of users drawn uniformly"),
    ZIPFIAN("zipf", "reads and updates as uniform, users drawn zipfian with skew --zipf (popular users)"),
    MONOTONIC("monotonic", "new users signing up with increasing ids (50% inserts), reads of existing users"),
    SCANS("scans", "range scans of --scan-length consecutive users (10%), point reads");

    private static final double AGGREGATES = 0.01;
    /**
     * Scans are a tenth of the scan workload: with a shard's fixed cost per request, a scan that asks every shard costs
     * several times the work of one that asks one, and at half the operations the hash schemes would be overloaded
     * outright; a tenth keeps every scheme below saturation so that the comparison is of latency, not of collapse.
     */
    private static final double SCAN_SHARE = 0.10;

    final String suffix;
    final String description;

    AccessPattern(String suffix, String description) {
        this.suffix = suffix;
        this.description = description;
    }

    /** A fresh generator for one run (the monotonic one counts the users it has created). */
    OperationGenerator generator(ParamValues values) {
        int keys = values.get(PartitioningParams.KEYS);
        return switch (this) {
            case UNIFORM ->
                (process, random) -> random.nextDouble() < AGGREGATES
                        ? aggregate()
                        : pointOp(random.nextDouble() < 0.9, random.nextInt(keys));
            case ZIPFIAN -> {
                ScrambledZipfian users = new ScrambledZipfian(keys, values.get(PartitioningParams.ZIPF));
                yield (process, random) -> random.nextDouble() < AGGREGATES
                        ? aggregate()
                        : pointOp(random.nextDouble() < 0.9, users.next(random));
            }
            case MONOTONIC -> {
                long[] created = {0};
                yield (process, random) -> {
                    double draw = random.nextDouble();
                    if (draw < AGGREGATES) {
                        return aggregate();
                    }
                    if (draw < 0.5 + AGGREGATES) {
                        return new Operation(ShardRouter.PUT, UserKeys.of(keys + created[0]++), 1L);
                    }
                    return pointOp(true, random.nextInt(keys));
                };
            }
            case SCANS -> {
                int length = values.get(PartitioningParams.SCAN_LENGTH);
                yield (process, random) -> {
                    double draw = random.nextDouble();
                    if (draw < AGGREGATES) {
                        return aggregate();
                    }
                    long from = random.nextInt(keys);
                    return draw < SCAN_SHARE + AGGREGATES
                            ? new Operation(ShardRouter.SCAN, UserKeys.of(from), UserKeys.of(from + length))
                            : pointOp(true, from);
                };
            }
        };
    }

    /** The user this workload draws most often: the zipfian's first rank; null where no user is favoured. */
    String mostPopular(ParamValues values) {
        if (this != ZIPFIAN) {
            return null;
        }
        int keys = values.get(PartitioningParams.KEYS);
        return UserKeys.of(new ScrambledZipfian(keys, values.get(PartitioningParams.ZIPF)).idOfRank(0));
    }

    private static Operation pointOp(boolean read, long id) {
        return read
                ? new Operation(ShardRouter.GET, UserKeys.of(id), null)
                : new Operation(ShardRouter.PUT, UserKeys.of(id), id);
    }

    private static Operation aggregate() {
        return new Operation(ShardRouter.COUNT, null, null);
    }
}
