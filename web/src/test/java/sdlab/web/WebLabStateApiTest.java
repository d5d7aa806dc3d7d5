package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sdlab.chapters.quorum.QuorumExperiment;

/**
 * The state inspector's API: every node's state at a step, and the fields that step changed, which are those of the
 * node that handled it and of no other.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WebLabStateApiTest {
    @TempDir
    static Path runsDir;

    private static WebLab lab;
    private static LabClient client;
    private static JsonNode seed;

    @BeforeAll
    static void start() throws Exception {
        lab = WebLab.start(WebLabSettings.of(List.of(new QuorumExperiment()), 0, runsDir));
        client = new LabClient(lab.url());
        seed = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void aDeliveryChangesTheStateOfTheNodeThatTookItAndOfNoOther() {
        int step = firstDeliveryToANodeAfter(1000);
        String receiver = laneName(event(step).get(2).asInt());

        LabClient.Answer answer = client.get("/api/chapters/quorum/seeds/5/state?variant=n3r1w3&step=" + step);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode state = answer.json();
        assertThat(state.path("step").asInt()).isEqualTo(step);
        assertThat(state.path("timeNanos").asLong())
                .isEqualTo(event(step).get(0).asLong());
        List<String> names = new ArrayList<>();
        for (JsonNode node : state.path("nodes")) {
            names.add(node.path("node").asText());
            if (!node.path("up").asBoolean()) {
                continue;
            }
            assertThat(node.path("state").isObject())
                    .as(node.path("node").asText())
                    .isTrue();
            assertThat(node.path("state").size()).isPositive();
            if (node.path("node").asText().equals(receiver)) {
                assertThat(node.path("changed"))
                        .as("what the delivery changed at " + receiver)
                        .isNotEmpty();
            } else {
                assertThat(node.path("changed")).as(node.path("node").asText()).isEmpty();
            }
        }
        assertThat(names).containsExactly("n1", "n2", "n3", "n4", "n5", "n6", "n7");
    }

    @Test
    void aForksStateIsThatOfTheForkAndBadLooksAreRefused() {
        LabClient.Answer forked =
                client.get("/api/chapters/quorum/seeds/5/state?variant=n3r1w3&fork=1027:crash:n6:1s&step=1030");
        assertThat(forked.status()).as(forked.text()).isEqualTo(200);
        JsonNode n6 = forked.json().path("nodes").get(5);
        assertThat(n6.path("node").asText()).isEqualTo("n6");
        assertThat(n6.path("up").asBoolean()).isFalse();

        LabClient.Answer noStep = client.get("/api/chapters/quorum/seeds/5/state?variant=n3r1w3");
        assertThat(noStep.status()).isEqualTo(400);
        assertThat(noStep.error()).contains("name the step to look at");
        LabClient.Answer past = client.get("/api/chapters/quorum/seeds/5/state?variant=n3r1w3&step=99999999");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.error()).contains("never reached step 100000000 to look at it");
    }

    private static int firstDeliveryToANodeAfter(int from) {
        for (int index = from; index < seed.path("events").size(); index++) {
            JsonNode event = event(index);
            if (event.get(1).asText().equals("DELIVER")
                    && laneName(event.get(2).asInt()).startsWith("n")) {
                return index;
            }
        }
        throw new AssertionError("no delivery to a node after step " + from);
    }

    private static JsonNode event(int index) {
        return seed.path("events").get(index);
    }

    private static String laneName(int lane) {
        return seed.path("nodes").get(lane).asText();
    }
}
