package sdlab.kv.causal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sdlab.core.NodeFactory;

/**
 * A test double for a replica's record of applied versions: the trimmed {@link AppliedVersionVector} the replica runs
 * on, and beside it the untrimmed set of every version applied, which the store kept before the trim. Every question
 * the replica asks goes to both; the vector's answer is the one used, and each time the two differ is counted. It also
 * keeps the largest size the vector reached, to show that the trim keeps memory small.
 */
final class ComparingAppliedVersions implements AppliedVersions {
    private final AppliedVersions trimmed;
    private final Set<Version> every = new HashSet<>();
    private long questions;
    private long disagreements;
    private int entriesPeak;

    ComparingAppliedVersions(AppliedVersions trimmed) {
        this.trimmed = trimmed;
    }

    @Override
    public void add(Version version) {
        trimmed.add(version);
        every.add(version);
        entriesPeak = Math.max(entriesPeak, trimmed.entries());
    }

    @Override
    public boolean contains(Version version) {
        boolean answer = trimmed.contains(version);
        questions++;
        if (answer != every.contains(version)) {
            disagreements++;
        }
        return answer;
    }

    @Override
    public int entries() {
        return trimmed.entries();
    }

    /**
     * Makes replicas with a comparing record each, one per start and restart, and keeps every record for the test. With
     * {@code config}'s planted bug {@link CausalConfig.Bug#TRIM_TREATS_GAP_AS_APPLIED} the vector is the broken one.
     */
    static final class Probe {
        private final List<ComparingAppliedVersions> made = new ArrayList<>();

        NodeFactory factory(CausalConfig config) {
            boolean broken = config.bug() == CausalConfig.Bug.TRIM_TREATS_GAP_AS_APPLIED;
            return id -> {
                ComparingAppliedVersions applied = new ComparingAppliedVersions(new AppliedVersionVector(broken));
                made.add(applied);
                return new CausalReplica(id, config, applied);
            };
        }

        long questions() {
            return made.stream().mapToLong(m -> m.questions).sum();
        }

        long disagreements() {
            return made.stream().mapToLong(m -> m.disagreements).sum();
        }

        /** The most entries any replica's vector held at once, over every incarnation. */
        int entriesPeak() {
            return made.stream().mapToInt(m -> m.entriesPeak).max().orElse(0);
        }

        /** The most versions any incarnation's untrimmed set held: what the store kept before the trim. */
        int untrimmedPeak() {
            return made.stream().mapToInt(m -> m.every.size()).max().orElse(0);
        }
    }
}
