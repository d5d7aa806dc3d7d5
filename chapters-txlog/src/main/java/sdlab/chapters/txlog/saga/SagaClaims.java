package sdlab.chapters.txlog.saga;

import static sdlab.chapters.txlog.saga.SagaMeasurements.ALL_COMPENSATED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.COMPENSATED_UNREJECTED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.DIRTY_READS;
import static sdlab.chapters.txlog.saga.SagaMeasurements.DOUBLE_APPLIED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.INCONSISTENT;
import static sdlab.chapters.txlog.saga.SagaMeasurements.REJECTED_NOT_COMPENSATED;
import static sdlab.chapters.txlog.saga.SagaMeasurements.REJECTED_ORDERS;
import static sdlab.chapters.txlog.saga.SagaMeasurements.STUCK;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 21 claims, each a predicate over one seed's runs of the variants, measured against the client's history
 * and the services' stores: with keys and a durable log every saga ends all done or all compensated, compensation
 * follows exactly the orders a downstream service rejects, load and GC pauses alone compensate nothing, and without
 * keys or without the log the end states break. The hypotheses are the question's options.
 */
final class SagaClaims {
    static final String ORCHESTRATED = "orchestrated";
    static final String NO_KEYS = "no-idempotency-keys";
    static final String NO_LOG = "no-durable-log";
    static final String CHOREOGRAPHY = "choreography";
    static final String LOAD = "load-spike";
    static final String PAUSES = "gc-pauses";

    static final String EVERY_SAGA_ENDS = "everySagaEndsAllDoneOrAllCompensated";
    static final String NO_DOUBLE_APPLY = "idempotencyKeysApplyNoStepTwice";
    static final String CHOREOGRAPHY_ENDS = "aChoreographyEndsEverySagaAllDoneOrAllCompensated";
    static final String REJECTION_TRIGGERS = "aDownstreamRejectionIsWhatTriggersCompensation";
    static final String LOAD_COMPENSATES_NOTHING = "loadAloneCompensatesNothing";
    static final String PAUSES_COMPENSATE_NOTHING = "gcPausesAloneCompensateNothing";
    static final String WITHOUT_KEYS_DOUBLE_APPLY = "withoutIdempotencyKeysDuplicatesDoubleApply";
    static final String WITHOUT_LOG_STUCK = "withoutADurableSagaLogACrashLeavesSagasStuck";
    static final String READERS_SEE_COMPENSATED = "readersSeeStepsThatAreLaterCompensated";

    static final String LOAD_TRIGGERS = "loadTriggersCompensation";
    static final String NO_REJECTION_TRIGGERS = "compensationWithoutARejection";
    static final String PAUSE_TRIGGERS = "aGcPauseTriggersCompensation";

    private SagaClaims() {}

    static List<Claim> all() {
        List<Claim> claims = new ArrayList<>(assertions());
        claims.addAll(hypotheses());
        return List.copyOf(claims);
    }

    private static List<Claim> assertions() {
        return List.of(
                Claim.everySeed(
                        EVERY_SAGA_ENDS,
                        "With idempotency keys and a durable saga log, through rejections, lost and duplicated"
                                + " messages, an orchestrator crash and GC pauses, every saga ends all done or all"
                                + " compensated: none stuck, none inconsistent.",
                        (seed, runs) -> none(runs.get(ORCHESTRATED), ORCHESTRATED, STUCK, INCONSISTENT)),
                Claim.everySeed(
                        CHOREOGRAPHY_ENDS,
                        "Without an orchestrator, services that pass events on (resent until acknowledged, with"
                                + " idempotency keys) also end every saga all done or all compensated, apply no step"
                                + " twice, and compensate exactly the rejected orders.",
                        (seed, runs) -> none(runs.get(CHOREOGRAPHY), CHOREOGRAPHY, STUCK, INCONSISTENT, DOUBLE_APPLIED)
                                .or(() -> rejectionTriggers(runs.get(CHOREOGRAPHY), CHOREOGRAPHY))),
                Claim.everySeed(
                        NO_DOUBLE_APPLY,
                        "With idempotency keys no service applies a step twice, although the orchestrator resends"
                                + " and the network duplicates.",
                        (seed, runs) -> none(runs.get(ORCHESTRATED), ORCHESTRATED, DOUBLE_APPLIED)),
                Claim.everySeed(
                        REJECTION_TRIGGERS,
                        "Every order a downstream service rejects ends all compensated, and no other order is"
                                + " compensated.",
                        (seed, runs) -> rejectionTriggers(runs.get(ORCHESTRATED), ORCHESTRATED)),
                Claim.everySeed(
                        LOAD_COMPENSATES_NOTHING,
                        "Orders placed ten times faster, none rejected, end all done: load alone compensates nothing.",
                        (seed, runs) -> none(runs.get(LOAD), LOAD, ALL_COMPENSATED, STUCK, INCONSISTENT)),
                Claim.everySeed(
                        PAUSES_COMPENSATE_NOTHING,
                        "With services stalled by GC pauses shorter than the orchestrator's retry budget, none"
                                + " rejected, every saga ends all done: a pause delays a saga, it does not roll it"
                                + " back.",
                        (seed, runs) -> none(runs.get(PAUSES), PAUSES, ALL_COMPENSATED, STUCK, INCONSISTENT)),
                Claim.someSeed(
                        WITHOUT_KEYS_DOUBLE_APPLY,
                        "Without idempotency keys, a resent or duplicated step is applied twice.",
                        (seed, runs) -> some(runs.get(NO_KEYS), NO_KEYS, DOUBLE_APPLIED)),
                Claim.someSeed(
                        WITHOUT_LOG_STUCK,
                        "Without a durable saga log, the orchestrator's crash leaves sagas it had accepted stuck"
                                + " half done.",
                        (seed, runs) -> some(runs.get(NO_LOG), NO_LOG, STUCK)),
                Claim.someSeed(
                        READERS_SEE_COMPENSATED,
                        "A reader sees a step applied that its saga later compensates: sagas give no isolation.",
                        (seed, runs) -> some(runs.get(ORCHESTRATED), ORCHESTRATED, DIRTY_READS)));
    }

