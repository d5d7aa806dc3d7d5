package sdlab.ledger.profile;

import sdlab.core.Message;

/** The profile store's protocol: devices read and write one user's profile; replicas push whole states to each other. */
public sealed interface ProfileMessage extends Message {

    /** Apply one field's change to the replica's copy (last writer wins, CRDT map). */
    record Patch(long requestId, String user, Profile.Edit edit) implements ProfileMessage {}

    /** Store a whole profile the device resolved, based on the versions of {@code context} (version vectors). */
    record Put(long requestId, String user, Profile profile, VersionVector context) implements ProfileMessage {}

    /** The write is taken; replication to the other replicas happens afterwards. */
    record Written(long requestId) implements ProfileMessage {}

    /** Read the replica's copy of the profile. */
    record Read(long requestId, String user) implements ProfileMessage {}

    /** The replica's copy, with everything the application needs to see its conflicts. */
    record ReadReply(long requestId, String replica, ProfileState state) implements ProfileMessage {}

    /** A replica's whole copy of a profile, sent after each write and on every gossip round. */
    record Replicate(String user, ProfileState state) implements ProfileMessage {}
}
