package sdlab.lab.report;

import java.util.Objects;

/**
 * A JSON report of one seed range, read back to be merged with others.
 *
 * @param source where it was read from, for messages ("shard-0.json")
 * @param experiment the experiment's id
 * @param firstSeed its first seed
 * @param seeds how many consecutive seeds it covers
 * @param state the tallies it was computed from
 */
public record Shard(String source, String experiment, long firstSeed, int seeds, MergeableState state) {
    public Shard {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(state, "state");
    }

    /** The seed after its last one. */
    public long endSeed() {
        return firstSeed + seeds;
    }

    /** "shard-0.json (seeds 1..100)". */
    public String describe() {
        return source + " (" + (seeds == 1 ? "seed " + firstSeed : "seeds " + firstSeed + ".." + (endSeed() - 1)) + ")";
    }
}
