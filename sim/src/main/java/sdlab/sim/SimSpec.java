package sdlab.sim;

import java.util.List;
import java.util.Map;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;

/** Everything a {@link Simulation.Builder} collected: the inputs that, with the seed, fix a run. */
record SimSpec(
        long seed,
        NetworkConfig network,
        DiskConfig disk,
        Map<NodeId, NodeFactory> nodes,
        Map<NodeId, Client> clients,
        FaultPlan faults,
        Workload workload,
        boolean recordTrace,
        boolean hashTrace,
        long eventLimit,
        List<ScheduledAction> actions,
        List<Invariant> invariants,
        Steering steering) {}
