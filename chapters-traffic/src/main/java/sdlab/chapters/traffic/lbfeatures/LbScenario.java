package sdlab.chapters.traffic.lbfeatures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;

/**
 * One simulated run of chapter 9: browsers loading pages through a load balancer to a few
 * backends, with a rolling deploy of every backend partway through. The browsers, their pages
 * and the deploy's start are the same in every variant of a seed; only the feature differs.
 */
final class LbScenario {
    static final String CLIENTS = "clients";

    private static final double LATENCY_SIGMA = 0.3;
    private static final double SERVICE_SIGMA = 0.5;
    private static final int HEAVY_FACTOR = 4;
    private static final NodeId BALANCER = NodeId.of("lb");

    /** What a run leaves for measurement. */
    record Outcome(SimResult sim, LbTally tally) {}

    private LbScenario() {}

    static void requireConsistent(ParamValues values) {
        if (values.get(LbParams.HEAVY_CLIENTS) > values.get(LbParams.CLIENTS)) {
            throw new ParamException("--heavy-clients cannot exceed --clients");
        }
    }

    static Outcome run(
            LbVariant variant,
            ParamValues values,
            boolean drainWaits,
            long seed,
            RunOptions options,
            SeedRun.Builder run) {
        int backendCount = values.get(LbParams.BACKENDS);
        LbTally tally = new LbTally(run, backendCount);
        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(LbParams.LATENCY), LATENCY_SIGMA)))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        List<NodeId> backends = new ArrayList<>();
        Latency service = Latency.logNormal(values.get(LbParams.SERVICE_TIME), SERVICE_SIGMA);
        long restartNanos = values.get(LbParams.RESTART_TIME).toNanos();
        for (int i = 1; i <= backendCount; i++) {
            int number = i;
            NodeId id = NodeId.of("backend" + i);
            backends.add(id);
            sim.addNode(id, node -> new BackendNode(number, BALANCER, service, restartNanos, tally));
        }
        BalancerNode.Setup balancer = new BalancerNode.Setup(
                backends,
                values.get(LbParams.BALANCE),
                variant.affinity(),
                variant.draining() && drainWaits,
                values.get(LbParams.DEPLOY_AT).toNanos(),
                values.get(LbParams.DRAIN_TIMEOUT).toNanos());
        sim.addNode(BALANCER, id -> new BalancerNode(balancer, tally));
        int clients = values.get(LbParams.CLIENTS);
        run.counter(CLIENTS, clients);
        for (int i = 1; i <= clients; i++) {
            boolean heavy = i <= values.get(LbParams.HEAVY_CLIENTS);
            sim.addClient(NodeId.of("browser" + i), new BrowserClient(browser(values, variant, heavy), tally));
        }
        Duration limit = values.get(LbParams.DURATION)
                .plus(values.get(LbParams.RESTART_TIME)
                        .plus(values.get(LbParams.DRAIN_TIMEOUT))
                        .multipliedBy(backendCount))
                .plus(values.get(LbParams.DEPLOY_AT))
                .plusMinutes(1);
        return new Outcome(sim.build().run(limit), tally);
    }

    private static BrowserClient.Setup browser(ParamValues values, LbVariant variant, boolean heavy) {
        Duration think = values.get(LbParams.THINK_TIME);
        return new BrowserClient.Setup(
                BALANCER,
                variant.h2(),
                values.get(LbParams.CONNECTIONS_MAX),
                values.get(LbParams.PAGE_REQUESTS),
                Latency.exponential(heavy ? think.dividedBy(HEAVY_FACTOR) : think),
                values.get(LbParams.DURATION).toNanos());
    }
}
