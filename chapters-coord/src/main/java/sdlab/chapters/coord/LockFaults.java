package sdlab.chapters.coord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import sdlab.coord.recipes.LockClient;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.sim.Partition;
import sdlab.sim.SimControl;
import sdlab.sim.Simulation;

/**
 * The faults of one seed, drawn from the seed alone so that every variant meets the same ones.
 * Each strikes the holder, as Jepsen's targeted nemeses do: from its time on, the first client
 * caught between reading the counter and writing it back (where a pause or a cut does harm), or
 * failing that within a second, whichever client holds the lock.
 *
 * <p>Swarm style: each kind the parameters allow is switched on for a seed with probability 0.6,
 * so some seeds see one kind alone.
 */
final class LockFaults {
    private static final long SALT = 0x10C5L;
    private static final double KIND_ON = 0.6;
    private static final int EVENTS_PER_KIND_MAX = 2;
    private static final Duration FIRST_AT = Duration.ofSeconds(3);
    private static final Duration QUIET_TAIL = Duration.ofSeconds(5);
    private static final Duration SEARCH = Duration.ofSeconds(1);
    static final Duration POLL = Duration.ofMillis(5);

    /** What happens to the holder. */
    enum Kind {
        PAUSE,
        PARTITION,
        CRASH
    }

    /** One targeted fault: from {@code atNanos}, {@code kind} strikes the holder for {@code lengthNanos}. */
    record HolderFault(Kind kind, long atNanos, long lengthNanos) {}

    private final List<HolderFault> faults;

    LockFaults(List<HolderFault> faults) {
        this.faults = List.copyOf(faults);
    }

    static LockFaults none() {
        return new LockFaults(List.of());
    }

    /** The seed's faults. */
    static LockFaults draw(ParamValues values, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        long session = values.get(LockParams.SESSION).toNanos();
        long first = FIRST_AT.toNanos();
        long last = values.get(LockParams.LENGTH).minus(QUIET_TAIL).toNanos();
        List<HolderFault> faults = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (enabled(values, kind) && random.nextDouble() < KIND_ON) {
                int count = 1 + random.nextInt(EVENTS_PER_KIND_MAX);
                for (int i = 0; i < count; i++) {
                    long at = first + random.nextLong(Math.max(1, last - first));
                    long length = session + random.nextLong(2 * session);
                    faults.add(new HolderFault(kind, at, length));
                }
            }
        }
        return new LockFaults(faults);
    }

    List<HolderFault> faults() {
        return faults;
    }

    /** Installs the faults in a run: a poller that strikes each fault's holder once it finds one. */
    void install(Simulation.Builder builder, List<NodeId> clients, List<NodeId> servers, HoldLog log) {
        if (faults.isEmpty()) {
            return;
        }
        boolean[] struck = new boolean[faults.size()];
        builder.every(POLL, control -> {
            for (int i = 0; i < faults.size(); i++) {
                HolderFault fault = faults.get(i);
                if (!struck[i] && control.nowNanos() >= fault.atNanos()) {
                    boolean late = control.nowNanos() >= fault.atNanos() + SEARCH.toNanos();
                    Optional<NodeId> holder = holder(control, clients, !late);
                    if (holder.isPresent()) {
                        strike(fault, holder.get(), control, servers, log);
                        struck[i] = true;
                    } else if (late) {
                        control.note("nemesis: no holder to " + name(fault.kind()));
                        struck[i] = true;
                    }
                }
            }
        });
    }

    private static void strike(
            HolderFault fault, NodeId target, SimControl control, List<NodeId> servers, HoldLog log) {
        Duration length = Duration.ofNanos(fault.lengthNanos());
        control.note("nemesis: " + name(fault.kind()) + " " + target + " for " + length.toMillis() + " ms");
        switch (fault.kind()) {
            case PAUSE -> control.pause(target, length);
            case PARTITION ->
                control.partition(Partition.between(new TreeSet<>(List.of(target)), new TreeSet<>(servers)), length);
            case CRASH -> {
                log.holdEnded(target, "crashed"); // a dead process holds nothing, whatever its znode says
                control.crash(target, length);
            }
        }
    }

    /** A client that holds the lock, computing if {@code computingOnly}. */
    private static Optional<NodeId> holder(SimControl control, List<NodeId> clients, boolean computingOnly) {
        for (NodeId id : clients) {
            if (control.node(id).orElse(null) instanceof LockClient client
                    && client.holding()
                    && (client.computing() || !computingOnly)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static boolean enabled(ParamValues values, Kind kind) {
        return switch (kind) {
            case PAUSE -> values.get(LockParams.PAUSES);
            case PARTITION -> values.get(LockParams.PARTITIONS);
            case CRASH -> values.get(LockParams.CRASHES);
        };
    }
}
