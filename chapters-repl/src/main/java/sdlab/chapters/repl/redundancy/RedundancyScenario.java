package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplConfig;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 3: a pattern's nodes under a closed loop of writers and readers, a steady stretch in which its
 * traffic is counted, then a rolling maintenance that stops each of its running nodes in turn, and a stretch after.
 * Every node and client is wrapped so that what it sends is counted ({@link Traffic}).
 */
final class RedundancyScenario {
    private static final double ONE_WAY_SIGMA = 0.5;
    private static final double FSYNC_SIGMA = 0.3;
    /** The steady state whose traffic is counted starts after this: the first shipments and reports are over. */
    static final Duration WARM_UP = Duration.ofMillis(200);

    /**
     * What one run produced.
     *
     * @param result the history, trace and statistics
     * @param ledger what the store reported
     * @param traffic what every node and client sent
     * @param maintenance the stops
     * @param kept the values of the writes the pattern holds at the end
     * @param finalPrimary the node holding the primary's role at the end
     */
    record Outcome(
            SimResult result,
            RedundancyLedger ledger,
            Traffic traffic,
            Maintenance maintenance,
            Set<String> kept,
            NodeId finalPrimary) {}

    private RedundancyScenario() {}

    static Outcome run(
            RedundancyVariant variant, ReplConfig.Bug bug, ParamValues values, long seed, RunOptions options) {
        Deployment deployment = variant.deployment().apply(values);
        Maintenance maintenance = Maintenance.of(deployment.maintained(), values);
        RedundancyLedger ledger = new RedundancyLedger();
        List<NodeId> clients = clients(values);
        Cast cast = new Cast(values, bug, ledger, clients);
        Set<NodeId> stores = new HashSet<>(deployment.stores());
        long[] steady = steadyWindow(values, maintenance);
        Traffic traffic = new Traffic(stores, deployment.manager().orElse(null), steady[0], steady[1]);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(RedundancyParams.ONE_WAY), ONE_WAY_SIGMA)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.logNormal(values.get(RedundancyParams.FSYNC), FSYNC_SIGMA)))
                .faults(maintenance.plan())
                .workload(Workload.closedLoop(
                        clients,
                        writesAndReads(
                                cast.writers(),
                                values.get(RedundancyParams.KEYS),
                                values.get(RedundancyParams.VALUE_BYTES)),
                        Integer.MAX_VALUE,
                        Latency.exponential(values.get(RedundancyParams.THINK))))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId node : deployment.stores()) {
            builder.addNode(node, any -> new TalliedNode(deployment.node(node, cast), traffic));
        }
        deployment
                .manager()
                .ifPresent(manager ->
                        builder.addNode(manager, any -> new TalliedNode(deployment.node(manager, cast), traffic)));
        for (int process = 0; process < clients.size(); process++) {
            builder.addClient(clients.get(process), new TalliedClient(deployment.client(process, cast), traffic));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(Duration.ofNanos(maintenance.endNanos()));
        Function<NodeId, Node> nodes = id -> simulation
                .node(id)
                .map(node -> node instanceof TalliedNode tallied ? tallied.inner() : node)
                .orElse(null);
        return new Outcome(
                result, ledger, traffic, maintenance, deployment.kept(nodes), deployment.finalPrimary(nodes));
    }

    /**
     * The steady state whose traffic is counted, {from, until}: from the warm-up to the first stop, both moved to a
     * multiple of the archive timeout where the window still holds one. A cold standby's primary sends the archive, at
     * each multiple, what it wrote in the timeout before; its first timeout only asks where the archive is, and its
     * second sends everything since the start, so the window starts at the third at the earliest. The segments sent in
     * such a window carry the writes of a stretch as long as the window. The same window serves every pattern.
     */
    static long[] steadyWindow(ParamValues values, Maintenance maintenance) {
        long every = values.get(RedundancyParams.ARCHIVE_EVERY).toNanos();
        long from = Math.max(WARM_UP.toNanos(), 3 * every);
        long until = maintenance.startNanos();
        long alignedFrom = (from + every - 1) / every * every;
        long alignedUntil = until / every * every;
        return alignedUntil > alignedFrom
                ? new long[] {alignedFrom, alignedUntil}
                : new long[] {WARM_UP.toNanos(), until};
    }

    private static List<NodeId> clients(ParamValues values) {
        int count = values.get(RedundancyParams.WRITERS) + values.get(RedundancyParams.READERS);
        return IntStream.range(0, count).mapToObj(i -> NodeId.of("c" + i)).toList();
    }

    /**
     * Processes below {@code writers} write values unique in the run ("w{process}-{n}", padded with dots to {@code
     * valueBytes}); the others read.
     */
    private static OperationGenerator writesAndReads(int writers, int keys, int valueBytes) {
        Map<Integer, Integer> written = new HashMap<>();
        return (process, random) -> {
            String key = "k" + random.nextInt(keys);
            if (process < writers) {
                int n = written.merge(process, 1, Integer::sum);
                StringBuilder value =
                        new StringBuilder("w").append(process).append('-').append(n);
                value.append(".".repeat(Math.max(0, valueBytes - value.length())));
                return new OperationGenerator.Operation(ReplClient.WRITE, key, value.toString());
            }
            return new OperationGenerator.Operation(ReplClient.READ, key, null);
        };
    }
}
