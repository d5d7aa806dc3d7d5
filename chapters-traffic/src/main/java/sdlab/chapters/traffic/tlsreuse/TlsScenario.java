package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.traffic.tls.HandshakeCpu;
import sdlab.traffic.tls.TicketKeyring;
import sdlab.traffic.tls.TlsServerSessions;

/**
 * One simulated run of chapter 7: a fleet of devices waking and reconnecting through a
 * gateway to a few backends, with a rolling restart of the backends partway through. The
 * devices, their wakes and address changes are the same in every variant of a seed.
 */
final class TlsScenario {
    private static final double LATENCY_SIGMA = 0.3;
    private static final NodeId GATEWAY = NodeId.of("gateway");
    /** The name of the key file every backend loads with {@code --shared-ticket-keys}. */
    private static final String FLEET_KEYS = "fleet";

    /** What a run leaves for measurement. */
    record Outcome(SimResult sim, TlsTally tally) {}

    private TlsScenario() {}

    static Outcome run(
            TlsVariant variant,
            ParamValues values,
            boolean reuseUpstream,
            long seed,
            RunOptions options,
            SeedRun.Builder run) {
        TlsTally tally = new TlsTally(run);
        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(TlsParams.LAN_LATENCY), LATENCY_SIGMA)))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        Uplink uplink = new Uplink(Latency.logNormal(values.get(TlsParams.DEVICE_LATENCY), LATENCY_SIGMA));
        long lifetime = values.get(TlsParams.TICKET_LIFETIME).toNanos();
        boolean resumption = values.get(TlsParams.RESUMPTION);
        boolean shared = values.get(TlsParams.SHARED_TICKET_KEYS);
        HandshakeCpu handshakeCpu = new HandshakeCpu(
                values.get(TlsParams.FULL_HANDSHAKE_CPU).toNanos(),
                values.get(TlsParams.RESUMED_HANDSHAKE_CPU).toNanos());
        TlsBackend.Costs costs = new TlsBackend.Costs(
                handshakeCpu, values.get(TlsParams.WRITE_CPU).toNanos());
        long restartNanos = values.get(TlsParams.RESTART_TIME).toNanos();
        List<NodeId> backends = new ArrayList<>();
        for (int i = 1; i <= values.get(TlsParams.BACKENDS); i++) {
            NodeId id = NodeId.of("backend" + i);
            backends.add(id);
            sim.addNode(
                    id,
                    node -> new TlsBackend(
                            GATEWAY, sessions(id.name(), shared, lifetime, resumption), costs, restartNanos, tally));
        }
        long deployAt = values.get(TlsParams.DEPLOY_AT).toNanos();
        if (variant.terminate()) {
            // Made in the factory, so that a gateway crashed by a fork restarts with its in-memory ticket keys gone.
            sim.addNode(
                    GATEWAY,
                    id -> new TerminatingGateway(
                            new TerminatingGateway.Setup(
                                    backends,
                                    variant.draining(),
                                    sessions(GATEWAY.name(), false, lifetime, resumption),
                                    handshakeCpu,
                                    deployAt,
                                    uplink,
                                    reuseUpstream),
                            tally));
        } else {
            sim.addNode(
                    GATEWAY,
                    id -> new PassThroughBalancer(
                            backends, variant.draining(), variant.affinity(), deployAt, uplink, tally));
        }
        for (int i = 1; i <= values.get(TlsParams.DEVICES); i++) {
            sim.addClient(NodeId.of("device" + i), new DeviceClient(device(values, variant, uplink), tally));
        }
        Duration limit = values.get(TlsParams.DURATION)
                .plus(values.get(TlsParams.DEPLOY_AT))
                .plus(values.get(TlsParams.RESTART_TIME)
                        .plus(RollingRestart.DRAIN_TIMEOUT)
                        .multipliedBy(backends.size()))
                .plusMinutes(10);
        return new Outcome(sim.build().run(limit), tally);
    }

    /**
     * A server's session resumption: under its own keys, made in memory and lost when it restarts,
     * or under the fleet's shared key file, which outlives restarts. Keys do not rotate on time:
     * a run lasts minutes, and only restarts retire keys in this chapter.
     */
    private static TlsServerSessions sessions(
            String server, boolean sharedKeys, long lifetimeNanos, boolean resumption) {
        TicketKeyring keys = sharedKeys
                ? new TicketKeyring(FLEET_KEYS, TicketKeyring.Source.FLEET_FILE, TicketKeyring.Rotation.NEVER, 0)
                : new TicketKeyring(server, TicketKeyring.Source.SERVER_MEMORY, TicketKeyring.Rotation.NEVER, 0);
        return new TlsServerSessions(keys, lifetimeNanos, resumption);
    }

    private static DeviceClient.Setup device(ParamValues values, TlsVariant variant, Uplink uplink) {
        return new DeviceClient.Setup(
                GATEWAY,
                uplink,
                values.get(TlsParams.WRITES_PER_WAKE),
                values.get(TlsParams.PARALLEL_WRITES),
                variant.h2(),
                Latency.exponential(values.get(TlsParams.SLEEP)),
                values.get(TlsParams.DURATION).toNanos(),
                values.get(TlsParams.ADDRESS_CHANGE),
                values.get(TlsParams.RESUMPTION));
    }
}
