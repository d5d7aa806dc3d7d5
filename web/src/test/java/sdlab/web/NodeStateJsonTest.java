package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStateJsonTest {
    record Id(String name) {}

    record Config(int n, Duration timeout) {}

    static final class Part {
        private final Config config;
        private final List<Integer> queue = new ArrayList<>();

        Part(Config config) {
            this.config = config;
        }
    }

    static final class ANode {
        private static final int IGNORED = 7;
        private final Id self = new Id("n2");
        private final Config config = new Config(3, Duration.ofMillis(200));
        private final Part part = new Part(config);
        private final Map<String, Long> store = new LinkedHashMap<>();
        private final Runnable callback = () -> {};
        private ANode parent;
    }

    @Test
    void fieldsRecordsCollectionsAndSharedObjectsReadAsTheyWouldBeExplained() {
        ANode node = new ANode();
        node.store.put("k0", 4L);
        node.parent = node;
        for (int i = 0; i < NodeStateJson.ITEMS_MAX + 5; i++) {
            node.part.queue.add(i);
        }

        JsonNode state = NodeStateJson.of(node);

        assertThat(state.path("self").asText()).isEqualTo("n2");
        assertThat(state.path("config").path("n").asInt()).isEqualTo(3);
        assertThat(state.path("config").path("timeout").asText()).isEqualTo("PT0.2S");
        assertThat(state.path("part").path("config").asText()).isEqualTo("(the same Config as config)");
        assertThat(state.path("part").path("queue")).hasSize(NodeStateJson.ITEMS_MAX + 1);
        assertThat(state.path("part").path("queue").get(NodeStateJson.ITEMS_MAX).asText())
                .isEqualTo("… 5 more");
        assertThat(state.path("store").path("k0").asLong()).isEqualTo(4);
        assertThat(state.path("callback").asText()).isEqualTo("(a function)");
        assertThat(state.path("parent").asText()).isEqualTo("(the same ANode as the node)");
        assertThat(state.has("IGNORED")).isFalse();
    }

    @Test
    void theChangesAreThePathsThatDiffer() {
        ANode node = new ANode();
        node.store.put("k0", 4L);
        JsonNode before = NodeStateJson.of(node);
        node.store.put("k0", 5L);
        node.store.put("k1", 1L);
        node.part.queue.add(9);

        assertThat(NodeStateJson.changes(before, NodeStateJson.of(node)))
                .containsExactlyInAnyOrder("store.k0", "store.k1", "part.queue");
        assertThat(NodeStateJson.changes(before, NodeStateJson.of(new ANode()))).contains("store.k0");
        assertThat(NodeStateJson.changes(before, before)).isEmpty();
    }
}
