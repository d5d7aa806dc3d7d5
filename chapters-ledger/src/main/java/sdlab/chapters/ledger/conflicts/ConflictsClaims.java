package sdlab.chapters.ledger.conflicts;

import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.CONFLICTS_SURFACED;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.DIVERGENT_REPLICAS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.FAILOVERS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.LOST_SILENTLY;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.METADATA_BYTES;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.NOT_AUDITED;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.PROMPTS;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.REMOVALS_UNDONE;
import static sdlab.chapters.ledger.conflicts.ConflictsMeasurements.STALE_OWN_READS;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.SeedRun;

/**
 * What chapter 18 claims, each a predicate over one seed's runs of the four variants.
 *
 * <p>The assertions: last writer wins under skewed clocks loses acknowledged edits without telling anyone; version
 * vectors lose none and surface the conflicts instead; a CRDT map loses none and asks the user less; sticky sessions
 * lose nothing while the home replica answers and lose edits once devices fail over; every variant converges; the
 * metadata that buys this is measured. Removals: an application that merges siblings' lists by union brings removed
 * entries back, one that keeps tombstones does not, and the CRDT map's observed-remove set needs none. The
 * hypotheses are the question's options.
 */
final class ConflictsClaims {
    static final String LWW_LOSES_SILENTLY = "lastWriterWinsUnderSkewLosesAcknowledgedEditsSilently";
    static final String VERSION_VECTORS_LOSE_NOTHING = "versionVectorsLoseNoAcknowledgedEditSilently";
    static final String VERSION_VECTORS_SURFACE = "versionVectorsSurfaceConflictsToTheApplication";
    static final String UNION_UNDOES_REMOVALS = "versionVectorsMergedByUnionBringRemovedEntriesBack";
    static final String TOMBSTONES_KEEP_REMOVALS = "versionVectorsWithTombstonesKeepEveryRemoval";
    static final String CRDT_KEEPS_REMOVALS = "aCrdtMapKeepsEveryRemoval";
    static final String CRDT_LOSES_NOTHING = "aCrdtMapLosesNoAcknowledgedEditSilently";
    static final String CRDT_ASKS_LESS = "aCrdtMapAsksTheUserLessThanVersionVectors";
    static final String STICKY_SAFE_WHILE_HOME_ANSWERS = "stickySessionsLoseNothingWhileTheHomeReplicaAnswers";
    static final String STICKY_LOSES_AFTER_FAILOVER = "stickySessionsLoseEditsOrShowOlderFieldsOnceDevicesFailOver";
    static final String EVERY_VARIANT_CONVERGES = "everyVariantConvergesAfterThePartitionsHeal";
    static final String METADATA_COSTS = "versionVectorsAndCrdtsCarryMoreMetadataThanATimestamp";

    static final String IDEMPOTENT_GETS = "idempotentGetsAloneKeepEveryEdit";
    static final String RESOLUTION_UI = "aClientSideResolutionScreenKeepsEveryEdit";
    static final String SCHEMA_VALIDATION = "schemaValidationAloneKeepsEveryEdit";
    static final String STICKY_SESSIONS = "stickySessionsKeepEveryEditAndShowDevicesTheirOwnEdits";

    private static final String LWW = ConflictsVariant.LWW.label();
    private static final String VV = ConflictsVariant.VERSION_VECTORS.label();
    private static final String VV_TOMBSTONES = ConflictsVariant.VERSION_VECTORS_TOMBSTONES.label();
    private static final String CRDT = ConflictsVariant.CRDT_MAP.label();
    private static final String STICKY = ConflictsVariant.STICKY.label();

    private ConflictsClaims() {}

