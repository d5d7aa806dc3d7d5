package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dependency check and the pieces around it, one at a time, without a network. */
class DependencyCheckTest {
    private static final Version Y1 = new Version(1, "s1", 1);
    private static final Version X2 = new Version(2, "s2", 1);
    private static final Version X3 = new Version(3, "s3", 1);

    private static CausalWrite write(String key, Object value, Version version, Context deps) {
        return new CausalWrite(key, value, version, deps);
    }

    @Test
    void aReplicatedWriteIsHeldUntilItsDependencyIsAppliedAndThenReleased() {
        // Shows: x (which depends on y) is not released while y is missing, and is once y is applied.
        VisibleStore store = new VisibleStore();
        PendingReplications pending = new PendingReplications();
        pending.hold(write("x", 2L, X2, Context.afterWrite("y", Y1)));

        assertThat(pending.takeReady(store, true)).isEmpty();
        store.apply(write("y", 1L, Y1, Context.EMPTY));
        assertThat(pending.takeReady(store, true))
                .extracting(CausalWrite::version)
                .containsExactly(X2);
        assertThat(pending.size()).isZero();
    }

    @Test
    void aNewerConcurrentVersionOfTheKeyDoesNotSatisfyADependency() {
        // Shows: depending on x@2 is not met by a concurrent x@3 that won last-writer-wins; x@2 itself must be applied.
        VisibleStore store = new VisibleStore();
        store.apply(write("x", 3L, X3, Context.EMPTY));

        assertThat(store.covers(Context.afterWrite("x", X2))).isFalse();
        store.apply(write("x", 2L, X2, Context.EMPTY));
        assertThat(store.covers(Context.afterWrite("x", X2))).isTrue();
        assertThat(store.visible("x").version())
                .as("the older write applied but lost")
                .isEqualTo(X3);
    }

    @Test
    void withTheCheckSwitchedOffEveryHeldWriteIsReleasedAtOnce() {
        // Shows: the planted bug's path really skips the check (the simulation test shows the checker catches it).
        PendingReplications pending = new PendingReplications();
        pending.hold(write("x", 2L, X2, Context.afterWrite("y", Y1)));

        assertThat(pending.takeReady(new VisibleStore(), false)).hasSize(1);
    }

    @Test
    void aWriteReplacesTheContextAndAReadAddsToIt() {
        // Shows: COPS's nearest dependencies; two versions of one key stay side by side.
        Context context = Context.afterWrite("x", X2).afterRead("x", X3).afterRead("y", Y1);
        assertThat(context.size()).isEqualTo(3);
        assertThat(context.lamportMax()).isEqualTo(3);
        assertThat(Context.afterWrite("z", new Version(9, "s1", 2)).size()).isEqualTo(1);
    }

    @Test
    void aContextIsOneSortedListWithoutRepeatsInWhateverOrderItIsBuilt() {
        // Shows: the context is a set kept as a sorted list, so that two equal sets are equal contexts (and equal
        // after a trip over the wire, which carries lists) and a dependency read twice counts once.
        Dependency y1 = new Dependency("y", Y1);
        Dependency x2 = new Dependency("x", X2);
        Context built = new Context(List.of(y1, x2, y1));

        assertThat(built.dependencies()).containsExactly(x2, y1);
        assertThat(built)
                .isEqualTo(Context.afterWrite("y", Y1).afterRead("x", X2).afterRead("y", Y1));
    }

    @Test
    void theLogReplaysItsWritesAndDropsATornTail() {
        // Shows: what a replica logged comes back in order, and half a record at the end is ignored.
        CausalWrite first = write("y", "one", Y1, Context.EMPTY);
        CausalWrite second = write("x", null, X2, Context.afterWrite("y", Y1).afterRead("x", X3));
        byte[] a = CausalLog.frame(first);
        byte[] b = CausalLog.frame(second);
        byte[] torn = Arrays.copyOf(a, a.length + b.length - 3);
        System.arraycopy(b, 0, torn, a.length, b.length - 3);

        List<CausalWrite> whole = new ArrayList<>();
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(CausalLog.decode(both, whole)).isEqualTo(both.length);
        assertThat(whole).containsExactly(first, second);

        List<CausalWrite> cut = new ArrayList<>();
        assertThat(CausalLog.decode(torn, cut)).isEqualTo(a.length);
        assertThat(cut).containsExactly(first);
    }
}
