package sdlab.txlog.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The topics the broker was started with and their partition counts, as Metadata describes them. Each topic gets a
 * stable id made from its name, since clients expect a non-zero topic id.
 */
record Topics(Map<String, Integer> partitionsByTopic) {
    Topics {
        partitionsByTopic = Map.copyOf(new TreeMap<>(partitionsByTopic));
    }

    Optional<Integer> partitions(String topic) {
        return Optional.ofNullable(partitionsByTopic.get(topic));
    }

    Iterable<String> names() {
        return new TreeMap<>(partitionsByTopic).keySet();
    }

    static UUID id(String topic) {
        return UUID.nameUUIDFromBytes(("sdlab-topic:" + topic).getBytes(StandardCharsets.UTF_8));
    }
}
