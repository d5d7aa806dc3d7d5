package sdlab.app.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

/**
 * A shard joins while clients of the RESP doors read: keys written through one door must read back, through the
 * doors and through a correct router, with the value last acknowledged, during the join and after it. A door whose
 * routers keep a stale table reads moved keys from their old owner, and writes them there.
 */
final class JoinThroughTheDoor {
    static final int KEYS = 300;

    /**
     * What the scenario saw.
     *
     * @param change the operator's outcome for the join
     * @param readsDuringJoin gets the readers made through the doors while the shard joined
     * @param misreadsDuringJoin of them, answers other than the value acknowledged (errors not counted)
     * @param acknowledgedAfterJoin writes acknowledged through a door after the join
     * @param wrongThroughDoor keys whose acknowledged value a door did not read back after the join
     * @param wrongThroughRouter keys whose acknowledged value a correct router did not read back
     */
    record Result(
            Outcome change,
            long readsDuringJoin,
            long misreadsDuringJoin,
            int acknowledgedAfterJoin,
            List<String> wrongThroughDoor,
            List<String> wrongThroughRouter) {}

    private JoinThroughTheDoor() {}

    /**
     * Writes {@link #KEYS} keys with value 1 through door {@code ports.get(0)}, adds {@code joiner} while two readers
     * read them through the other doors, then writes value 2 to every key and reads it back through a door and a
     * router made from {@code correctOptions} (a router without the planted bug).
     */
    static Result run(ShardTestCluster cluster, List<Integer> ports, NodeId joiner, Map<String, String> correctOptions)
            throws Exception {
        try (RespTestClient writer = new RespTestClient(ports.get(0))) {
            for (int i = 0; i < KEYS; i++) {
                expectOk(writer.call("SET", key(i), "1"));
            }
            AtomicBoolean joined = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            AtomicLong misreads = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            for (int port : ports.subList(1, 3)) {
                readers.add(Thread.startVirtualThread(() -> read(port, joined, reads, misreads)));
            }
            Outcome change;
            try (ShardsAdmin admin = cluster.admin()) {
                change = admin.add(joiner);
            } finally {
                joined.set(true);
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) {
                if ("OK".equals(writer.call("SET", key(i), "2"))) {
                    acknowledged.add(key(i));
                }
            }
            return new Result(
                    change,
                    reads.get(),
                    misreads.get(),
                    acknowledged.size(),
                    wrongThroughDoor(ports.get(2), acknowledged),
                    wrongThroughRouter(cluster, acknowledged, correctOptions));
        }
    }

    /** Reads every key in turn, at least once through, until the join is over. */
    private static void read(int port, AtomicBoolean joined, AtomicLong reads, AtomicLong misreads) {
        try (RespTestClient reader = new RespTestClient(port)) {
            for (int round = 0; round == 0 || !joined.get(); round++) {
                for (int i = 0; i < KEYS && (round == 0 || !joined.get()); i++) {
                    Object value = reader.call("GET", key(i));
                    reads.incrementAndGet();
                    if (!(value instanceof RespTestClient.Error) && !"1".equals(value)) {
                        misreads.incrementAndGet();
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("a reader through port " + port + " failed", e);
        }
    }

    private static List<String> wrongThroughDoor(int port, List<String> keys) throws Exception {
        List<String> wrong = new ArrayList<>();
        try (RespTestClient reader = new RespTestClient(port)) {
            for (String key : keys) {
                if (!"2".equals(reader.call("GET", key))) {
                    wrong.add(key);
                }
            }
        }
        return wrong;
    }

    private static List<String> wrongThroughRouter(
            ShardTestCluster cluster, List<String> keys, Map<String, String> correctOptions) throws Exception {
        List<String> wrong = new ArrayList<>();
        try (ShardTestCluster.Router router = cluster.router("checker", correctOptions)) {
            for (String key : keys) {
                if (!router.get(key).equals(Outcome.ok(2L))) {
                    wrong.add(key);
                }
            }
        }
        return wrong;
    }

    private static void expectOk(Object reply) {
        if (!"OK".equals(reply)) {
            throw new IllegalStateException("a write before the join was not acknowledged: " + reply);
        }
    }

    static String key(int i) {
        return "key:" + i;
    }
}
