package sdlab.chapters.cache.layers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.KeyChooser;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 20: users, each behind its browser, reach the video service through the edge
 * POP nearest them (user i uses POP i mod pops); the POPs forward what they do not answer to the
 * origin, which reads rows from its database. Each user opens the same URLs in every variant.
 *
 * <p>The simulator gives every link the same latency distribution, so the latencies measured here
 * do not show how much closer to the user an edge is than the origin; the chapter's measure is
 * bytes.
 */
final class LayersScenario {
    private static final long HOME_BYTES = 60_000;
    private static final long ARTWORK_BYTES = 150_000;
    private static final long MANIFEST_BYTES = 4_000;
    private static final int ARTWORK_PER_HOME = 4;
    private static final Duration LINK_MIN = Duration.ofMillis(1);
    private static final Duration LINK_MAX = Duration.ofMillis(10);

    /** Time between a user's requests: reading the home page, or playing the previous segment. */
    private static final Latency THINK_TIME = Latency.uniform(Duration.ofMillis(500), Duration.ofMillis(2500));

    private static final long SESSION_SEED_SALT = 0x632BE59BD9B4E019L;

    /**
     * What a run produced.
     *
     * @param result the simulation's history, trace and end time
     * @param browsers what each user saw
     * @param edges every life of every POP
     * @param origin every life of the origin
     * @param database every life of the database
     */
    record Outcome(
            SimResult result,
            List<BrowserClient.Tally> browsers,
            List<NodeLives<EdgeNode>> edges,
            NodeLives<OriginNode> origin,
            NodeLives<DatabaseNode> database) {}

    private LayersScenario() {}

    static Outcome run(Layers layers, ParamValues values, long seed, RunOptions options) {
        int userCount = values.get(LayersParams.USERS);
        int popCount = values.get(LayersParams.POPS);
        Resource.Sizes sizes = new Resource.Sizes(
                HOME_BYTES, ARTWORK_BYTES, MANIFEST_BYTES, values.get(LayersParams.SEGMENT_KB) * 1000L);
        ViewingSessions sessions = new ViewingSessions(
                userCount,
                KeyChooser.zipfian(values.get(LayersParams.TITLES), values.get(LayersParams.ZIPF)),
                ARTWORK_PER_HOME,
                values.get(LayersParams.SEGMENTS),
                seed ^ SESSION_SEED_SALT);
        List<NodeId> pops = ids("pop", popCount);
        List<NodeId> users = ids("user", userCount);
        long edgeBytes = values.get(LayersParams.EDGE_MB) * 1_000_000L;
        int bufferPages = layers.dbBuffer() ? values.get(LayersParams.DB_BUFFER_PAGES) : 0;
        NodeLives<OriginNode> origin = new NodeLives<>(() -> new OriginNode(sizes, layers.appMemory()));
        NodeLives<DatabaseNode> database = new NodeLives<>(() -> new DatabaseNode(bufferPages));
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(LINK_MIN, LINK_MAX)))
                .addNode(OriginNode.ID, origin.factory())
                .addNode(DatabaseNode.ID, database.factory())
                .workload(Workload.closedLoop(
                        users, sessions, sessions.requestsPerView() * values.get(LayersParams.VIEWS), THINK_TIME))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        List<NodeLives<EdgeNode>> edges = new ArrayList<>(popCount);
        for (NodeId pop : pops) {
            NodeLives<EdgeNode> edge = new NodeLives<>(() -> new EdgeNode(layers.edge(), OriginNode.ID, edgeBytes));
            edges.add(edge);
            builder.addNode(pop, edge.factory());
        }
        List<BrowserClient.Tally> tallies = new ArrayList<>(userCount);
        int tastes = values.get(LayersParams.TASTES);
        for (int i = 0; i < userCount; i++) {
            BrowserClient browser = new BrowserClient(pops.get(i % popCount), "u" + i, i % tastes, layers.browser());
            tallies.add(browser.tally());
            builder.addClient(users.get(i), browser);
        }
        SimResult result = builder.build().run(Duration.ofHours(1));
        return new Outcome(result, List.copyOf(tallies), List.copyOf(edges), origin, database);
    }

    private static List<NodeId> ids(String prefix, int count) {
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(NodeId.of(prefix + i));
        }
        return ids;
    }
}
