package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.AddedCandidateRun.R3;
import static sdlab.repl.AddedCandidateRun.RESTART_AT_NANOS;
import static sdlab.repl.AddedCandidateRun.RESTART_DOWN_NANOS;
import static sdlab.repl.ReplWorld.P;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.repl.AddedCandidateRun.Outcome;
import sdlab.repl.AddedCandidateRun.Scenario;
import sdlab.repl.ReplConfig.Bug;

/**
 * A replica that joined from a snapshot and then loses power comes back with its snapshot (kept as its base) and its
 * synced relay log, reports where it is, and the primary ships only what it lacks; the planted bug that keeps the base
 * in memory only, as the store did before, copies the whole log again. The run prints the bytes shipped after the
 * restart, which is how the README's figures were measured.
 */
class AddedReplicaRestartTest {
    private static final long RESTARTED_AT_NANOS = RESTART_AT_NANOS + RESTART_DOWN_NANOS;

    /** What the primary shipped to r3 after its restart of the entries it had by then: the restart's own cost. */
    private record Shipped(long entries, long bytes) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aRestartedAddedReplicaResumesFromItsRelayLogInsteadOfCopyingTheWholeLog(long seed) {
        Outcome resumed = AddedCandidateRun.run(seed, Scenario.ADDED_RESTARTS, Bug.NONE);
        Outcome copied = AddedCandidateRun.run(seed, Scenario.ADDED_RESTARTS, Bug.SNAPSHOT_BASE_IN_MEMORY);
        Shipped afterResume = shippedAfterRestart(resumed);
        Shipped afterCopy = shippedAfterRestart(copied);
        System.out.printf(
                "repl restart of an added replica (seed %d): of the %d entries the primary had when r3 came back,"
                        + " %d entries (%d bytes) were shipped to it again with its base kept; %d entries (%d bytes)"
                        + " with the base in memory only%n",
                seed,
                headAtRestart(resumed),
                afterResume.entries(),
                afterResume.bytes(),
                afterCopy.entries(),
                afterCopy.bytes());

        ReplNode replica = resumed.node(R3);
        assertThat(replica.basePosition())
                .as("the snapshot survived the restart")
                .isPositive();
        assertThat(afterResume.entries())
                .as("shipped again: at most what the primary wrote since the snapshot")
                .isLessThanOrEqualTo(headAtRestart(resumed) - replica.basePosition());
        assertThat(copied.node(R3).basePosition()).isZero();
        assertThat(afterCopy.entries())
                .as("the planted bug copies the log again from its first entry")
                .isGreaterThanOrEqualTo(headAtRestart(copied));
        assertThat(afterResume.entries()).isLessThan(afterCopy.entries());
        assertThat(afterResume.bytes()).isLessThan(afterCopy.bytes());
        // Either way the replica ends with the primary's values as of the last position it received.
        for (Outcome run : new Outcome[] {resumed, copied}) {
            Map<String, String> expected = new HashMap<>();
            run.node(P).log().stream()
                    .filter(entry -> entry.position() <= run.node(R3).lastPosition())
                    .forEach(entry -> expected.put(entry.key(), entry.value()));
            expected.forEach((key, value) ->
                    assertThat(run.node(R3).valueAtHead(key)).as(key).isEqualTo(value));
        }
    }

    /**
     * Of the entries up to the primary's head when r3 came back, those shipped to r3 after that moment, and their
     * bytes; the entries written later are the same with or without the bug, and left out.
     */
    private static Shipped shippedAfterRestart(Outcome run) {
        long head = headAtRestart(run);
        List<Entry> log = run.node(P).log();
        long entries = 0;
        long bytes = 0;
        for (Recorder.Shipped shipment : run.recorder().shipments) {
            if (!shipment.replica().equals(R3) || shipment.atNanos() < RESTARTED_AT_NANOS) {
                continue;
            }
            for (long position = shipment.firstPosition();
                    position <= Math.min(head, shipment.lastPosition());
                    position++) {
                entries++;
                long start = position == 1 ? 0 : log.get((int) position - 2).endOffsetBytes();
                bytes += log.get((int) position - 1).endOffsetBytes() - start;
            }
        }
        return new Shipped(entries, bytes);
    }

    /** The primary's last committed position when r3 came back. */
    private static long headAtRestart(Outcome run) {
        return run.recorder().commitsByValue.values().stream()
                .filter(commit -> commit.primary().equals(P) && commit.atNanos() <= RESTARTED_AT_NANOS)
                .mapToLong(commit -> commit.entry().position())
                .max()
                .orElse(0);
    }
}
