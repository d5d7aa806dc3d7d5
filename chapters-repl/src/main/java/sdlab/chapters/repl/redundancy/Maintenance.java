package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.sim.FaultPlan;

/**
 * A rolling maintenance: from {@code maintenance-at}, each node in turn is stopped for {@code down} and restarted, the
 * next one {@code between} after the last came back. A stop is a crash as the simulator has it (what was not synced is
 * lost, the disk keeps the rest); the node restarts from its disk.
 *
 * @param windows each node's stop, in order
 * @param endNanos when the run ends: {@code after} the last restart
 */
record Maintenance(List<Window> windows, long endNanos) {
    /** {@code node} is down from {@code stopNanos} to {@code restartNanos}. */
    record Window(NodeId node, long stopNanos, long restartNanos) {}

    Maintenance {
        windows = List.copyOf(windows);
    }

    static Maintenance of(List<NodeId> order, ParamValues values) {
        long at = values.get(RedundancyParams.MAINTENANCE_AT).toNanos();
        long down = values.get(RedundancyParams.DOWN).toNanos();
        long between = values.get(RedundancyParams.BETWEEN).toNanos();
        List<Window> windows = new ArrayList<>();
        for (NodeId node : order) {
            windows.add(new Window(node, at, at + down));
            at += down + between;
        }
        return new Maintenance(
                windows,
                windows.getLast().restartNanos()
                        + values.get(RedundancyParams.AFTER).toNanos());
    }

    long startNanos() {
        return windows.getFirst().stopNanos();
    }

    FaultPlan plan() {
        FaultPlan.Builder plan = FaultPlan.builder();
        windows.forEach(window -> plan.crash(
                Duration.ofNanos(window.stopNanos()),
                window.node(),
                Duration.ofNanos(window.restartNanos() - window.stopNanos())));
        return plan.build();
    }

    /** The window of the node maintained last: the primary's, in every pattern. */
    Window last() {
        return windows.getLast();
    }
}
