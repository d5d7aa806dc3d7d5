package sdlab.sim;

import java.util.List;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
import sdlab.core.client.Invocation;

/**
 * Runs a {@link Workload} in one simulation: draws each process's operations from the
 * generator and hands them to the clients, at the pace of a closed or an open loop.
 */
abstract sealed class WorkloadDriver permits ClosedLoopDriver, OpenLoopDriver {

    final Engine engine;
    final ClientEndpoint[] processes;
    private final OperationGenerator generator;
    private final SplittableRandom[] randoms;
    private long opCount;

    WorkloadDriver(Engine engine, Workload workload) {
        this.engine = engine;
        List<NodeId> clients = workload.clients();
        this.processes = new ClientEndpoint[clients.size()];
        this.randoms = new SplittableRandom[clients.size()];
        this.generator = workload.generator();
        for (int process = 0; process < processes.length; process++) {
            if (!(engine.endpoint(clients.get(process)) instanceof ClientEndpoint client)) {
                throw new IllegalArgumentException(clients.get(process) + " is a node; a workload runs on clients");
            }
            client.process = process;
            processes[process] = client;
            // Named after the client, so adding a client does not change what others draw.
            randoms[process] = Seeds.derive(engine.seed(), "workload:" + client.id.name());
        }
    }

    static WorkloadDriver create(Engine engine, Workload workload) {
        return switch (workload.pace()) {
            case Workload.ClosedLoop closed -> new ClosedLoopDriver(engine, workload, closed);
            case Workload.OpenLoop open -> new OpenLoopDriver(engine, workload, open);
        };
    }

    abstract void start();

    /** Process {@code process} completed its open operation. */
    abstract void completed(int process);

    /** Whether every operation the workload will ever issue has been issued and completed. */
    abstract boolean done();

    /** The process's own generator, for its operations and think times. */
    final SplittableRandom random(int process) {
        return randoms[process];
    }

    /** Draws process {@code process}'s next operation and hands it to its client. */
    final void invokeNext(int process) {
        OperationGenerator.Operation op = generator.next(process, randoms[process]);
        if (op == null || op.f() == null) {
            throw new IllegalStateException("the operation generator returned no operation for process " + process);
        }
        processes[process].invoke(new Invocation(++opCount, process, op.f(), op.key(), op.value()));
    }
}
