package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import sdlab.core.NodeId;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.ForkException;
import sdlab.sim.Inspection;
import sdlab.sim.LiveNodes;
import sdlab.sim.Steering;

/**
 * The state inspector: every node's state at one step of a seed (with its forks, if any), and which fields that step
 * changed. The seed is run again up to the step and looked at twice, after the step before and after the step itself
 * ({@link Inspection}), so a change is what this one step did. Bounded like the seed replays.
 */
final class StateApi {
    /** Looks at a time; one more is a 429. */
    static final int LOOKS_CONCURRENT_MAX = 2;
    /** The query field that names the step: the trace index, as the page's URL keeps it. */
    static final String STEP = "step";

    private final SeedRequestParser parser;
    private final Chapters chapters;
    private final Semaphore looks = new Semaphore(LOOKS_CONCURRENT_MAX);

    StateApi(SeedRequestParser parser, Chapters chapters) {
        this.parser = parser;
        this.chapters = chapters;
    }

    String ofRun(String runId, String seed, Map<String, List<String>> query) {
        Map<String, List<String>> rest = new HashMap<>(query);
        int step = step(rest.remove(STEP));
        return look(parser.ofRun(runId, seed, rest), step);
    }

    String ofChapter(String experimentId, String seed, Map<String, List<String>> query) {
        Map<String, List<String>> rest = new HashMap<>(query);
        int step = step(rest.remove(STEP));
        return look(parser.ofChapter(experimentId, seed, rest), step);
    }

    private String look(SeedRequest request, int step) {
        if (!request.experiment().takesForks()) {
            throw ApiError.badRequest("chapter " + request.experiment().id()
                    + " does not let its nodes be inspected yet (these do: " + chapters.forkable() + ")");
        }
        if (!looks.tryAcquire()) {
            throw ApiError.tooManyRequests(LOOKS_CONCURRENT_MAX + " states are being looked at already; ask again");
        }
        try {
            Map<NodeId, JsonNode> before = new LinkedHashMap<>();
            Map<NodeId, JsonNode> after = new LinkedHashMap<>();
            long[] nowNanos = {0};
            List<Inspection> inspections = step == 0
                    ? List.of(new Inspection(0, nodes -> snapshot(nodes, after, nowNanos)))
                    : List.of(
                            new Inspection(step - 1, nodes -> snapshot(nodes, before, new long[1])),
                            new Inspection(step, nodes -> snapshot(nodes, after, nowNanos)));
            Sweep.steer(
                    request.experiment(),
                    request.values(),
                    request.seed(),
                    request.variant(),
                    new Steering(request.forks(), inspections));
            return write(step, nowNanos[0], before, after);
        } catch (ForkException cannot) {
            throw ApiError.badRequest(cannot.getMessage());
        } finally {
            looks.release();
        }
    }

    private static void snapshot(LiveNodes nodes, Map<NodeId, JsonNode> into, long[] nowNanos) {
        nowNanos[0] = nodes.nowNanos();
        for (NodeId id : nodes.ids()) {
            into.put(id, nodes.node(id).map(NodeStateJson::of).orElse(null));
        }
    }

    private static String write(int step, long nowNanos, Map<NodeId, JsonNode> before, Map<NodeId, JsonNode> after) {
        ObjectNode answer = JsonText.object();
        answer.put("step", step);
        answer.put("timeNanos", nowNanos);
        ArrayNode nodes = answer.putArray("nodes");
        for (Map.Entry<NodeId, JsonNode> entry : after.entrySet()) {
            ObjectNode node = nodes.addObject();
            node.put("node", entry.getKey().name());
            node.put("up", entry.getValue() != null);
            node.set("state", entry.getValue());
            ArrayNode changed = node.putArray("changed");
            if (!before.isEmpty()) {
                JsonNode prior = before.get(entry.getKey());
                if (prior == null || entry.getValue() == null) {
                    if (prior != entry.getValue()) {
                        changed.add(entry.getValue() == null ? "(crashed)" : "(restarted)");
                    }
                } else {
                    NodeStateJson.changes(prior, entry.getValue()).forEach(changed::add);
                }
            }
        }
        return JsonText.write(answer);
    }

    private static int step(List<String> texts) {
        if (texts == null || texts.isEmpty() || texts.getLast().isBlank()) {
            throw ApiError.badRequest("name the step to look at: &step=N, the trace index the page's URL keeps");
        }
        try {
            int step = Integer.parseInt(texts.getLast());
            if (step < 0) {
                throw new NumberFormatException();
            }
            return step;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the step must be a whole number from 0, got '" + texts.getLast() + "'");
        }
    }
}
