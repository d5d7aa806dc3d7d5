package sdlab.chapters.ledger.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.ledger.profile.ProfileDevice;
import sdlab.ledger.profile.ProfileResult;

/** The independent reference on hand-made histories: what counts as lost silently, and what does not. */
class ConflictCheckerTest {
    private final List<Op> ops = new ArrayList<>();

    @Test
    void anEditMissingThoughItCameAfterTheSurvivingOneWasLostSilently() {
        // Shows: name=b began after name=a ended, yet the converged name is a (a skewed clock): one silent loss.
        edit(0, "name", "a", 0, 10, List.of());
        edit(1, "name", "b", 20, 30, List.of());
        audit(convergedWith("name", "a"), List.of(), 40);
        assertThat(ConflictChecker.check(History.of(ops)).lostSilently()).isEqualTo(1);
    }

    @Test
    void anEditOverwrittenByAnOverlappingOneIsNotLost() {
        // Shows: name=a and name=b overlapped; b surviving is one order of the two, so nothing is lost.
        edit(0, "name", "a", 0, 20, List.of());
        edit(1, "name", "b", 10, 30, List.of());
        audit(convergedWith("name", "b"), List.of(), 40);
        assertThat(ConflictChecker.check(History.of(ops)).lostSilently()).isZero();
    }

    @Test
    void anEditOfAnotherFieldCarryingAnOldValueLosesTheFirstEdit() {
        // Shows: whole-profile last writer wins: city=p, written after name=a ended, brought the old name back.
        edit(0, "name", "a", 0, 10, List.of());
        edit(1, "city", "p", 20, 30, List.of());
        audit(convergedWith("city", "p"), List.of(), 40);
        ConflictVerdict verdict = ConflictChecker.check(History.of(ops));
        assertThat(verdict.lostSilently()).isEqualTo(1);
        assertThat(verdict.examples().get(0)).contains("name=a");
    }

    @Test
    void aValueTheUserChoseAgainstIsDiscardedKnowinglyNotLost() {
        // Shows: name=a missing, but a resolution screen showed it and the user kept b (whose edit came later).
        edit(0, "name", "b", 0, 10, List.of());
        edit(1, "name", "a", 20, 30, List.of());
        audit(convergedWith("name", "b"), List.of("a"), 40);
        ConflictVerdict verdict = ConflictChecker.check(History.of(ops));
        assertThat(verdict.lostSilently()).isZero();
        assertThat(verdict.discardedKnowingly()).isEqualTo(1);
        assertThat(verdict.valuesChosenAgainst()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedRemovalWhoseInterestIsBackWasUndoneAndTheRemovedAddIsNotLost() {
        // Shows: chess added, then removed (acknowledged); the converged profile has chess again: one removal undone.
        // Without chess, the add is accounted for by the removal, not lost.
        edit(0, "interests", "chess", 0, 10, List.of());
        remove(1, "chess", 20, 30);
        auditWithInterests(List.of("chess"), 40);
        ConflictVerdict undone = ConflictChecker.check(History.of(ops));
        assertThat(undone.removalsAcknowledged()).isEqualTo(1);
        assertThat(undone.removalsUndone()).isEqualTo(1);
        assertThat(undone.examples().get(0)).contains("chess").contains("back");

        ops.clear();
        edit(0, "interests", "chess", 0, 10, List.of());
        remove(1, "chess", 20, 30);
        auditWithInterests(List.of(), 40);
        ConflictVerdict kept = ConflictChecker.check(History.of(ops));
        assertThat(kept.removalsUndone()).isZero();
        assertThat(kept.lostSilently()).isZero();
    }

    @Test
    void aViewShowingAnInterestTheDeviceItselfRemovedIsAStaleOwnRead() {
        // Shows: device 1 removed chess (acknowledged at 30), then its own view at 40 still showed chess.
        edit(0, "interests", "chess", 0, 10, List.of());
        remove(1, "chess", 20, 30);
        ops.add(Op.invoke(1, ProfileDevice.VIEW, "u0", null, 40));
        ops.add(Op.ok(1, ProfileDevice.VIEW, "u0", resultWithInterests(List.of("chess"), -1), 41));
        auditWithInterests(List.of(), 50);
        assertThat(ConflictChecker.check(History.of(ops)).staleOwnReads()).isEqualTo(1);
    }

    private void remove(int process, String value, long from, long to) {
        ops.add(Op.invoke(process, ProfileDevice.REMOVE, "u0", List.of(value), from));
        ops.add(Op.ok(process, ProfileDevice.REMOVE, "u0", result(new TreeMap<>(), List.of(), -1), to));
    }

    private void auditWithInterests(List<String> interests, long at) {
        ops.add(Op.invoke(9, ProfileDevice.AUDIT, "u0", null, at));
        ops.add(Op.ok(9, ProfileDevice.AUDIT, "u0", resultWithInterests(interests, 0), at + 1));
    }

    private static List<Object> resultWithInterests(List<String> interests, long converged) {
        return new ProfileResult(
                        false, 0, List.of(), convergedWith("name", ""), new TreeSet<>(interests), converged, 0, 0, 0, 0)
                .encode();
    }

    private void edit(int process, String field, String value, long from, long to, List<String> discarded) {
        ops.add(Op.invoke(process, ProfileDevice.EDIT, "u0", List.of(field, value), from));
        ops.add(Op.ok(process, ProfileDevice.EDIT, "u0", result(new TreeMap<>(), discarded, -1), to));
    }

    private void audit(TreeMap<String, String> scalars, List<String> discarded, long at) {
        ops.add(Op.invoke(9, ProfileDevice.AUDIT, "u0", null, at));
        ops.add(Op.ok(9, ProfileDevice.AUDIT, "u0", result(scalars, discarded, 0), at + 1));
    }

    private static List<Object> result(TreeMap<String, String> scalars, List<String> discarded, long converged) {
        return new ProfileResult(false, 0, discarded, scalars, new TreeSet<>(), converged, 0, 0, 0, 0).encode();
    }

    /** The converged profile's single-valued fields, unset ones left empty. */
    private static TreeMap<String, String> convergedWith(String field, String value) {
        TreeMap<String, String> scalars = new TreeMap<>();
        for (String name : List.of("name", "email", "city")) {
            scalars.put(name, "");
        }
        scalars.put(field, value);
        return scalars;
    }
}