    static List<Claim> all() {
        return List.of(
                Claim.someSeed(
                        LWW_LOSES_SILENTLY,
                        "On some seed, lww acknowledged an edit that no later edit of its field replaced and that is"
                                + " missing from the converged profile, and nobody was told.",
                        (seed, runs) -> some(runs.get(LWW), LOST_SILENTLY)),
                Claim.everySeed(
                        VERSION_VECTORS_LOSE_NOTHING,
                        "On version-vectors every acknowledged edit is in the converged profile, was replaced by a later"
                                + " edit of its field, or was chosen against by the user on the resolution screen.",
                        (seed, runs) -> none(runs, LOST_SILENTLY, VV, VV_TOMBSTONES)),
                Claim.someSeed(
                        UNION_UNDOES_REMOVALS,
                        "On some seed, version-vectors' application took the union of two versions' interests, one"
                                + " from before a device removed an entry, and the removed entry came back.",
                        (seed, runs) -> some(runs.get(VV), REMOVALS_UNDONE)),
                Claim.everySeed(
                        TOMBSTONES_KEEP_REMOVALS,
                        "On version-vectors-tombstones no acknowledged removal is undone: the tombstone outlives every"
                                + " version that still holds the entry.",
                        (seed, runs) -> none(runs, REMOVALS_UNDONE, VV_TOMBSTONES)),
                Claim.everySeed(
                        CRDT_KEEPS_REMOVALS,
                        "On crdt-map no acknowledged removal is undone: the causal context remembers the removed"
                                + " entry's dot, so no tombstone is needed.",
                        (seed, runs) -> none(runs, REMOVALS_UNDONE, CRDT)),
                Claim.someSeed(
                        VERSION_VECTORS_SURFACE,
                        "On some seed, version-vectors handed the application concurrent versions to merge.",
                        (seed, runs) -> some(runs.get(VV), CONFLICTS_SURFACED)),
                Claim.everySeed(
                        CRDT_LOSES_NOTHING,
                        "On crdt-map every acknowledged edit is in the converged profile, was replaced by a later edit of"
                                + " its field, or was chosen against by the user: edits of different fields merge.",
                        (seed, runs) -> none(runs, LOST_SILENTLY, CRDT)),
                Claim.someSeed(
                        CRDT_ASKS_LESS,
                        "On some seed, crdt-map asked the user about fewer fields than version-vectors, whose"
                                + " whole-profile siblings also differ in fields only one device changed.",
                        (seed, runs) -> fewer(runs.get(CRDT), runs.get(VV), PROMPTS)),
                Claim.everySeed(
                        STICKY_SAFE_WHILE_HOME_ANSWERS,
                        "On every seed where no device of sticky-lww failed over, no edit was lost and no device saw a"
                                + " field older than its own edit.",
                        (seed, runs) -> stickyWithoutFailover(runs.get(STICKY))),
                Claim.someSeed(
                        STICKY_LOSES_AFTER_FAILOVER,
                        "On some seed, sticky-lww devices failed over when their home replica stopped answering, and"
                                + " acknowledged edits vanished silently or a device was shown a field older than its own"
                                + " edit.",
                        (seed, runs) -> stickyAfterFailover(runs.get(STICKY))),
                Claim.everySeed(
                        EVERY_VARIANT_CONVERGES,
                        "Every variant's audit read every replica and found them all holding the same state.",
                        (seed, runs) -> none(runs, DIVERGENT_REPLICAS, LWW, VV, VV_TOMBSTONES, CRDT, STICKY)
                                .or(() -> none(runs, NOT_AUDITED, LWW, VV, VV_TOMBSTONES, CRDT, STICKY))),
                Claim.everySeed(
                        METADATA_COSTS,
                        "The converged states of version-vectors and crdt-map carry more bytes of reconciliation"
                                + " metadata (vectors, dots, causal context) than lww's one timestamp per profile.",
                        (seed, runs) -> moreMetadata(runs)),
                Claim.hypothesis(
                        IDEMPOTENT_GETS,
                        "lww (reads are idempotent GETs already): no acknowledged edit lost silently.",
                        (seed, runs) -> none(runs, LOST_SILENTLY, LWW)),
                Claim.hypothesis(
                        RESOLUTION_UI,
                        "version-vectors-tombstones (a resolution screen whose merge keeps tombstones for removed"
                                + " entries): no acknowledged edit lost silently, no removal undone, replicas converge.",
                        (seed, runs) -> none(runs, LOST_SILENTLY, VV_TOMBSTONES)
                                .or(() -> none(runs, REMOVALS_UNDONE, VV_TOMBSTONES))
                                .or(() -> none(runs, DIVERGENT_REPLICAS, VV_TOMBSTONES))),
                Claim.hypothesis(
                        SCHEMA_VALIDATION,
                        "lww (every edit here is valid, so validation rejects nothing): no acknowledged edit lost"
                                + " silently.",
                        (seed, runs) -> none(runs, LOST_SILENTLY, LWW)),
                Claim.hypothesis(
                        STICKY_SESSIONS,
                        "sticky-lww: no acknowledged edit lost silently and no device shown a field older than its own"
                                + " edit.",
                        (seed, runs) ->
                                none(runs, LOST_SILENTLY, STICKY).or(() -> none(runs, STALE_OWN_READS, STICKY))));
    }

