package sdlab.chapters.ledger.conflicts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.ledger.profile.Profile;
import sdlab.ledger.profile.ProfileDevice;
import sdlab.ledger.profile.ProfileResult;

/**
 * Judges a run of chapter 18 from the clients' history alone, the independent reference: every acknowledged edit the
 * devices recorded is compared with the profile the final audit read once every replica agreed. An edit may be
 * missing from that profile only if an acknowledged edit of the same field began after it ended (the user changed it
 * again), if the field's converged value came from an edit that overlapped it (an order exists in which that edit came
 * second: the edit was overwritten, not lost), or if a user chose against its value on a resolution screen; anything
 * else vanished silently. A converged value older than the edit, or another field's edit carrying an old copy of this
 * field along (whole-profile last writer wins), is a silent loss. An added interest may also be missing because a
 * device removed it. An acknowledged removal whose interest is back in the converged profile was undone: a device
 * removes only an interest it was shown, every added value is unique, so nobody added it again.
 */
final class ConflictChecker {
    private static final int EXAMPLES_MAX = 5;

    /** One operation with how it ended; {@code completeNanos} is the end, or the end of the run if it never ended. */
    record Done(
            int process,
            String f,
            String user,
            Object argument,
            OpType type,
            Object result,
            long invokeNanos,
            long completeNanos) {}

    private ConflictChecker() {}

    static ConflictVerdict check(History history) {
        List<Done> done = pair(history);
        Map<String, List<Done>> byUser = new TreeMap<>();
        done.forEach(
                op -> byUser.computeIfAbsent(op.user(), u -> new ArrayList<>()).add(op));
        Tally tally = new Tally();
        byUser.forEach((user, ops) -> UserCheck.check(user, ops, tally));
        return tally.verdict();
    }

    private static List<Done> pair(History history) {
        Map<Integer, Op> pending = new HashMap<>();
        List<Done> done = new ArrayList<>();
        long end = 0;
        for (Op op : history.ops()) {
            end = Math.max(end, op.timeNanos());
            if (op.type() == OpType.INVOKE) {
                pending.put(op.process(), op);
            } else {
                Op invoke = pending.remove(op.process());
                done.add(new Done(
                        op.process(),
                        invoke.f(),
                        invoke.key(),
                        invoke.value(),
                        op.type(),
                        op.value(),
                        invoke.timeNanos(),
                        op.timeNanos()));
            }
        }
        for (Op invoke : pending.values()) {
            done.add(new Done(
                    invoke.process(),
                    invoke.f(),
                    invoke.key(),
                    invoke.value(),
                    OpType.INFO,
                    null,
                    invoke.timeNanos(),
                    end));
        }
        done.sort(java.util.Comparator.comparingLong(Done::invokeNanos).thenComparingInt(Done::process));
        return done;
    }

    /** Sums over users. */
    static final class Tally {
        long edits;
        long lost;
        long removals;
        long undone;
        long tombstones;
        long discardedKnowingly;
        long valuesChosenAgainst;
        long surfaced;
        long prompts;
        long staleOwnReads;
        long flipBacks;
        long divergent;
        long audits;
        final List<Long> convergence = new ArrayList<>();
        long metadata;
        long failovers;
        final List<String> examples = new ArrayList<>();

        void example(String text) {
            if (examples.size() < EXAMPLES_MAX) {
                examples.add(text);
            }
        }

        ConflictVerdict verdict() {
            return new ConflictVerdict(
                    edits,
                    lost,
                    removals,
                    undone,
                    tombstones,
                    discardedKnowingly,
                    valuesChosenAgainst,
                    surfaced,
                    prompts,
                    staleOwnReads,
                    flipBacks,
                    divergent,
                    audits,
                    List.copyOf(convergence),
                    metadata,
                    failovers,
                    List.copyOf(examples));
        }
    }

    static boolean isEdit(Done op) {
        return op.f().equals(ProfileDevice.EDIT);
    }

    static boolean isRemoval(Done op) {
        return op.f().equals(ProfileDevice.REMOVE);
    }

    /** The interest a removal took away. */
    static String removedValue(Done removal) {
        return (String) ((List<?>) removal.argument()).get(0);
    }

    static String field(Done edit) {
        return (String) ((List<?>) edit.argument()).get(0);
    }

    static String value(Done edit) {
        return (String) ((List<?>) edit.argument()).get(1);
    }

    static boolean isScalar(String field) {
        return !field.equals(Profile.INTERESTS);
    }

    static ProfileResult result(Done op) {
        return ProfileResult.decode(op.result());
    }
}
