package sdlab.txlog.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The topics the broker has and their partition counts, as Metadata describes them: those it was started with, and
 * those a Metadata request created since. Each topic gets a stable id made from its name, since clients expect a
 * non-zero topic id.
 */
final class Topics {
    /** Kafka's {@code num.partitions} default: a topic created on first use has one partition. */
    static final int AUTO_CREATE_PARTITIONS_DEFAULT = 1;

    private final Map<String, Integer> partitionsByTopic;
    private final int autoCreatePartitions;

    /**
     * @param partitionsByTopic the topics the broker started with
     * @param autoCreatePartitions the partitions of a topic created on first use; 0 creates none
     */
    Topics(Map<String, Integer> partitionsByTopic, int autoCreatePartitions) {
        if (autoCreatePartitions < 0) {
            throw new IllegalArgumentException("a topic cannot have " + autoCreatePartitions + " partitions");
        }
        // Read by every connection's requests, added to when a topic is created: a concurrent, sorted map.
        this.partitionsByTopic = new ConcurrentSkipListMap<>(partitionsByTopic);
        this.autoCreatePartitions = autoCreatePartitions;
    }

    /** Topics named at start only: a broker of a cluster, whose topics are the controller's. */
    Topics(Map<String, Integer> partitionsByTopic) {
        this(partitionsByTopic, 0);
    }

    Optional<Integer> partitions(String topic) {
        return Optional.ofNullable(partitionsByTopic.get(topic));
    }

    Iterable<String> names() {
        return new TreeMap<>(partitionsByTopic).keySet();
    }

    /** How many partitions a topic created on first use gets; 0 when this broker creates none. */
    int autoCreatePartitions() {
        return autoCreatePartitions;
    }

    /** The node created {@code topic} with {@code partitions} partitions (or had it already). */
    void created(String topic, int partitions) {
        partitionsByTopic.put(topic, partitions);
    }

    static UUID id(String topic) {
        return UUID.nameUUIDFromBytes(("sdlab-topic:" + topic).getBytes(StandardCharsets.UTF_8));
    }
}
