package sdlab.kv.causal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The versions a replica has applied, kept as a version vector with exceptions: per origin, the highest sequence
 * number below which every write of that origin is applied (the contiguous prefix), and the sequence numbers applied
 * above the first gap. Its size is the number of origins plus the writes applied out of order that are still waiting
 * for an earlier write of their origin; once the earlier write arrives (its origin resends it until this replica
 * acknowledges it), the prefix moves past them and they are forgotten.
 *
 * <p>It answers exactly as a set of every applied version would: a version is applied if its sequence number is in the
 * prefix or among the exceptions. That keeps the dependency check asking for the dependency's exact version. What it
 * must never do is let a gap count as applied: a write missing from the middle of an origin's sequence may be the very
 * dependency a held write waits for. The planted bug {@link CausalConfig.Bug#TRIM_TREATS_GAP_AS_APPLIED} does that (the
 * prefix jumps to any sequence number applied above it), and the causal checker and the comparison with the untrimmed
 * set catch it.
 */
final class AppliedVersionVector implements AppliedVersions {
    /** What one origin's writes look like here. */
    private static final class OriginApplied {
        /** Every write of the origin numbered up to this is applied; 0 when none is. */
        long prefix;
        /** Writes applied above the prefix, not contiguous with it; empty when this replica has no gap. */
        final TreeSet<Long> aboveGap = new TreeSet<>();
    }

    private final Map<String, OriginApplied> origins = new HashMap<>();
    private final boolean gapCountsAsApplied;

    /** The correct vector. */
    AppliedVersionVector() {
        this(false);
    }

    /** With {@code gapCountsAsApplied}, the planted bug: a write applied above a gap fills the gap. */
    AppliedVersionVector(boolean gapCountsAsApplied) {
        this.gapCountsAsApplied = gapCountsAsApplied;
    }

    @Override
    public void add(Version version) {
        OriginApplied applied = origins.computeIfAbsent(version.origin(), origin -> new OriginApplied());
        long seq = version.seq();
        if (seq <= applied.prefix) {
            return;
        }
        if (seq == applied.prefix + 1 || gapCountsAsApplied) {
            applied.prefix = seq;
            // The writes that were waiting above the gap now join the prefix, as far as they run on without a gap.
            while (!applied.aboveGap.isEmpty() && applied.aboveGap.first() <= applied.prefix + 1) {
                applied.prefix = Math.max(applied.prefix, applied.aboveGap.pollFirst());
            }
        } else {
            applied.aboveGap.add(seq);
        }
    }

    @Override
    public boolean contains(Version version) {
        OriginApplied applied = origins.get(version.origin());
        return applied != null && (version.seq() <= applied.prefix || applied.aboveGap.contains(version.seq()));
    }

    @Override
    public int entries() {
        int entries = origins.size();
        for (OriginApplied applied : origins.values()) {
            entries += applied.aboveGap.size();
        }
        return entries;
    }
}
