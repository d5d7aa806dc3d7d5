package sdlab.kv.causal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A client's causal context, COPS's "nearest dependencies": the writes its next operation must
 * not be seen without. A read adds the version it returned; a write replaces the whole context by
 * itself, because the write was made visible only after everything before it, so depending on it
 * depends on all of that too.
 *
 * <p>Several versions of one key may sit side by side: a client that wrote x and then read a
 * concurrent x from another replica depends on both, since the one does not imply the other.
 * Immutable, and a set kept as a sorted list without duplicates: sorted so that its printed form
 * (in traces) is the same on every run, and a list because that is what the real runtime's wire
 * format carries, so the context crosses between processes as it is.
 */
public record Context(List<Dependency> dependencies) {
    /** No dependencies: a new client's context. */
    public static final Context EMPTY = new Context(List.of());

    public Context {
        dependencies = sortedDistinct(dependencies);
    }

    private static List<Dependency> sortedDistinct(Collection<Dependency> dependencies) {
        return List.copyOf(new TreeSet<>(dependencies));
    }

    /** This context and the write {@code key}@{@code version} that a read returned. */
    public Context afterRead(String key, Version version) {
        List<Dependency> more = new ArrayList<>(dependencies);
        more.add(new Dependency(key, version));
        return new Context(more);
    }

    /** The context after the client's own write {@code key}@{@code version}: that write alone. */
    public static Context afterWrite(String key, Version version) {
        return new Context(List.of(new Dependency(key, version)));
    }

    /** The largest Lamport timestamp among the dependencies, 0 when there are none. */
    public long lamportMax() {
        return dependencies.stream().mapToLong(d -> d.version().lamport()).max().orElse(0);
    }

    public int size() {
        return dependencies.size();
    }

    @Override
    public String toString() {
        return dependencies.toString();
    }
}
