package sdlab.chapters.quorum;

import java.util.List;
import sdlab.check.history.OperationNames;
import sdlab.core.NodeId;

/**
 * Names processes and operations as the run's trace does, so that a finding can be found in the
 * trace: process p is the workload's p-th client ({@code c4} for process 3), and the checker's
 * operation i is the trace's {@code op i+1}, because the simulator numbers operations from 1 in the
 * order they start while the checker numbers the same order from 0.
 *
 * @param clients the workload's clients, in the order that gives them their process ids
 */
record TraceNames(List<NodeId> clients) implements OperationNames {
    TraceNames {
        clients = List.copyOf(clients);
    }

    @Override
    public String process(int process) {
        if (process < 0 || process >= clients.size()) {
            throw new IllegalArgumentException(
                    "process " + process + " is not one of the workload's " + clients.size() + " clients");
        }
        return clients.get(process).name();
    }

    @Override
    public String operation(int id) {
        return "op " + (id + 1);
    }
}
