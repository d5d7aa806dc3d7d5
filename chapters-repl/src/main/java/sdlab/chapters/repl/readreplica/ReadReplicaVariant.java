package sdlab.chapters.repl.readreplica;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;
import sdlab.repl.ReadPolicy;

/**
 * One way of balancing reads that chapter 8 compares.
 *
 * @param name the variant's name in reports
 * @param description one line on where reads go
 * @param policy the clients' balancer
 * @param poolAfterCatchUp whether the operator puts the new replica in the pool only once its lag is under the bound
 *     (else as soon as its snapshot is loaded)
 */
record ReadReplicaVariant(String name, String description, ReadPolicy policy, boolean poolAfterCatchUp) {
    static final String PRIMARY = "primary-only";
    static final String EVEN = "even";
    static final String LEAST_LATENCY = "least-latency";
    static final String LAG_AWARE = "lag-aware";
    static final String READ_YOUR_WRITES = "read-your-writes";
    static final String POOL_AFTER_CATCH_UP = "even-after-catch-up";

    static List<ReadReplicaVariant> all() {
        return List.of(
                new ReadReplicaVariant(PRIMARY, "every read on the primary", ReadPolicy.PRIMARY, false),
                new ReadReplicaVariant(
                        EVEN,
                        "replicas in turn, the new one as soon as its snapshot is loaded",
                        ReadPolicy.ROUND_ROBIN,
                        false),
                new ReadReplicaVariant(
                        LEAST_LATENCY,
                        "the replica with the lowest moving average latency; an untried one counts as 0",
                        ReadPolicy.LEAST_LATENCY,
                        false),
                new ReadReplicaVariant(
                        LAG_AWARE,
                        "replicas in turn, skipping one whose polled lag exceeds the bound",
                        ReadPolicy.LAG_AWARE,
                        false),
                new ReadReplicaVariant(
                        READ_YOUR_WRITES,
                        "replicas in turn; a read waits there for the client's last write, else goes to the primary",
                        ReadPolicy.READ_YOUR_WRITES,
                        false),
                new ReadReplicaVariant(
                        POOL_AFTER_CATCH_UP,
                        "replicas in turn, the new one only once it has caught up (its cache still cold)",
                        ReadPolicy.ROUND_ROBIN,
                        true));
    }

    static ReadReplicaVariant named(String name) {
        return all().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chapter 8 has no variant " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("policy", policy);
        settings.put("poolAfterCatchUp", poolAfterCatchUp);
        return new Variant(name, description, settings);
    }
}
