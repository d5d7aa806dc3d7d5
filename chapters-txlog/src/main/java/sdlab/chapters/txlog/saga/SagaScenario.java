package sdlab.chapters.txlog.saga;

import static sdlab.chapters.txlog.saga.SagaParams.ATTEMPTS;
import static sdlab.chapters.txlog.saga.SagaParams.CRASH_AT;
import static sdlab.chapters.txlog.saga.SagaParams.DOWN_FOR;
import static sdlab.chapters.txlog.saga.SagaParams.DUPLICATE;
import static sdlab.chapters.txlog.saga.SagaParams.FSYNC;
import static sdlab.chapters.txlog.saga.SagaParams.INTERVAL;
import static sdlab.chapters.txlog.saga.SagaParams.LOAD_FACTOR;
import static sdlab.chapters.txlog.saga.SagaParams.LOSS;
import static sdlab.chapters.txlog.saga.SagaParams.ONE_WAY;
import static sdlab.chapters.txlog.saga.SagaParams.PAUSE;
import static sdlab.chapters.txlog.saga.SagaParams.READ_EVERY;
import static sdlab.chapters.txlog.saga.SagaParams.REJECT;
import static sdlab.chapters.txlog.saga.SagaParams.RUN;
import static sdlab.chapters.txlog.saga.SagaParams.SAGAS;
import static sdlab.chapters.txlog.saga.SagaParams.STEP_TIMEOUT;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.txlog.saga.ChoreographedService;
import sdlab.txlog.saga.SagaConfig;
import sdlab.txlog.saga.SagaOrchestrator;
import sdlab.txlog.saga.SagaService;

/**
 * One run of chapter 21: a client placing orders, three services and a reader, and either an orchestrator or (the
 * choreography variant) services that drive the saga among themselves.
 */
final class SagaScenario {
    static final NodeId ORCHESTRATOR = NodeId.of("orchestrator");
    static final NodeId CLIENT = NodeId.of("client");
    static final NodeId READER = NodeId.of("reader");
    static final NodeId ORDER = NodeId.of("order");
    static final NodeId PAYMENT = NodeId.of("payment");
    static final NodeId INVENTORY = NodeId.of("inventory");
    static final List<NodeId> SERVICES = List.of(ORDER, PAYMENT, INVENTORY);

    /** Each service's business rule, in step order: orders are always created, payments and stock have limits. */
    static final Map<NodeId, SagaService.Rule> RULES = Map.of(
            ORDER, SagaService.Rule.ACCEPT_ALL,
            PAYMENT, SagaService.Rule.AMOUNT_AT_MOST,
            INVENTORY, SagaService.Rule.QUANTITY_AT_MOST);

    static final Map<NodeId, Long> LIMITS =
            Map.of(ORDER, 0L, PAYMENT, OrderClient.AMOUNT_LIMIT, INVENTORY, OrderClient.QUANTITY_LIMIT);

    /** What a run left: the client's history, the services' stores and what the reader saw. */
    record Outcome(
            SimResult result,
            OrderClient client,
            Map<NodeId, Map<String, SagaService.Tally>> ledgers,
            StoreReader reader) {}

    private SagaScenario() {}

    static Outcome run(
            SagaVariantSettings variant,
            UnaryOperator<SagaConfig> configChange,
            ParamValues values,
            long seed,
            RunOptions options) {
        SagaConfig config = configChange.apply(new SagaConfig(
                SERVICES,
                variant.idempotencyKeys(),
                variant.durableLog(),
                values.get(STEP_TIMEOUT),
                values.get(ATTEMPTS),
                SagaConfig.Bug.NONE));
        long interval = values.get(INTERVAL).toNanos() / (variant.loadSpike() ? values.get(LOAD_FACTOR) : 1);
        OrderClient client = new OrderClient(new OrderClient.Settings(
                variant.choreography() ? ORDER : ORCHESTRATOR,
                variant.choreography() ? SERVICES : List.of(ORCHESTRATOR),
                values.get(SAGAS),
                interval,
                variant.rejections() ? values.get(REJECT) : 0,
                values.get(STEP_TIMEOUT).toNanos()));
        StoreReader reader = new StoreReader(SERVICES, values.get(READ_EVERY).toNanos());
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(ONE_WAY), 0.5))
                        .withLoss(values.get(LOSS))
                        .withDuplication(values.get(DUPLICATE)))
                .disk(DiskConfig.defaults().withSyncLatency(Latency.logNormal(values.get(FSYNC), 0.3)))
                .addNode(CLIENT, any -> client)
                .addNode(READER, any -> reader)
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        if (variant.choreography()) {
            for (int i = 0; i < SERVICES.size(); i++) {
                NodeId service = SERVICES.get(i);
                int index = i;
                builder.addNode(
                        service,
                        any -> new ChoreographedService(
                                index,
                                SERVICES,
                                RULES.get(service),
                                LIMITS.get(service),
                                values.get(STEP_TIMEOUT),
                                config.bug()));
            }
        } else {
            builder.addNode(ORCHESTRATOR, any -> new SagaOrchestrator(config));
            for (NodeId service : SERVICES) {
                builder.addNode(service, any -> new SagaService(RULES.get(service), LIMITS.get(service)));
            }
        }
        if (variant.orchestratorCrash()) {
            Duration down = values.get(DOWN_FOR);
            builder.at(values.get(CRASH_AT), control -> control.crash(ORCHESTRATOR, down));
        }
        if (variant.pauses()) {
            schedulePauses(builder, values);
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(values.get(RUN));
        Map<NodeId, Map<String, SagaService.Tally>> ledgers = new LinkedHashMap<>();
        for (NodeId service : SERVICES) {
            ledgers.put(
                    service,
                    switch (simulation.nodeAtEnd(service)) {
                        case SagaService s -> s.ledger();
                        case ChoreographedService c -> c.ledger();
                        default -> throw new IllegalStateException(service + " is not a saga service");
                    });
        }
        return new Outcome(result, client, Map.copyOf(ledgers), reader);
    }

    /** Two pauses per service, staggered through the time orders arrive, so each stalls sagas in flight. */
    private static void schedulePauses(Simulation.Builder builder, ParamValues values) {
        Duration pause = values.get(PAUSE);
        long span = values.get(INTERVAL).toNanos() * values.get(SAGAS);
        for (int i = 0; i < SERVICES.size(); i++) {
            NodeId service = SERVICES.get(i);
            for (int k = 0; k < 2; k++) {
                long at = span * (1 + 2 * i + 6 * k) / 12;
                builder.at(Duration.ofNanos(at), control -> control.pause(service, pause));
            }
        }
    }
}
