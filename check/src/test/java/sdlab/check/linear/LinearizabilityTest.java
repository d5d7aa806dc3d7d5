package sdlab.check.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.check.testing.HistoryBuilder.history;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.check.history.MalformedHistoryException;
import sdlab.core.history.History;

/** The checker's contract, model by model, on small hand-made histories. */
class LinearizabilityTest {

    private static Verdict verdict(History h, Model model) {
        return Linearizability.check(h, model, CheckLimits.unlimited()).verdict();
    }

    @Test
    void sequentialRegisterHistoryIsLinearizable() {
        // Each read returns the last write before it.
        History h = history()
                .read(0, null)
                .write(0, 1L)
                .read(1, 1L)
                .write(1, 2L)
                .read(0, 2L)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.VALID);
    }

    @Test
    void readOfAnOverwrittenValueIsNotLinearizable() {
        // 1 was overwritten by 2 before the read began.
        History h = history().write(0, 1L).write(0, 2L).read(1, 1L).build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void concurrentReadMaySeeEitherValue() {
        // A read overlapping a write may return the old or the new value.
        for (Object seen : new Object[] {1L, 2L}) {
            History h = history()
                    .write(0, 1L)
                    .invoke(0, "write", 2L)
                    .invoke(1, "read", null)
                    .ok(1, "read", seen)
                    .ok(0, "write", 2L)
                    .build();
            assertThat(verdict(h, Models.register())).as("read %s", seen).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void readsMayNotGoBackInTime() {
        // Two sequential reads during one write: new then old is impossible.
        History h = history()
                .write(0, 1L)
                .invoke(0, "write", 2L)
                .read(1, 2L)
                .read(1, 1L)
                .ok(0, "write", 2L)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void unknownWriteMayTakeEffectLongAfterItsInfo() {
        // The timed-out write of 2 shows up in a read much later: it took effect late.
        History h = history()
                .write(0, 1L)
                .invoke(1, "write", 2L)
                .info(1, "write", 2L)
                .read(0, 1L)
                .read(0, 2L)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.VALID);
    }

    @Test
    void unknownWriteMayNeverTakeEffect() {
        // The timed-out write of 2 is never seen: it may never have happened.
        History h = history()
                .invoke(1, "write", 2L)
                .info(1, "write", 2L)
                .read(0, null)
                .read(0, null)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.VALID);
    }

    @Test
    void unknownWriteTakesEffectAtMostOnce() {
        // Once overwritten, a timed-out write cannot reappear: it takes effect once, if at all.
        History h = history()
                .invoke(1, "write", 2L)
                .info(1, "write", 2L)
                .read(0, 2L)
                .write(0, 3L)
                .read(0, 2L)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void failedWriteNeverTakesEffect() {
        // A read of a value whose only write failed is a violation.
        History h = history()
                .invoke(1, "write", 2L)
                .fail(1, "write", 2L)
                .read(0, 2L)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void unknownWriteBeforeItsInvocationIsImpossible() {
        // A value cannot be read before anyone began writing it.
        History h = history()
                .read(0, 2L)
                .invoke(1, "write", 2L)
                .info(1, "write", 2L)
                .build();
        assertThat(verdict(h, Models.register())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void casRegisterAppliesSuccessfulCasAndDropsFailedOnes() {
        // cas [1 2] succeeded, cas [5 6] failed (no effect), so the read sees 2.
        History h = history()
                .write(0, 1L)
                .invoke(1, "cas", List.of(1L, 2L))
                .ok(1, "cas", List.of(1L, 2L))
                .invoke(0, "cas", List.of(5L, 6L))
                .fail(0, "cas", List.of(5L, 6L))
                .read(1, 2L)
                .build();
        assertThat(verdict(h, Models.casRegister())).isEqualTo(Verdict.VALID);
    }

    @Test
    void okCasMustFindItsExpectedValue() {
        // cas [3 4] cannot succeed on a register holding 1.
        History h = history()
                .write(0, 1L)
                .invoke(1, "cas", List.of(3L, 4L))
                .ok(1, "cas", List.of(3L, 4L))
                .build();
        assertThat(verdict(h, Models.casRegister())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void unknownCasMayOrMayNotHaveSwapped() {
        // A timed-out cas [1 2]: a later read may see 1 (it did not happen) or 2 (it did), but not 7.
        for (Object seen : new Object[] {1L, 2L, 7L}) {
            History h = history()
                    .write(0, 1L)
                    .invoke(1, "cas", List.of(1L, 2L))
                    .info(1, "cas", List.of(1L, 2L))
                    .read(0, seen)
                    .build();
            Verdict expected = seen.equals(7L) ? Verdict.INVALID : Verdict.VALID;
            assertThat(verdict(h, Models.casRegister())).as("read %s", seen).isEqualTo(expected);
        }
    }

    @Test
    void registerModelRejectsCas() {
        // Asking the plain register about cas is a user mistake worth naming.
        History h = history()
                .invoke(0, "cas", List.of(1L, 2L))
                .ok(0, "cas", List.of(1L, 2L))
                .build();
        assertThatThrownBy(() -> verdict(h, Models.register()))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageContaining("the register model has no operation :cas");
    }

    @Test
    void keyValueIsCheckedPerKeyAndNamesTheBadKey() {
        // Key a is fine; key b's get misses a completed append.
        History h = history()
                .key("a")
                .invoke(0, "put", "x")
                .ok(0, "put", "x")
                .invoke(1, "get", null)
                .ok(1, "get", "x")
                .key("b")
                .invoke(0, "append", "y")
                .ok(0, "append", "y")
                .invoke(1, "get", null)
                .ok(1, "get", "")
                .build();
        LinearizabilityResult result = Linearizability.check(h, Models.keyValue(), CheckLimits.unlimited());
        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.partitions())
                .extracting(PartitionResult::key, PartitionResult::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", Verdict.VALID),
                        org.assertj.core.groups.Tuple.tuple("b", Verdict.INVALID));
    }

    @Test
    void keyValueAppendsInLinearizationOrder() {
        // Two concurrent appends may land in either order, but a get must show one order consistently.
        History h = history()
                .key("k")
                .invoke(0, "append", "x")
                .invoke(1, "append", "y")
                .ok(0, "append", "x")
                .ok(1, "append", "y")
                .invoke(2, "get", null)
                .ok(2, "get", "yx")
                .invoke(2, "get", null)
                .ok(2, "get", "xy")
                .build();
        assertThat(verdict(h, Models.keyValue())).isEqualTo(Verdict.INVALID);
        History oneOrder = history()
                .key("k")
                .invoke(0, "append", "x")
                .invoke(1, "append", "y")
                .ok(0, "append", "x")
                .ok(1, "append", "y")
                .invoke(2, "get", null)
                .ok(2, "get", "yx")
                .build();
        assertThat(verdict(oneOrder, Models.keyValue())).isEqualTo(Verdict.VALID);
    }

    @Test
    void mutexAllowsOneHolderAtATime() {
        // Two acquires that both succeed without a release in between break mutual exclusion.
        History twoHolders = history()
                .invoke(0, "acquire", null)
                .ok(0, "acquire", null)
                .invoke(1, "acquire", null)
                .ok(1, "acquire", null)
                .build();
        assertThat(verdict(twoHolders, Models.mutex())).isEqualTo(Verdict.INVALID);
        History handOver = history()
                .invoke(0, "acquire", null)
                .ok(0, "acquire", null)
                .invoke(1, "acquire", null)
                .invoke(0, "release", null)
                .ok(0, "release", null)
                .ok(1, "acquire", null)
                .build();
        assertThat(verdict(handOver, Models.mutex())).isEqualTo(Verdict.VALID);
    }

    @Test
    void mutexReleaseNeedsTheHolder() {
        // Process 1 releases a lock that process 0 holds.
        History h = history()
                .invoke(0, "acquire", null)
                .ok(0, "acquire", null)
                .invoke(1, "release", null)
                .ok(1, "release", null)
                .build();
        assertThat(verdict(h, Models.mutex())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void unknownAcquireMayHoldTheLockOrNot() {
        // Process 0's acquire timed out: process 1 may still acquire (it never took effect)...
        History h = history()
                .invoke(0, "acquire", null)
                .info(0, "acquire", null)
                .invoke(1, "acquire", null)
                .ok(1, "acquire", null)
                .build();
        assertThat(verdict(h, Models.mutex())).isEqualTo(Verdict.VALID);
        // ...and process 0 may release it (it did).
        History released = history()
                .invoke(0, "acquire", null)
                .info(0, "acquire", null)
                .invoke(0, "release", null)
                .ok(0, "release", null)
                .build();
        assertThat(verdict(released, Models.mutex())).isEqualTo(Verdict.VALID);
    }

    @Test
    void setReadsMustIncludeCompletedAdds() {
        // A read after add 1 completed returns the empty set.
        History h = history()
                .invoke(0, "add", 1L)
                .ok(0, "add", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", List.of())
                .build();
        assertThat(verdict(h, Models.set())).isEqualTo(Verdict.INVALID);
        History fine = history()
                .invoke(0, "add", 1L)
                .ok(0, "add", 1L)
                .invoke(0, "add", 2L)
                .ok(0, "add", 2L)
                .invoke(1, "read", null)
                .ok(1, "read", List.of(2L, 1L))
                .build();
        assertThat(verdict(fine, Models.set())).isEqualTo(Verdict.VALID);
    }

    @Test
    void unknownAddMayShowUpLateOrNever() {
        // A timed-out add of 1: reads may miss it, then see it; once seen it stays.
        History h = history()
                .invoke(0, "add", 1L)
                .info(0, "add", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", List.of())
                .invoke(1, "read", null)
                .ok(1, "read", List.of(1L))
                .build();
        assertThat(verdict(h, Models.set())).isEqualTo(Verdict.VALID);
        History vanishing = history()
                .invoke(0, "add", 1L)
                .info(0, "add", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", List.of(1L))
                .invoke(1, "read", null)
                .ok(1, "read", List.of())
                .build();
        assertThat(verdict(vanishing, Models.set())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void queueIsFirstInFirstOut() {
        // 1 then 2 enqueued in sequence: dequeuing 2 first is a violation.
        History h = history()
                .invoke(0, "enqueue", 1L)
                .ok(0, "enqueue", 1L)
                .invoke(0, "enqueue", 2L)
                .ok(0, "enqueue", 2L)
                .invoke(1, "dequeue", null)
                .ok(1, "dequeue", 2L)
                .build();
        assertThat(verdict(h, Models.queue())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void unknownDequeueMayHaveTakenTheHead() {
        // A timed-out dequeue may have removed 1, so a later dequeue may return 2, or 1 if it did not.
        for (Object seen : new Object[] {1L, 2L}) {
            History h = history()
                    .invoke(0, "enqueue", 1L)
                    .ok(0, "enqueue", 1L)
                    .invoke(0, "enqueue", 2L)
                    .ok(0, "enqueue", 2L)
                    .invoke(1, "dequeue", null)
                    .info(1, "dequeue", null)
                    .invoke(2, "dequeue", null)
                    .ok(2, "dequeue", seen)
                    .build();
            assertThat(verdict(h, Models.queue())).as("dequeued %s", seen).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void invalidResultShowsTheLongestPrefixAndWhatCouldNotBePlaced() {
        // Ops 0 and 1 linearize; op 2's read of 1 cannot follow the write of 2.
        History h = history().write(0, 1L).write(0, 2L).read(1, 1L).build();
        PartitionResult p = Linearizability.check(h, Models.register(), CheckLimits.unlimited())
                .partitions()
                .get(0);
        assertThat(p.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(p.linearization()).containsExactly(0, 1);
        assertThat(p.stateAfter()).isEqualTo("2");
        assertThat(p.unplaced()).containsExactly(2);
    }

    @Test
    void validResultGivesAWitnessOrder() {
        // The witness puts the concurrent read before the write it did not see.
        History h = history()
                .invoke(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(0, "write", 1L)
                .ok(1, "read", null)
                .build();
        PartitionResult p = Linearizability.check(h, Models.register(), CheckLimits.unlimited())
                .partitions()
                .get(0);
        assertThat(p.linearization()).containsExactly(1, 0);
    }

    @Test
    void stepLimitAnswersUnknownNotAGuess() {
        // One step is not enough to decide anything.
        History h = history().write(0, 1L).write(0, 2L).read(1, 1L).build();
        LinearizabilityResult r = Linearizability.check(h, Models.register(), CheckLimits.steps(1));
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.partitions().get(0).unknownReason()).contains("step limit");
    }

    @Test
    void deadlineOnTheInjectedClockAnswersUnknown() {
        // A fake clock that jumps a second per reading passes a 1 ms deadline on its first check.
        long[] now = {0};
        CheckLimits limits = CheckLimits.unlimited().withTimeout(() -> now[0] += 1_000_000_000L, 1_000_000);
        var b = history();
        for (long i = 0; i < 40; i++) {
            b.invoke((int) i, "write", i); // forty concurrent unknown writes: a large search
        }
        b.read(99, 100L);
        LinearizabilityResult r = Linearizability.check(b.build(), Models.register(), limits);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.partitions().get(0).unknownReason()).contains("time limit");
    }

    @Test
    void memoryLimitAnswersUnknown() {
        // The same search with room for only 64 KiB of memo.
        var b = history();
        for (long i = 0; i < 40; i++) {
            b.invoke((int) i, "write", i);
        }
        b.read(99, 100L);
        LinearizabilityResult r = Linearizability.check(
                b.build(), Models.register(), CheckLimits.unlimited().withMemoryBytesMax(64 * 1024));
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.partitions().get(0).unknownReason()).contains("memory limit");
    }

    @Test
    void emptyHistoryIsLinearizable() {
        // Nothing happened, so nothing is wrong.
        assertThat(verdict(history().build(), Models.casRegister())).isEqualTo(Verdict.VALID);
    }
}
