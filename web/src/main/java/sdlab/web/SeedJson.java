package sdlab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.core.history.History;
import sdlab.lab.ForkText;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.sim.Fork;

/**
 * One replayed seed as the page steps through it: which run it is, the verdict of every claim on this seed, the
 * variant's findings, its trace ({@link TraceJson}) and its client history ({@link OperationsJson}). The shape is
 * documented in {@code web/README.md}.
 */
final class SeedJson {
    /** The chapters' own bound on a history's search; beyond it a key shows no order, never a guessed one. */
    private static final CheckLimits LINEARIZATION_LIMITS = CheckLimits.steps(20_000_000);

    private SeedJson() {}

    /**
     * @param request the seed asked for
     * @param oneSeed the sweep's report over this one seed: the claims judged on every variant; null for a fork, which
     *     the claims (comparing variants over unchanged seeds) do not judge
     * @param run the traced variant's run
     */
    static String write(SeedRequest request, ExperimentReport oneSeed, SeedRun run) {
        ObjectNode seed = JsonText.object();
        seed.put("experiment", request.experiment().id());
        seed.put("chapter", request.experiment().identity().chapter());
        seed.put("title", request.experiment().identity().title());
        seed.put("seed", request.seed());
        seed.put("variant", request.variant());
        ObjectNode params = seed.putObject("params");
        request.values().nonDefaults().forEach(params::put);
        seed.put("replayCommand", request.replayCommand());
        seed.put("takesForks", request.experiment().takesForks());
        ArrayNode forks = seed.putArray("forks");
        for (Fork fork : request.forks()) {
            forks.addObject()
                    .put("step", fork.afterTraceEvent() + 1)
                    .put("change", fork.change().describe())
                    .put("text", ForkText.format(List.of(fork)));
        }
        seed.set("verdict", verdict(oneSeed, run));
        int[] owners = MessageOwners.of(run.trace());
        TraceJson.write(seed, run.trace(), owners);
        seed.set(
                "operations",
                run.history()
                        .map(history -> OperationsJson.of(
                                history, run.trace(), owners, run.flaggedOperations(), linearized(request, history)))
                        .orElseGet(JsonText.MAPPER::createArrayNode));
        return JsonText.write(seed);
    }

    /**
     * Each operation's place in its key's linearization and the model's states around it, for an experiment that checks
     * its history for linearizability: the same search the chapter runs, with the same bound on its steps.
     */
    private static Map<Integer, ModelStates.Step> linearized(SeedRequest request, History history) {
        return request.experiment()
                .linearizabilityModel()
                .map(model -> {
                    List<Operation> ops = Operations.of(history);
                    return ModelStates.of(model, ops, Linearizability.check(ops, model, LINEARIZATION_LIMITS));
                })
                .orElse(Map.of());
    }

    private static ObjectNode verdict(ExperimentReport oneSeed, SeedRun run) {
        ObjectNode verdict = JsonText.object();
        if (oneSeed == null) {
            verdict.putNull("assertionsHold");
        } else {
            verdict.put("assertionsHold", oneSeed.assertionsHold());
        }
        ArrayNode claims = verdict.putArray("claims");
        for (ClaimResult claim : oneSeed == null ? List.<ClaimResult>of() : oneSeed.claims()) {
            ObjectNode node = claims.addObject();
            node.put("name", claim.name());
            node.put("description", claim.description());
            node.put("role", claim.role().name().toLowerCase(Locale.ROOT));
            node.put("holds", claim.holds());
            node.put("applicable", claim.applicable());
            node.put("evidence", claim.evidence());
            node.put("variant", claim.evidenceVariant().orElse(null));
        }
        ArrayNode findings = verdict.putArray("findings");
        run.findings().forEach(findings::add);
        verdict.put("findingsDropped", run.findingsDropped());
        verdict.put("flaggedOperations", run.flaggedOperations().size());
        return verdict;
    }
}
