package sdlab.chapters.ledger.conflicts;

import static sdlab.chapters.ledger.conflicts.ConflictChecker.field;
import static sdlab.chapters.ledger.conflicts.ConflictChecker.isScalar;
import static sdlab.chapters.ledger.conflicts.ConflictChecker.removedValue;
import static sdlab.chapters.ledger.conflicts.ConflictChecker.result;
import static sdlab.chapters.ledger.conflicts.ConflictChecker.value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.chapters.ledger.conflicts.ConflictChecker.Done;
import sdlab.core.history.OpType;
import sdlab.ledger.profile.Profile;
import sdlab.ledger.profile.ProfileDevice;
import sdlab.ledger.profile.ProfileResult;

/** The checks of {@link ConflictChecker} for one user's profile: ops in invocation order. */
final class UserCheck {
    private UserCheck() {}

    static void check(String user, List<Done> ops, ConflictChecker.Tally tally) {
        List<Done> okOps = ops.stream().filter(op -> op.type() == OpType.OK).toList();
        List<Done> acked = okOps.stream().filter(ConflictChecker::isEdit).toList();
        List<Done> ackedRemovals =
                okOps.stream().filter(ConflictChecker::isRemoval).toList();
        Set<String> removedValues = new HashSet<>();
        ops.stream()
                .filter(op -> ConflictChecker.isRemoval(op) && op.type() != OpType.FAIL)
                .forEach(op -> removedValues.add(removedValue(op)));
        Set<String> discarded = new HashSet<>();
        Map<Integer, Integer> failoversByDevice = new HashMap<>();
        Done audit = null;
        for (Done op : okOps) {
            ProfileResult result = result(op);
            discarded.addAll(result.discarded());
            tally.valuesChosenAgainst += result.discarded().size();
            tally.surfaced += result.conflict() ? 1 : 0;
            tally.prompts += result.prompts();
            failoversByDevice.merge(op.process(), result.failovers(), Math::max);
            if (op.f().equals(ProfileDevice.AUDIT) && (audit == null || op.invokeNanos() >= audit.invokeNanos())) {
                audit = op;
            }
        }
        tally.edits += acked.size();
        tally.removals += ackedRemovals.size();
        tally.failovers += failoversByDevice.values().stream()
                .mapToLong(Integer::longValue)
                .sum();
        if (audit == null) {
            tally.example(user + ": no audit completed");
            return;
        }
        ProfileResult last = result(audit);
        tally.audits++;
        tally.divergent += last.divergentReplicas();
        tally.metadata += last.metadataBytes();
        tally.tombstones += last.tombstones();
        if (last.convergedAfterNanos() >= 0) {
            long lastAck = acked.stream().mapToLong(Done::completeNanos).max().orElse(audit.invokeNanos());
            tally.convergence.add(Math.max(0, audit.invokeNanos() + last.convergedAfterNanos() - lastAck));
        } else {
            tally.example(user + ": " + last.divergentReplicas() + " replicas never converged");
        }
        Map<String, Done> writers = new HashMap<>();
        ops.stream()
                .filter(op -> ConflictChecker.isEdit(op) && op.type() != OpType.FAIL)
                .forEach(op -> writers.put(value(op), op));
        judgeEdits(user, acked, writers, last, discarded, removedValues, tally);
        judgeRemovals(user, ackedRemovals, last, tally);
        judgeViews(acked, ackedRemovals, okOps, tally);
    }

    /** An acknowledged removal whose interest is in the converged profile was undone. */
    private static void judgeRemovals(
            String user, List<Done> ackedRemovals, ProfileResult last, ConflictChecker.Tally tally) {
        for (Done removal : ackedRemovals) {
            String value = removedValue(removal);
            if (last.interests().contains(value)) {
                tally.undone++;
                tally.example(user + ": interest " + value + " removed (acknowledged at "
                        + removal.completeNanos() / 1_000_000 + " ms) is back in the converged profile");
            }
        }
    }

