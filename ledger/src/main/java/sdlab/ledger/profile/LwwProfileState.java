package sdlab.ledger.profile;

import java.util.List;

/**
 * Last writer wins: the whole profile carries the wall-clock time of the replica that took its latest write, and of
 * two copies the later timestamp (then the higher replica id) survives. A write whose replica clock is behind the
 * copy it lands on is acknowledged and then shadowed at once; nothing tells anyone.
 *
 * @param profile the surviving version
 * @param timestampNanos the writing replica's clock when it took the write
 * @param writer the replica that took the write, to break timestamp ties the same way everywhere
 */
public record LwwProfileState(Profile profile, long timestampNanos, String writer) implements ProfileState {
    /** An 8-byte timestamp and a replica id of a few bytes. */
    private static final int METADATA_BYTES = 10;

    static LwwProfileState initial() {
        return new LwwProfileState(Profile.initial(), Long.MIN_VALUE, "");
    }

    /** Replica {@code replica} applies {@code edit} to its copy and stamps it with its own clock. */
    LwwProfileState write(Profile.Edit edit, String replica, long nowNanos) {
        LwwProfileState written = new LwwProfileState(profile.with(edit), nowNanos, replica);
        return later(written, this);
    }

    @Override
    public ProfileState merge(ProfileState other, ProfileConfig.Bug bug) {
        return later(this, (LwwProfileState) other);
    }

    private static LwwProfileState later(LwwProfileState a, LwwProfileState b) {
        int order = Long.compare(a.timestampNanos, b.timestampNanos);
        if (order == 0) {
            order = a.writer.compareTo(b.writer);
        }
        if (order == 0) {
            order = a.profile.toString().compareTo(b.profile.toString());
        }
        return order >= 0 ? a : b;
    }

    @Override
    public long metadataBytes() {
        return METADATA_BYTES;
    }

    @Override
    public String canonical() {
        return toString();
    }

    @Override
    public Candidates candidates() {
        return Candidates.ofVersions(List.of(profile));
    }
}
