package sdlab.kv.causal;

import java.util.Objects;

/**
 * The version of one write: a Lamport timestamp, the replica that took the write, and that replica's count of the
 * writes it took (its sequence number). Unique per write (a replica raises its clock for each write it takes) and
 * totally ordered, timestamp first, so that concurrent writes of one key resolve the same way at every replica (last
 * writer wins).
 *
 * <p>The sequence number decides nothing about order or conflicts: within one origin it rises with the timestamp, so
 * (timestamp, origin) already names the write. It is there so that a replica can remember which writes it applied as a
 * version vector, one contiguous prefix per origin plus the few above a gap ({@link AppliedVersionVector}), instead of
 * a set of every version. It is printed as timestamp.origin, as it was before it was added, so traces stay the same.
 *
 * @param lamport the Lamport timestamp the origin replica gave the write
 * @param origin the name of the replica that took the write from its client
 * @param seq the origin's number for this write: its first write is 1, its next 2, and so on without gaps
 */
public record Version(long lamport, String origin, long seq) implements Comparable<Version> {
    public Version {
        Objects.requireNonNull(origin, "origin");
        if (lamport < 1) {
            throw new IllegalArgumentException("a version's timestamp starts at 1, got " + lamport);
        }
        if (seq < 1) {
            throw new IllegalArgumentException("an origin's sequence numbers start at 1, got " + seq);
        }
    }

    /** Timestamp first, then origin; the sequence number only breaks ties that real writes never make. */
    @Override
    public int compareTo(Version other) {
        int byTime = Long.compare(lamport, other.lamport);
        if (byTime != 0) {
            return byTime;
        }
        int byOrigin = origin.compareTo(other.origin);
        return byOrigin != 0 ? byOrigin : Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return lamport + "." + origin;
    }
}
