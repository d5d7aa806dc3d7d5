package sdlab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runs, as JSON: start one, list them, read one's report, cancel one. Progress is {@link RunEvents}' job. A run
 * is found among those in progress first and then among the kept ones; an id that names neither is a 404.
 */
final class RunApi {
    private final RunRequestParser parser;
    private final RunRegistry registry;
    private final RunStore store;

    RunApi(RunRequestParser parser, RunRegistry registry, RunStore store) {
        this.parser = parser;
        this.registry = registry;
        this.store = store;
    }

    /** Starts a run: {@code {"id", "events", "report"}}, the last two being where to follow it and read it. */
    String start(String body) {
        LiveRun run = registry.start(parser.parse(body));
        ObjectNode started = JsonText.object();
        started.put("id", run.id());
        started.put("state", RunState.RUNNING.apiName());
        started.put("events", "/api/runs/" + run.id() + "/events");
        started.put("report", "/api/runs/" + run.id());
        return JsonText.write(started);
    }

    /** The runs in progress, then the kept ones, newest first. */
    String list() {
        ArrayNode list = JsonText.MAPPER.createArrayNode();
        List<LiveRun> inProgress = registry.inProgress().stream()
                .sorted(Comparator.comparing(LiveRun::startedAt).reversed())
                .toList();
        Set<String> listed = inProgress.stream().map(LiveRun::id).collect(Collectors.toSet());
        inProgress.forEach(run -> list.add(inProgressSummary(run).toJson()));
        store.newestFirst().stream().filter(run -> !listed.contains(run.id())).forEach(run -> list.add(run.toJson()));
        return JsonText.write(list);
    }

    /** The report of a finished run, in the JSON report's documented shape. */
    String report(String id) {
        Optional<String> report = store.report(id);
        if (report.isPresent()) {
            return report.get();
        }
        Optional<LiveRun> live = registry.find(id);
        if (live.isPresent()) {
            LiveRun.Snapshot now = live.get().snapshot();
            throw ApiError.conflict("run " + id + " is still running (" + now.seedsDone() + " of " + now.seedsTotal()
                    + " seeds); follow /api/runs/" + id + "/events and fetch the report when it ends");
        }
        KeptRun kept = requireKept(id);
        throw ApiError.conflict("run " + id + " was " + kept.state().apiName() + " after " + kept.seedsDone() + " of "
                + kept.seeds() + " seeds and has no report"
                + kept.error().map(e -> ": " + e).orElse(""));
    }

    /** Asks a run in progress to stop; it ends as cancelled at its next seed. */
    String cancel(String id) {
        LiveRun run = registry.find(id).orElse(null);
        if (run == null) {
            KeptRun kept = requireKept(id);
            throw ApiError.conflict("run " + id + " already ended ("
                    + kept.state().apiName() + "); only a run in " + "progress can be cancelled");
        }
        run.cancel();
        ObjectNode cancelling = JsonText.object();
        cancelling.put("id", id);
        cancelling.put("state", "cancelling");
        return JsonText.write(cancelling);
    }

    /** A 404 unless {@code id} names a run in progress or a kept one. */
    void requireKnown(String id) {
        if (registry.find(id).isEmpty()) {
            requireKept(id);
        }
    }

    private KeptRun requireKept(String id) {
        return store.find(id)
                .orElseThrow(() -> ApiError.notFound("no run '" + id + "'; GET /api/runs lists the runs there are"));
    }

    private static KeptRun inProgressSummary(LiveRun run) {
        return KeptRun.of(run, RunState.RUNNING, run.snapshot().seedsDone(), Optional.empty(), Optional.empty());
    }
}
