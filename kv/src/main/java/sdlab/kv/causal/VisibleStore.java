package sdlab.kv.causal;

import java.util.TreeMap;

/**
 * What one replica's readers see: per key the winning write among those applied (last writer
 * wins on the version), and which versions are applied, the winners and the losers.
 *
 * <p>The dependency check asks for the exact version, not "this version or a newer one" of the
 * key: a newer write of the key may be concurrent with the dependency, and then its being here says
 * nothing about the dependency's own dependencies. A write that loses last-writer-wins still
 * counts as applied once its dependencies were there. Which versions are applied is kept as a
 * version vector with exceptions ({@link AppliedVersionVector}), whose size is the number of
 * origins plus the writes applied out of order, not the number of writes ever applied.
 */
final class VisibleStore {
    private final TreeMap<String, CausalWrite> winners = new TreeMap<>();
    private final AppliedVersions applied;

    VisibleStore() {
        this(new AppliedVersionVector());
    }

    VisibleStore(AppliedVersions applied) {
        this.applied = applied;
    }

    /** Applies {@code write}: recorded as applied, and visible if it is the newest of its key. */
    void apply(CausalWrite write) {
        applied.add(write.version());
        CausalWrite current = winners.get(write.key());
        if (current == null || write.version().compareTo(current.version()) > 0) {
            winners.put(write.key(), write);
        }
    }

    /** The visible write of {@code key}, or null for a key never written. */
    CausalWrite visible(String key) {
        return winners.get(key);
    }

    boolean isApplied(Version version) {
        return applied.contains(version);
    }

    /** The dependency check: every write of {@code context} is applied here. */
    boolean covers(Context context) {
        for (Dependency dependency : context.dependencies()) {
            if (!applied.contains(dependency.version())) {
                return false;
            }
        }
        return true;
    }
}
