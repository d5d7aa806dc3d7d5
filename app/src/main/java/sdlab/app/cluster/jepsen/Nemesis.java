package sdlab.app.cluster.jepsen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.NodeProcessState;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * Injects faults on a schedule, as Jepsen's nemesis does: a quiet interval, then one fault drawn
 * from the enabled kinds for an interval, then its repair, and again until the run ends. Which
 * fault and which nodes come from the run's seed; when they happen is wall-clock time, so two
 * real runs of one seed inject the same faults but interleave them differently with the load.
 */
final class Nemesis implements Runnable {
    /** How soon a sleeping nemesis notices that {@link #endNow()} was called. */
    private static final long SLEEP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ProcessCluster cluster;
    private final List<NemesisKind> kinds;
    private final long intervalNanos;
    /** When the faults stop; {@link #endNow()} brings it forward, for a run that ends when its work is done. */
    private volatile long deadlineNanos;

    private final SplittableRandom random;
    private final HistoryRecorder clock;
    private final Consumer<String> progress;
    private final List<String> events = new CopyOnWriteArrayList<>();

    Nemesis(
            ProcessCluster cluster,
            List<NemesisKind> kinds,
            long intervalNanos,
            long deadlineNanos,
            long seed,
            HistoryRecorder clock,
            Consumer<String> progress) {
        this.cluster = cluster;
        this.kinds = List.copyOf(kinds);
        this.intervalNanos = intervalNanos;
        this.deadlineNanos = deadlineNanos;
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Ends the faults now: the fault in force is repaired and no other comes. The run's thread then
     * repairs everything and returns, so join it to know the cluster is whole again.
     */
    void endNow() {
        deadlineNanos = System.nanoTime();
    }

    /** What the nemesis did, one line per fault and repair, with the run's time. */
    List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void run() {
        if (kinds.isEmpty()) {
            return;
        }
        try {
            while (waitUntil(System.nanoTime() + intervalNanos)) {
                NemesisKind kind = kinds.get(random.nextInt(kinds.size()));
                Runnable repair = inject(kind);
                waitUntil(Math.min(System.nanoTime() + intervalNanos, deadlineNanos));
                repair.run();
            }
        } catch (IOException | RuntimeException e) {
            record("nemesis failed: " + e);
        } finally {
            repairEverything();
        }
    }

    /** Heals the network, resumes paused nodes and restarts killed ones; safe to call more than once. */
    void repairEverything() {
        try {
            if (!cluster.layout().faults().isEmpty()) {
                cluster.heal();
                record("heal");
            }
            for (NodeId id : cluster.nodes()) {
                switch (cluster.state(id)) {
                    case PAUSED -> {
                        cluster.resume(id);
                        record("resume " + id);
                    }
                    case DOWN -> {
                        cluster.restart(id);
                        record("restart " + id);
                    }
                    case RUNNING -> {}
                }
            }
        } catch (IOException | RuntimeException e) {
            record("repair failed: " + e);
        }
    }

    private Runnable inject(NemesisKind kind) throws IOException {
        List<NodeId> nodes = shuffled(cluster.nodes());
        switch (kind) {
            case PARTITION -> {
                int minority = Math.max(1, (nodes.size() - 1) / 2);
                List<NodeId> small = List.copyOf(nodes.subList(0, minority));
                List<NodeId> large = List.copyOf(nodes.subList(minority, nodes.size()));
                cluster.partition(List.of(small, large));
                record("partition " + small + " " + large);
                return this::heal;
            }
            case ONE_WAY -> {
                cluster.partitionOneWay(nodes.get(0), nodes.get(1));
                record("one-way " + nodes.get(0) + " -> " + nodes.get(1));
                return this::heal;
            }
            case LOSS -> {
                cluster.loss(0.2);
                record("loss 20%");
                return this::heal;
            }
            case KILL -> {
                NodeId victim = nodes.getFirst();
                cluster.kill(victim);
                record("kill " + victim);
                return () -> {
                    try {
                        cluster.restart(victim);
                        record("restart " + victim);
                    } catch (IOException | RuntimeException e) {
                        record("restart " + victim + " failed: " + e);
                    }
                };
            }
            case PAUSE -> {
                NodeId victim = nodes.getFirst();
                cluster.pause(victim);
                record("pause " + victim);
                return () -> {
                    if (cluster.state(victim) == NodeProcessState.PAUSED) {
                        cluster.resume(victim);
                        record("resume " + victim);
                    }
                };
            }
        }
        throw new AssertionError(kind);
    }

    private void heal() {
        try {
            cluster.heal();
            record("heal");
        } catch (IOException | RuntimeException e) {
            record("heal failed: " + e);
        }
    }

    private List<NodeId> shuffled(List<NodeId> nodes) {
        List<NodeId> copy = new ArrayList<>(nodes);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            NodeId swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    private void record(String event) {
        String line = "[%6.1fs] %s".formatted(clock.elapsedSeconds(), event);
        events.add(line);
        progress.accept(line);
    }

    /** Sleeps until {@code nanos} or the run's end, even one brought forward; false if the run has ended. */
    private boolean waitUntil(long nanos) {
        long left;
        while ((left = Math.min(nanos, deadlineNanos) - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, SLEEP_SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return System.nanoTime() < deadlineNanos;
    }
}
