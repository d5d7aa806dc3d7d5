package sdlab.consensus.raft;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.NodeId;

/**
 * The state machine as it was after applying the log up to {@code lastIndex}, whose entry has
 * {@code lastTerm} (Raft §7): the data and the client sessions, in key order, and the
 * configuration of voting members as of that entry (thesis §4.1), and the {@link Application}'s
 * state (empty when there is none), so that a restart or an InstallSnapshot restores it; in key order so that the same
 * state always encodes to the same bytes. It replaces the log entries it covers; the last
 * included index and term stay, because the entry after it is checked against them.
 *
 * <p>The maps are declared as {@code Map}, which the runtime's wire format carries (it keeps the
 * order sent), and are always sorted maps underneath.
 */
record Snapshot(
        long lastIndex,
        long lastTerm,
        Map<String, Object> data,
        Map<String, KvStateMachine.Session> sessions,
        List<NodeId> members,
        byte[] application) {

    /** A snapshot of the key-value machine alone, with no {@link Application} state. */
    Snapshot(
            long lastIndex,
            long lastTerm,
            Map<String, Object> data,
            Map<String, KvStateMachine.Session> sessions,
            List<NodeId> members) {
        this(lastIndex, lastTerm, data, sessions, members, new byte[0]);
    }

    Snapshot {
        if (lastIndex < 1 || lastTerm < 1) {
            throw new IllegalArgumentException(
                    "a snapshot covers at least entry 1 of term 1, got (" + lastIndex + ", " + lastTerm + ")");
        }
        data = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(data, "data")));
        sessions = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(sessions, "sessions")));
        members = Members.normalise(members);
        // Not copied: a coordination tree's snapshot is tens of megabytes, and nobody changes it.
        Objects.requireNonNull(application, "application");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot that
                && lastIndex == that.lastIndex
                && lastTerm == that.lastTerm
                && data.equals(that.data)
                && sessions.equals(that.sessions)
                && members.equals(that.members)
                && Arrays.equals(application, that.application);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastIndex, lastTerm, data, sessions, members, Arrays.hashCode(application));
    }

    @Override
    public String toString() {
        return "Snapshot[lastIndex=" + lastIndex + ", lastTerm=" + lastTerm + ", keys=" + data.size() + ", sessions="
                + sessions.size() + ", members=" + members + ", application=" + application.length + " bytes]";
    }
}