    static List<Question.Option> options() {
        return List.of(
                new Question.Option(
                        "A. idempotent GET requests",
                        LWW,
                        List.of(IDEMPOTENT_GETS),
                        "Reads change nothing either way; the edits are lost by the store's last-writer-wins merge."),
                new Question.Option(
                        "B. client-side conflict resolution UI",
                        VV_TOMBSTONES,
                        List.of(RESOLUTION_UI),
                        "Only if the store keeps concurrent versions (version vectors) and hands them over, and the"
                                + " application's merge keeps tombstones for removed entries: then no edit vanishes"
                                + " unseen and no removal is undone, at the price of prompts, vector bytes and"
                                + " tombstones kept for ever. Merged by plain union (version-vectors), removed entries"
                                + " come back from older siblings. Over last writer wins there is nothing left to show."
                                + " A CRDT map keeps every edit and every removal and asks less."),
                new Question.Option(
                        "C. strict schema validation",
                        LWW,
                        List.of(SCHEMA_VALIDATION),
                        "Every edit here is well-formed; validation has nothing to reject and the merge still drops"
                                + " edits."),
                new Question.Option(
                        "D. sticky sessions",
                        STICKY,
                        List.of(STICKY_SESSIONS),
                        "A session on one replica orders a user's writes while that replica answers; once it fails the"
                                + " devices move and the old and new copies meet under last writer wins."));
    }

    private static Optional<String> some(SeedRun run, String counter) {
        return run.counter(counter) > 0 ? Optional.empty() : Optional.of(counter + " 0 on this seed");
    }

    private static Optional<String> none(Map<String, SeedRun> runs, String counter, String... variants) {
        for (String variant : variants) {
            SeedRun run = runs.get(variant);
            if (run.counter(counter) > 0) {
                String first =
                        run.findings().isEmpty() ? "" : "; " + run.findings().get(0);
                return Optional.of(variant + ": " + counter + " " + run.counter(counter) + first);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fewer(SeedRun less, SeedRun more, String counter) {
        return less.counter(counter) < more.counter(counter)
                ? Optional.empty()
                : Optional.of(counter + " " + less.counter(counter) + " vs " + more.counter(counter));
    }

    private static Optional<String> stickyWithoutFailover(SeedRun sticky) {
        if (sticky.counter(FAILOVERS) > 0) {
            return Optional.empty();
        }
        if (sticky.counter(LOST_SILENTLY) > 0 || sticky.counter(STALE_OWN_READS) > 0) {
            return Optional.of("no failover, yet " + sticky.counter(LOST_SILENTLY) + " edits lost and "
                    + sticky.counter(STALE_OWN_READS) + " stale own reads"
                    + (sticky.findings().isEmpty()
                            ? ""
                            : "; " + sticky.findings().get(0)));
        }
        return Optional.empty();
    }

    private static Optional<String> stickyAfterFailover(SeedRun sticky) {
        boolean confused = sticky.counter(LOST_SILENTLY) > 0 || sticky.counter(STALE_OWN_READS) > 0;
        return sticky.counter(FAILOVERS) > 0 && confused
                ? Optional.empty()
                : Optional.of("no failover followed by a lost edit or a stale own read on this seed");
    }

    private static Optional<String> moreMetadata(Map<String, SeedRun> runs) {
        long lww = runs.get(LWW).counter(METADATA_BYTES);
        for (String variant : List.of(VV, CRDT)) {
            if (runs.get(variant).counter(METADATA_BYTES) <= lww) {
                return Optional.of(variant + " " + runs.get(variant).counter(METADATA_BYTES) + " bytes, lww " + lww);
            }
        }
        return Optional.empty();
    }
}
