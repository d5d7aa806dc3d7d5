package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** What the browser tests read from a seed's API answer, to check the page against it. */
final class SeedAnswers {
    private SeedAnswers() {}

    static JsonNode operation(JsonNode seed, String name) {
        for (JsonNode op : seed.path("operations")) {
            if (op.path("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name);
    }

    static int flaggedCount(JsonNode seed) {
        int count = 0;
        for (JsonNode op : seed.path("operations")) {
            if (op.path("flagged").isTextual()) {
                count++;
            }
        }
        return count;
    }

    static int deliveryToANodeAfter(JsonNode seed, int from) {
        for (int index = from; index < seed.path("events").size(); index++) {
            JsonNode event = seed.path("events").get(index);
            if (event.get(1).asText().equals("DELIVER")
                    && seed.path("nodes").get(event.get(2).asInt()).asText().startsWith("n")) {
                return index;
            }
        }
        throw new AssertionError("no delivery to a node after step " + from);
    }

    /** The events two replayed seeds share from the start: equal time, kind, nodes, message and detail. */
    static int sharedEvents(JsonNode a, JsonNode b) {
        JsonNode eventsA = a.path("events");
        JsonNode eventsB = b.path("events");
        int count = Math.min(eventsA.size(), eventsB.size());
        for (int index = 0; index < count; index++) {
            if (!eventText(a, eventsA.get(index)).equals(eventText(b, eventsB.get(index)))) {
                return index;
            }
        }
        return count;
    }

    /** An event with its lanes as names (the two runs may number lanes differently) and without its owner. */
    static String eventText(JsonNode seed, JsonNode event) {
        JsonNode nodes = seed.path("nodes");
        return event.get(0).asText() + " " + event.get(1).asText() + " "
                + (event.get(2).asInt() < 0
                        ? "-"
                        : nodes.get(event.get(2).asInt()).asText()) + " "
                + (event.get(3).asInt() < 0
                        ? "-"
                        : nodes.get(event.get(3).asInt()).asText()) + " "
                + event.get(4).asText() + " " + event.get(7).asText();
    }

    static int differingClaims(JsonNode a, JsonNode b) {
        Map<String, String> verdicts = new HashMap<>();
        for (JsonNode claim : b.path("verdict").path("claims")) {
            verdicts.put(claim.path("name").asText(), verdictOf(claim));
        }
        int differing = 0;
        for (JsonNode claim : a.path("verdict").path("claims")) {
            if (!verdictOf(claim).equals(verdicts.get(claim.path("name").asText()))) {
                differing++;
            }
        }
        return differing;
    }

    static String verdictOf(JsonNode claim) {
        return !claim.path("applicable").asBoolean()
                ? "not shown"
                : claim.path("holds").asBoolean() ? "held" : "broke";
    }
}
