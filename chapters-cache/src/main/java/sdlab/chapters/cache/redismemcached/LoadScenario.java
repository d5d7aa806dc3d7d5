package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.sim.KeyChooser;
import sdlab.sim.Latency;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * Chapter 11's load scenario: many clients without think time, each with one request in flight,
 * keep a node whose data set is loaded busy with GETs and some SETs. With more clients than the
 * node's workers can serve, requests queue, and the rate at which they complete is the node's
 * throughput under its service-time model: one event loop, or several worker threads.
 */
final class LoadScenario {
    /** The share of requests that are SETs, as in a read-mostly cache. */
    static final double SET_SHARE = 0.1;

    /**
     * What a load scenario produced.
     *
     * @param result the simulation's history and statistics
     * @param tallies what each client sent and received
     */
    record Outcome(SimResult result, List<WireTally> tallies) {}

    private LoadScenario() {}

    static Outcome run(ServerSpec spec, ParamValues values, long seed, boolean recordTrace) {
        int clientCount = values.get(ServerParams.LOAD_CLIENTS);
        int keys = values.get(ServerParams.KEYS);
        int valueBytes = values.get(ServerParams.VALUE_BYTES);
        DataSet data = new DataSet(keys, valueBytes);
        ServiceCosts costs = ServerParams.costs(values);
        List<NodeId> ids = new ArrayList<>(clientCount);
        for (int i = 0; i < clientCount; i++) {
            ids.add(NodeId.of("load" + i));
        }
        ZipfianGetSet generator = new ZipfianGetSet(KeyChooser.zipfian(keys, values.get(ServerParams.ZIPF)), SET_SHARE);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(ServerWorld.network())
                .disk(ServerWorld.disk(values))
                .addNode(CacheServerNode.ID, id -> new CacheServerNode(spec, costs, data))
                .workload(Workload.closedLoop(
                        ids, generator, values.get(ServerParams.LOAD_OPS), Latency.constant(Duration.ZERO)))
                .recordTrace(recordTrace);
        List<WireTally> tallies = new ArrayList<>(clientCount);
        for (NodeId id : ids) {
            CacheClient client =
                    new CacheClient(CacheServerNode.ID, spec.protocol(), valueBytes, CrashScenario.CLIENT_TIMEOUT);
            tallies.add(client.tally());
            builder.addClient(id, client);
        }
        return new Outcome(builder.build().run(Duration.ofMinutes(10)), List.copyOf(tallies));
    }
}
