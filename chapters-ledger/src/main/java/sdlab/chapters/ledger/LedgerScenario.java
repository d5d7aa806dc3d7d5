package sdlab.chapters.ledger;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import sdlab.consensus.raft.RaftCluster;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.ledger.LedgerClient;
import sdlab.ledger.LedgerConfig;
import sdlab.ledger.LedgerStore;
import sdlab.sim.FaultMix;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One simulated run of chapter 1: the store of the variant's level, closed-loop clients making
 * transfers the variant's way and then auditing, and a random fault plan drawn from the seed
 * alone, so every variant of a seed meets the same partitions and crashes at the same moments.
 */
public final class LedgerScenario {
    /** Think time between a client's transfers, drawn uniformly from zero to this. */
    private static final Duration THINK_TIME_MAX = Duration.ofMillis(10);

    /** A rough span of one transfer plus think time, used to size the fault plan's window. */
    private static final Duration TRANSFER_SPAN = Duration.ofMillis(40);

    /** The workload starts once the Raft store has had time to elect a leader (the same for every level). */
    private static final Duration WARM_UP = Duration.ofSeconds(1);

    /** How long a client waits after its last transfer before its audit: past every fault and every client's retries. */
    static final int AUDIT_DELAY_MS = 12_000;

    /** How often a compare-and-set transfer reads again after losing a race, per step. */
    public static final int CONFLICT_RETRIES_MAX = 16;

    private static final double LATENCY_SIGMA = 0.5;

    /** Mixes the seed for the fault plan's generator, so it differs from the simulation's own. */
    private static final long FAULT_SEED_SALT = 0x1ED6E5L;

    private LedgerScenario() {}

    static LedgerConfig config(LedgerVariant variant, ParamValues values, LedgerConfig.StoreBug bug) {
        return new LedgerConfig(
                values.get(LedgerParams.ACCOUNTS),
                values.get(LedgerParams.INITIAL_BALANCE),
                values.get(LedgerParams.CLIENTS),
                variant.way(),
                CONFLICT_RETRIES_MAX,
                AUDIT_DELAY_MS,
                bug);
    }

    static SimResult run(
            LedgerVariant variant, LedgerConfig config, ParamValues values, long seed, RunOptions options) {
        LedgerStore store = LedgerStore.of(variant.level(), values.get(LedgerParams.NODES), config.bug());
        List<NodeId> clients = RaftCluster.clientIds(config.clients());
        int transfers = values.get(LedgerParams.TRANSFERS_PER_CLIENT);
        TransferGenerator generator = new TransferGenerator(
                config.accounts(), values.get(LedgerParams.AMOUNT_MAX), transfers, clients.size());
        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(LedgerParams.LATENCY), LATENCY_SIGMA)))
                .faults(faultPlan(values, store.nodes(), seed))
                .workload(Workload.closedLoop(
                                clients, generator, transfers + 1, Latency.uniform(Duration.ZERO, THINK_TIME_MAX))
                        .startingAfter(WARM_UP))
                .recordTrace(options.recordTrace())
                .hashTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId node : store.nodes()) {
            sim.addNode(node, store.nodeFactory());
        }
        for (NodeId client : clients) {
            sim.addClient(client, new LedgerClient(store.clients().next(), config));
        }
        return sim.build().run(runLimit(transfers));
    }

    /**
     * Up to four faults, each at most a third of the transfers' span, all within it: the audit comes after. Clock skew,
     * when asked for, is one more kind the plan may draw.
     */
    static FaultPlan faultPlan(ParamValues values, List<NodeId> nodes, long seed) {
        LedgerParams.Faults kinds = values.get(LedgerParams.FAULTS);
        boolean partitions = kinds == LedgerParams.Faults.PARTITIONS || kinds == LedgerParams.Faults.MIXED;
        boolean crashes = kinds == LedgerParams.Faults.CRASHES || kinds == LedgerParams.Faults.MIXED;
        boolean skew = values.get(LedgerParams.CLOCK_SKEW);
        if (!partitions && !crashes && !skew) {
            return FaultPlan.none();
        }
        Duration horizon = WARM_UP.plus(TRANSFER_SPAN.multipliedBy(values.get(LedgerParams.TRANSFERS_PER_CLIENT)));
        FaultMix mix = new FaultMix(partitions, crashes, false, false, skew, 4, horizon.dividedBy(3));
        return FaultPlan.random(mix, nodes, horizon, new SplittableRandom(seed ^ FAULT_SEED_SALT));
    }

    /** Generous: the run ends when the workload does; this only bounds a run that hangs. */
    private static Duration runLimit(int transfers) {
        return Duration.ofSeconds(60).plus(Duration.ofSeconds(2).multipliedBy(transfers));
    }
}
