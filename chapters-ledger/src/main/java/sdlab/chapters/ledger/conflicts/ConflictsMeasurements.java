package sdlab.chapters.ledger.conflicts;

import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.SimResult;

/** Turns one run's history into chapter 18's counters, through the conflict checker. */
final class ConflictsMeasurements {
    static final String EDITS = "editsAcknowledged";
    static final String LOST_SILENTLY = "editsLostSilently";
    static final String REMOVALS = "removalsAcknowledged";
    static final String REMOVALS_UNDONE = "removalsUndone";
    static final String TOMBSTONES = "tombstonesKept";
    static final String DISCARDED_KNOWINGLY = "editsDiscardedKnowingly";
    static final String CHOSEN_AGAINST = "valuesChosenAgainst";
    static final String CONFLICTS_SURFACED = "conflictsSurfaced";
    static final String PROMPTS = "userPrompts";
    static final String STALE_OWN_READS = "staleOwnReads";
    static final String FLIP_BACKS = "flipBacks";
    static final String DIVERGENT_REPLICAS = "divergentReplicas";
    static final String NOT_AUDITED = "usersNotAudited";
    static final String METADATA_BYTES = "metadataBytes";
    static final String FAILOVERS = "failovers";
    static final String CONVERGENCE = "convergence";

    private ConflictsMeasurements() {}

    static SeedRun measure(SimResult result, int users, RunOptions options) {
        ConflictVerdict verdict = ConflictChecker.check(result.history());
        SeedRun.Builder run = SeedRun.builder()
                .counter(EDITS, verdict.editsAcknowledged())
                .counter(LOST_SILENTLY, verdict.lostSilently())
                .counter(REMOVALS, verdict.removalsAcknowledged())
                .counter(REMOVALS_UNDONE, verdict.removalsUndone())
                .counter(TOMBSTONES, verdict.tombstones())
                .counter(DISCARDED_KNOWINGLY, verdict.discardedKnowingly())
                .counter(CHOSEN_AGAINST, verdict.valuesChosenAgainst())
                .counter(CONFLICTS_SURFACED, verdict.conflictsSurfaced())
                .counter(PROMPTS, verdict.prompts())
                .counter(STALE_OWN_READS, verdict.staleOwnReads())
                .counter(FLIP_BACKS, verdict.flipBacks())
                .counter(DIVERGENT_REPLICAS, verdict.divergentReplicas())
                .counter(NOT_AUDITED, users - verdict.audits())
                .counter(METADATA_BYTES, verdict.metadataBytes())
                .counter(FAILOVERS, verdict.failovers());
        verdict.examples().forEach(run::finding);
        verdict.convergenceNanos().forEach(nanos -> run.latencyNanos(CONVERGENCE, nanos));
        run.traceHash(result.traceHash());
        if (options.recordTrace()) {
            run.trace(result.trace());
        }
        if (options.keepHistory()) {
            run.history(result.history());
        }
        return run.build();
    }
}
