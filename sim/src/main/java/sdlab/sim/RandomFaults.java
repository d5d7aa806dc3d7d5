package sdlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import sdlab.core.NodeId;

/**
 * Draws swarm-style random fault plans. First a random non-empty subset of the kinds the mix
 * allows is switched on (swarm testing: leaving kinds out per run explores more), then each
 * fault picks one of those kinds, a start uniform in the horizon and a length up to the mix's
 * maximum.
 */
final class RandomFaults {

    private enum Kind {
        PARTITION,
        CRASH,
        PAUSE,
        CLOG,
        SKEW
    }

    private static final double DRIFT_PPM_MAX = 200;

    private RandomFaults() {}

    static List<Fault> draw(FaultMix mix, List<NodeId> nodes, long horizonNanos, RandomGenerator random) {
        List<Kind> kinds = swarm(allowed(mix, nodes.size()), random);
        List<Fault> faults = new ArrayList<>();
        if (kinds.isEmpty() || mix.faultsPerRunMax() == 0 || horizonNanos <= 0) {
            return faults;
        }
        int count = 1 + random.nextInt(mix.faultsPerRunMax());
        long lengthMaxNanos = mix.faultLengthMax().toNanos();
        for (int i = 0; i < count; i++) {
            Kind kind = kinds.get(random.nextInt(kinds.size()));
            long atNanos = random.nextLong(horizonNanos);
            long lengthNanos = 1 + random.nextLong(lengthMaxNanos);
            faults.add(fault(kind, atNanos, lengthNanos, nodes, random));
        }
        return faults;
    }

    private static List<Kind> allowed(FaultMix mix, int nodeCount) {
        List<Kind> kinds = new ArrayList<>();
        boolean links = nodeCount >= 2;
        if (mix.partitions() && links) {
            kinds.add(Kind.PARTITION);
        }
        if (mix.crashes() && nodeCount >= 1) {
            kinds.add(Kind.CRASH);
        }
        if (mix.pauses() && nodeCount >= 1) {
            kinds.add(Kind.PAUSE);
        }
        if (mix.clogs() && links) {
            kinds.add(Kind.CLOG);
        }
        if (mix.skew() && nodeCount >= 1) {
            kinds.add(Kind.SKEW);
        }
        return kinds;
    }

    /** Keeps each allowed kind with probability one half, and at least one. */
    private static List<Kind> swarm(List<Kind> allowed, RandomGenerator random) {
        List<Kind> kept = new ArrayList<>();
        for (Kind kind : allowed) {
            if (random.nextBoolean()) {
                kept.add(kind);
            }
        }
        if (kept.isEmpty() && !allowed.isEmpty()) {
            kept.add(allowed.get(random.nextInt(allowed.size())));
        }
        return kept;
    }

    private static Fault fault(Kind kind, long atNanos, long lengthNanos, List<NodeId> nodes, RandomGenerator random) {
        NodeId node = nodes.get(random.nextInt(nodes.size()));
        return switch (kind) {
            case PARTITION -> new Fault.PartitionFault(atNanos, lengthNanos, partition(node, nodes, random));
            case CRASH -> new Fault.CrashFault(atNanos, node, lengthNanos);
            case PAUSE -> new Fault.PauseFault(atNanos, node, lengthNanos);
            case CLOG -> new Fault.ClogFault(atNanos, lengthNanos, node, other(node, nodes, random));
            case SKEW -> {
                long offsetNanos = random.nextLong(-lengthNanos / 2, lengthNanos / 2 + 1);
                double driftPpm = random.nextDouble(-DRIFT_PPM_MAX, DRIFT_PPM_MAX);
                yield new Fault.SkewFault(node, offsetNanos, driftPpm);
            }
        };
    }

    /** One of the shapes Jepsen's nemeses use: majority/minority, isolate one, or one-way. */
    private static Partition partition(NodeId node, List<NodeId> nodes, RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 -> Partition.majorityMinority(nodes, random);
            case 1 -> Partition.isolate(node, nodes);
            default -> Partition.oneWay(Set.of(node), Set.of(other(node, nodes, random)));
        };
    }

    private static NodeId other(NodeId node, List<NodeId> nodes, RandomGenerator random) {
        List<NodeId> others = new ArrayList<>(nodes);
        others.remove(node);
        return others.get(random.nextInt(others.size()));
    }
}
