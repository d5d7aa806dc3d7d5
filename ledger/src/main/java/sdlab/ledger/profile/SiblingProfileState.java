package sdlab.ledger.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Version vectors with siblings, after Dynamo and Riak, in the dotted form of Preguiça et al. ("Dotted version
 * vectors", 2010): every version carries the dot {@code (replica, counter)} of the write that made it and the context
 * (a version vector) its device had read. A write replaces exactly the versions whose dots its context covers; two
 * versions neither of which covers the other's dot are kept side by side and returned to the application.
 *
 * <p>Why dots: with a plain per-replica version vector, two devices that read the same versions and write through the
 * same replica get vectors {@code {r1: 5}} and {@code {r1: 6}}, and the second silently dominates the first although
 * neither device saw the other's write. The dot keeps "what this write is" apart from "what it has seen".
 */
public record SiblingProfileState(List<Version> siblings) implements ProfileState {

    /** One version of the profile: the write that made it, and the writes its device had seen. */
    public record Version(String replica, long counter, VersionVector context, Profile profile) {
        /** Everything this version has seen, its own write included. */
        VersionVector clock() {
            return context.join(VersionVector.empty().with(replica, counter));
        }

        /** Whether this version replaces {@code other}: it had seen {@code other}'s write. */
        boolean obsoletes(Version other, ProfileConfig.Bug bug) {
            if (other.replica.equals(replica) && other.counter == counter) {
                return false;
            }
            if (context.covers(other.replica, other.counter)) {
                return true;
            }
            boolean concurrent = !other.context.covers(replica, counter);
            // The planted bug: concurrent versions ordered by their vectors' sums, as if one had seen the other.
            return concurrent
                    && bug == ProfileConfig.Bug.CONCURRENT_AS_DOMINATED
                    && clock().compare(other.clock(), bug) == VersionVector.Order.AFTER;
        }
    }

    public SiblingProfileState {
        siblings = siblings.stream()
                .sorted(Comparator.comparing(Version::replica).thenComparingLong(Version::counter))
                .distinct()
                .toList();
    }

    static SiblingProfileState initial() {
        return new SiblingProfileState(List.of(new Version("", 0, VersionVector.empty(), Profile.initial())));
    }

    /** The join of every sibling's clock: the context a device sends back with the version it writes. */
    public VersionVector context() {
        return siblings.stream().map(Version::clock).reduce(VersionVector.empty(), VersionVector::join);
    }

    /**
     * Replica {@code replica} takes {@code profile}, written by a device that had read {@code context}: the new version
     * gets the replica's next dot and replaces every sibling whose dot the context covers.
     */
    SiblingProfileState put(Profile profile, VersionVector context, String replica, ProfileConfig.Bug bug) {
        long counter = Math.max(context().get(replica), context.get(replica)) + 1;
        List<Version> all = new ArrayList<>(siblings);
        all.add(new Version(replica, counter, context, profile));
        return new SiblingProfileState(current(all, bug));
    }

    @Override
    public ProfileState merge(ProfileState other, ProfileConfig.Bug bug) {
        List<Version> all = new ArrayList<>(siblings);
        all.addAll(((SiblingProfileState) other).siblings);
        return new SiblingProfileState(current(all, bug));
    }

    /** The versions no other version replaces. */
    private static List<Version> current(List<Version> versions, ProfileConfig.Bug bug) {
        return versions.stream()
                .filter(candidate -> versions.stream().noneMatch(other -> other.obsoletes(candidate, bug)))
                .toList();
    }

    @Override
    public long metadataBytes() {
        return siblings.stream()
                .mapToLong(v -> v.context().metadataBytes() + VersionVector.ENTRY_BYTES)
                .sum();
    }

    @Override
    public String canonical() {
        return toString();
    }

    @Override
    public Candidates candidates() {
        return Candidates.ofVersions(siblings.stream().map(Version::profile).toList());
    }
}