    /**
     * An acknowledged edit missing from the converged profile is accounted for if a later edit of its field replaced
     * it, if the field's converged value was written by an edit that did not end before this one began (some order of
     * the two puts this one first), if a user chose against it, or (an added interest) if a device removed it;
     * otherwise it vanished silently.
     */
    private static void judgeEdits(
            String user,
            List<Done> acked,
            Map<String, Done> writers,
            ProfileResult last,
            Set<String> discarded,
            Set<String> removedValues,
            ConflictChecker.Tally tally) {
        for (Done edit : acked) {
            String field = field(edit);
            String value = value(edit);
            boolean present = isScalar(field)
                    ? value.equals(last.scalars().get(field))
                    : last.interests().contains(value);
            boolean replaced = isScalar(field)
                    && acked.stream()
                            .anyMatch(
                                    other -> field(other).equals(field) && other.invokeNanos() > edit.completeNanos());
            Done finalWriter = isScalar(field) ? writers.get(last.scalars().get(field)) : null;
            boolean orderedAfter = finalWriter != null
                    && (finalWriter.type() == OpType.INFO || finalWriter.completeNanos() >= edit.invokeNanos());
            boolean removed = !isScalar(field) && removedValues.contains(value);
            if (present || replaced || orderedAfter || removed) {
                continue;
            }
            if (discarded.contains(value)) {
                tally.discardedKnowingly++;
            } else {
                tally.lost++;
                tally.example(user + ": edit " + field + "=" + value + " acknowledged at "
                        + edit.completeNanos() / 1_000_000 + " ms vanished silently; the converged " + field + " is "
                        + (isScalar(field) ? "'" + last.scalars().get(field) + "'" : last.interests()));
            }
        }
    }

    /**
     * Stale own reads (a field older than the device's own edit of it, or an interest the device itself removed) and
     * flip-backs, over the views in invocation order.
     */
    private static void judgeViews(
            List<Done> acked, List<Done> ackedRemovals, List<Done> okOps, ConflictChecker.Tally tally) {
        Map<String, Done> editOf = new HashMap<>();
        acked.forEach(edit -> editOf.put(value(edit), edit));
        Map<String, Set<String>> replacedValues = new HashMap<>();
        Map<String, String> lastShown = new HashMap<>();
        for (Done view : okOps) {
            if (!view.f().equals(ProfileDevice.VIEW)) {
                continue;
            }
            ProfileResult viewed = result(view);
            Map<String, String> shown = viewed.scalars();
            boolean stale = ackedRemovals.stream()
                    .anyMatch(removal -> removal.process() == view.process()
                            && removal.completeNanos() < view.invokeNanos()
                            && viewed.interests().contains(removedValue(removal)));
            boolean flipped = false;
            for (String field : Profile.SCALAR_FIELDS) {
                String value = shown.get(field);
                stale |= olderThanOwnEdit(view, field, value, acked, editOf);
                String before = lastShown.put(field, value);
                Set<String> replaced = replacedValues.computeIfAbsent(field, f -> new HashSet<>());
                if (before != null && !before.equals(value)) {
                    flipped |= replaced.contains(value);
                    replaced.add(before);
                }
            }
            tally.staleOwnReads += stale ? 1 : 0;
            tally.flipBacks += flipped ? 1 : 0;
        }
    }

    /** Whether {@code value} was written before the viewing device's own latest acknowledged edit of the field began. */
    private static boolean olderThanOwnEdit(
            Done view, String field, String value, List<Done> acked, Map<String, Done> editOf) {
        Done own = null;
        for (Done edit : acked) {
            if (edit.process() == view.process()
                    && field(edit).equals(field)
                    && edit.completeNanos() < view.invokeNanos()) {
                own = edit;
            }
        }
        if (own == null || value(own).equals(value)) {
            return false;
        }
        Done writer = editOf.get(value);
        return writer == null ? Profile.UNSET.equals(value) : writer.completeNanos() < own.invokeNanos();
    }
}
