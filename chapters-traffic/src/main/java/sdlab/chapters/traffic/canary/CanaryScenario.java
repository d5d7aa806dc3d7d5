package sdlab.chapters.traffic.canary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.chapters.traffic.canary.CanaryMessage.DnsRecord;
import sdlab.chapters.traffic.canary.CanaryMessage.Endpoints;
import sdlab.chapters.traffic.canary.CanaryMessage.HeaderRule;
import sdlab.chapters.traffic.canary.CanaryMessage.SetVersion;
import sdlab.chapters.traffic.canary.DeployerNode.Step;
import sdlab.core.NodeId;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.traffic.routing.CanarySelector;

/**
 * One simulated run of chapter 4: users browsing in sessions, the site's serving fleet as
 * the strategy arranges it, and a deployer that starts the canary and later rolls it back.
 * Users, their sessions and the timeline are the same in every variant of a seed.
 */
final class CanaryScenario {
    private static final double LATENCY_SIGMA = 0.3;
    private static final long THINK_MIN_NANOS = Duration.ofMillis(100).toNanos();
    private static final NodeId INGRESS = NodeId.of("ingress");
    private static final NodeId DNS = NodeId.of("dns");
    private static final NodeId BLUE = NodeId.of("blue");
    private static final NodeId GREEN = NodeId.of("green");
    private static final NodeId DEPLOYER = NodeId.of("deployer");

    /** What a run leaves for measurement. */
    record Outcome(SimResult sim, CanaryTally tally) {}

    private CanaryScenario() {}

    static void requireConsistent(ParamValues values) {
        if (values.get(CanaryParams.CHOSEN) >= values.get(CanaryParams.USERS)) {
            throw new ParamException("--chosen must be below --users, so that some users are not chosen");
        }
        if (values.get(CanaryParams.CANARY_PODS) >= values.get(CanaryParams.PODS)) {
            throw new ParamException("--canary-pods must be below --pods, so that some pods stay stable");
        }
        if (values.get(CanaryParams.CANARY_AT).compareTo(values.get(CanaryParams.ROLLBACK_AT)) >= 0) {
            throw new ParamException("--canary-at must come before --rollback-at");
        }
    }

