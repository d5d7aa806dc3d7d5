package sdlab.kv.causal;

import java.util.Objects;

/**
 * The version of one write: a Lamport timestamp and the replica that took the write. Unique per
 * write (a replica raises its clock for each write it takes) and totally ordered, timestamp first,
 * so that concurrent writes of one key resolve the same way at every replica (last writer wins).
 *
 * @param lamport the Lamport timestamp the origin replica gave the write
 * @param origin the name of the replica that took the write from its client
 */
public record Version(long lamport, String origin) implements Comparable<Version> {
    public Version {
        Objects.requireNonNull(origin, "origin");
        if (lamport < 1) {
            throw new IllegalArgumentException("a version's timestamp starts at 1, got " + lamport);
        }
    }

    @Override
    public int compareTo(Version other) {
        int byTime = Long.compare(lamport, other.lamport);
        return byTime != 0 ? byTime : origin.compareTo(other.origin);
    }

    @Override
    public String toString() {
        return lamport + "." + origin;
    }
}
