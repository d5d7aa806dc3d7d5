package sdlab.chapters.txlog.saga;

import java.util.Map;
import sdlab.core.NodeId;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.txlog.saga.SagaOutcome;
import sdlab.txlog.saga.SagaService;

/**
 * Turns one run into counters from references the orchestrator does not control: the client's history (what each
 * order asked for and the outcome it was told), the services' stores at the end (how often each step was applied and
 * undone), and what a reader saw during the run. Whether a saga should have been rejected is recomputed from its order
 * and the services' published limits.
 */
final class SagaMeasurements {
    static final String SAGAS = "sagas";
    static final String ALL_DONE = "allDone";
    static final String ALL_COMPENSATED = "allCompensated";
    static final String STUCK = "stuck";
    static final String INCONSISTENT = "inconsistent";
    static final String DOUBLE_APPLIED = "doubleAppliedSteps";
    static final String DIRTY_READS = "stepsReadThenCompensated";
    static final String REJECTED_ORDERS = "rejectedOrders";
    static final String COMPENSATED_UNREJECTED = "compensatedWithoutARejection";
    static final String REJECTED_NOT_COMPENSATED = "rejectedButNotCompensated";
    private static final int EXAMPLES_MAX = 5;

    private SagaMeasurements() {}

    static SeedRun measure(SagaScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        int examples = 0;
        Map<String, SagaOutcome> told = outcome.client().outcomes();
        for (Map.Entry<String, OrderClient.Order> order : outcome.client().orders().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            String saga = order.getKey();
            boolean rejected = rejected(order.getValue());
            boolean corrupt = false;
            boolean allOne = true;
            boolean allZero = true;
            boolean readApplied = false;
            StringBuilder nets = new StringBuilder();
            for (NodeId service : SagaScenario.SERVICES) {
                SagaService.Tally tally =
                        outcome.ledgers().get(service).getOrDefault(saga, new SagaService.Tally(0, 0));
                int net = tally.net();
                corrupt |= net < 0 || net > 1;
                allOne &= net == 1;
                allZero &= net == 0;
                run.counter(DOUBLE_APPLIED, tally.applies() > 1 ? 1 : 0);
                readApplied |= outcome.reader().sawApplied(saga, service);
                nets.append(' ').append(service.name()).append('=').append(net);
            }
            SagaOutcome answer = told.get(saga);
            String end;
            if (corrupt) {
                end = INCONSISTENT;
            } else if (answer == null) {
                end = STUCK;
            } else if (answer == SagaOutcome.DONE && allOne) {
                end = ALL_DONE;
            } else if (answer == SagaOutcome.COMPENSATED && allZero) {
                end = ALL_COMPENSATED;
            } else {
                end = INCONSISTENT;
            }
            run.counter(SAGAS, 1);
            run.counter(ALL_DONE, end.equals(ALL_DONE) ? 1 : 0);
            run.counter(ALL_COMPENSATED, end.equals(ALL_COMPENSATED) ? 1 : 0);
            run.counter(STUCK, end.equals(STUCK) ? 1 : 0);
            run.counter(INCONSISTENT, end.equals(INCONSISTENT) ? 1 : 0);
            run.counter(REJECTED_ORDERS, rejected ? 1 : 0);
            run.counter(COMPENSATED_UNREJECTED, end.equals(ALL_COMPENSATED) && !rejected ? 1 : 0);
            run.counter(REJECTED_NOT_COMPENSATED, rejected && !end.equals(ALL_COMPENSATED) ? 1 : 0);
            run.counter(DIRTY_READS, end.equals(ALL_COMPENSATED) && readApplied ? 1 : 0);
            if ((end.equals(STUCK) || end.equals(INCONSISTENT)) && examples++ < EXAMPLES_MAX) {
                run.finding("%s %s: client told %s, stores%s"
                        .formatted(saga, end, answer == null ? "nothing" : answer, nets));
            }
        }
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        return run.build();
    }

    private static boolean rejected(OrderClient.Order order) {
        return SagaScenario.SERVICES.stream()
                .anyMatch(s -> SagaService.rejects(
                        SagaScenario.RULES.get(s), SagaScenario.LIMITS.get(s), order.amount(), order.quantity()));
    }
}