    private static List<Claim> hypotheses() {
        return List.of(
                Claim.hypothesis(
                        LOAD_TRIGGERS,
                        "Orders placed ten times faster make the orchestrator compensate sagas.",
                        (seed, runs) -> some(runs.get(LOAD), LOAD, ALL_COMPENSATED)),
                Claim.hypothesis(
                        NO_REJECTION_TRIGGERS,
                        "Sagas are compensated although no service rejected them: something other than a"
                                + " service's answer (an open circuit breaker, a timeout) made the orchestrator give a"
                                + " step up.",
                        (seed, runs) -> some(runs.get(ORCHESTRATED), ORCHESTRATED, COMPENSATED_UNREJECTED)),
                Claim.hypothesis(
                        PAUSE_TRIGGERS,
                        "A service's GC pause makes the orchestrator compensate sagas.",
                        (seed, runs) -> some(runs.get(PAUSES), PAUSES, ALL_COMPENSATED)));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. max TPS exceeded",
                        LOAD,
                        List.of(LOAD_TRIGGERS),
                        "Load makes steps slower, not rejected; a saga only turns around on a step's failure."),
                new Question.Option(
                        "B. a compensating action from a downstream step",
                        ORCHESTRATED,
                        List.of(REJECTION_TRIGGERS),
                        "A downstream step's rejection is what makes the orchestrator undo the steps before it, in"
                                + " reverse."),
                new Question.Option(
                        "C. a broken circuit breaker",
                        ORCHESTRATED,
                        List.of(NO_REJECTION_TRIGGERS),
                        "An open breaker fails a call fast; the saga reacts to that failed step as to any other, so"
                                + " the trigger is still a step's failure. The lab has no breaker of its own; with the"
                                + " defaults no saga was compensated without a rejection."),
                new Question.Option(
                        "D. a GC pause",
                        PAUSES,
                        List.of(PAUSE_TRIGGERS),
                        "A pause shorter than the retry budget only delays the step; a longer one (--pause 400ms"
                                + " against 8 sends 25 ms apart) makes the orchestrator give the step up as failed, and"
                                + " then it is that timed-out step that is compensated."));
    }

    private static Optional<String> rejectionTriggers(SeedRun run, String variant) {
        long unrejected = run.counter(COMPENSATED_UNREJECTED);
        long missed = run.counter(REJECTED_NOT_COMPENSATED);
        if (run.counter(REJECTED_ORDERS) == 0) {
            return Optional.of(variant + ": no order was rejected, so nothing shows what triggers compensation");
        }
        return unrejected == 0 && missed == 0
                ? Optional.empty()
                : Optional.of("%s: %d sagas compensated without a rejection, %d rejected but not compensated%s"
                        .formatted(variant, unrejected, missed, examples(run)));
    }

    private static Optional<String> none(SeedRun run, String variant, String... counters) {
        List<String> found = new ArrayList<>();
        for (String counter : counters) {
            if (run.counter(counter) > 0) {
                found.add(run.counter(counter) + " " + counter);
            }
        }
        return found.isEmpty()
                ? Optional.empty()
                : Optional.of(variant + ": " + String.join(", ", found) + examples(run));
    }

    private static Optional<String> some(SeedRun run, String variant, String counter) {
        return run.counter(counter) > 0 ? Optional.empty() : Optional.of(variant + ": no " + counter);
    }

    private static String examples(SeedRun run) {
        String examples = String.join("; ", run.findings().stream().limit(3).toList());
        return examples.isEmpty() ? "" : "; " + examples;
    }
}