    static Outcome run(
            CanaryVariant variant,
            ParamValues values,
            CanaryRouter router,
            long seed,
            RunOptions options,
            SeedRun.Builder measurements) {
        long canaryAt = values.get(CanaryParams.CANARY_AT).toNanos();
        long rollbackAt = values.get(CanaryParams.ROLLBACK_AT).toNanos();
        CanaryTally tally = new CanaryTally(
                measurements,
                new CanaryTally.Timeline(
                        canaryAt + values.get(CanaryParams.SETTLE).toNanos(), rollbackAt));
        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(CanaryParams.LATENCY), LATENCY_SIGMA)))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        List<Step> plan = fleet(variant.strategy(), values, router, tally, sim);
        sim.addNode(DEPLOYER, id -> new DeployerNode(plan));
        NodeId site = variant.strategy() == CanaryVariant.Strategy.DNS_FLIP ? null : INGRESS;
        int users = values.get(CanaryParams.USERS);
        int chosen = values.get(CanaryParams.CHOSEN);
        for (int i = 1; i <= users; i++) {
            sim.addClient(NodeId.of("user" + i), new UserClient(user(values, i <= chosen, site), tally));
        }
        Duration limit = values.get(CanaryParams.DURATION)
                .plus(values.get(CanaryParams.ROLLBACK_AT))
                .plusMinutes(1);
        return new Outcome(sim.build().run(limit), tally);
    }

    /** Adds the serving nodes of {@code strategy} and returns the deployer's plan for them. */
    private static List<Step> fleet(
            CanaryVariant.Strategy strategy,
            ParamValues values,
            CanaryRouter router,
            CanaryTally tally,
            Simulation.Builder sim) {
        long canaryAt = values.get(CanaryParams.CANARY_AT).toNanos();
        long rollbackAt = values.get(CanaryParams.ROLLBACK_AT).toNanos();
        int pods = values.get(CanaryParams.PODS);
        int canaryPods = values.get(CanaryParams.CANARY_PODS);
        long configDelay = values.get(CanaryParams.CONFIG_DELAY).toNanos();
        CanarySelector selector = new CanarySelector(CanaryRouter.rule(values.get(CanaryParams.PIN_SESSIONS)));
        return switch (strategy) {
            case INGRESS_HEADER -> {
                List<NodeId> stable = pods(sim, "pod", pods - canaryPods, Version.STABLE, tally);
                List<NodeId> canary = pods(sim, "canary", canaryPods, Version.CANARY, tally);
                sim.addNode(
                        INGRESS,
                        id -> new IngressNode(new IngressNode.Setup(stable, canary, selector, router, configDelay)));
                yield List.of(
                        new Step(canaryAt, INGRESS, new HeaderRule(true)),
                        new Step(rollbackAt, INGRESS, new HeaderRule(false)));
            }
            case RANDOM_PODS -> {
                List<NodeId> stable = pods(sim, "pod", pods - canaryPods, Version.STABLE, tally);
                List<NodeId> canary = pods(sim, "canary", canaryPods, Version.CANARY, tally);
                List<NodeId> all = new ArrayList<>(stable);
                all.addAll(canary);
                sim.addNode(
                        INGRESS,
                        id -> new IngressNode(new IngressNode.Setup(stable, List.of(), selector, router, configDelay)));
                yield List.of(
                        new Step(canaryAt, INGRESS, new Endpoints(all)),
                        new Step(rollbackAt, INGRESS, new Endpoints(stable)));
            }
            case DNS_FLIP -> {
                sim.addNode(BLUE, id -> new PodNode(Version.STABLE, tally));
                sim.addNode(GREEN, id -> new PodNode(Version.CANARY, tally));
                long ttl = values.get(CanaryParams.DNS_TTL).toNanos();
                sim.addNode(DNS, id -> new DnsNode(BLUE, ttl));
                yield List.of(
                        new Step(canaryAt, DNS, new DnsRecord(GREEN)), new Step(rollbackAt, DNS, new DnsRecord(BLUE)));
            }
            case DAEMONSET -> daemonSet(values, tally, sim, canaryAt, rollbackAt);
        };
    }

    /** Every node runs one pod; the first few switch to the canary one step apart, and back in reverse. */
    private static List<Step> daemonSet(
            ParamValues values, CanaryTally tally, Simulation.Builder sim, long canaryAt, long rollbackAt) {
        int canaryNodes = values.get(CanaryParams.CANARY_PODS);
        List<NodeId> nodes = pods(sim, "node", values.get(CanaryParams.PODS), Version.STABLE, tally);
        List<NodeId> updated = nodes.subList(0, canaryNodes);
        long stepNanos = values.get(CanaryParams.ROLLOUT_STEP).toNanos();
        sim.addNode(
                INGRESS,
                id -> new IngressNode(new IngressNode.Setup(
                        nodes, List.of(), new CanarySelector(CanaryRouter.rule(false)), CanaryRouter.SHARED, 0)));
        List<Step> plan = new ArrayList<>();
        for (int i = 0; i < canaryNodes; i++) {
            plan.add(new Step(canaryAt + i * stepNanos, updated.get(i), new SetVersion(Version.CANARY)));
            plan.add(new Step(
                    rollbackAt + i * stepNanos, updated.get(canaryNodes - 1 - i), new SetVersion(Version.STABLE)));
        }
        return plan;
    }

    private static List<NodeId> pods(
            Simulation.Builder sim, String prefix, int count, Version version, CanaryTally tally) {
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            NodeId id = NodeId.of(prefix + i);
            sim.addNode(id, node -> new PodNode(version, tally));
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static UserClient.Setup user(ParamValues values, boolean chosen, NodeId site) {
        long thinkMaxNanos = values.get(CanaryParams.THINK_TIME_MAX).toNanos();
        return new UserClient.Setup(
                chosen,
                site,
                DNS,
                values.get(CanaryParams.SESSION_REQUESTS_MAX),
                Latency.uniform(Duration.ofNanos(THINK_MIN_NANOS), Duration.ofNanos(thinkMaxNanos)),
                Latency.exponential(values.get(CanaryParams.SESSION_GAP)),
                values.get(CanaryParams.DURATION).toNanos());
    }
}
