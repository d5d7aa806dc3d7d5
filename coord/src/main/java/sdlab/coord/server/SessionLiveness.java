package sdlab.coord.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The leader's view of which sessions are alive: each open session's deadline, pushed back
 * whenever any server hears its client. A new leader gives every session a whole timeout from
 * when it took over (as ZooKeeper's does), since it cannot know when the old leader last heard
 * them. A session past its deadline is expired once: the leader proposes its close and waits.
 */
final class SessionLiveness {
    private final Map<Long, Long> deadlineNanos = new TreeMap<>();
    private final Set<Long> closing = new HashSet<>();

    /** Takes over: every open session gets a whole timeout from {@code nowNanos}. */
    void lead(Map<Long, ReplicatedTree.SessionRecord> sessions, long nowNanos) {
        deadlineNanos.clear();
        closing.clear();
        sessions.forEach((id, session) -> touch(id, session.timeoutMs(), nowNanos));
    }

    /** The session's client was heard at about {@code nowNanos}. */
    void touch(long session, int timeoutMs, long nowNanos) {
        deadlineNanos.put(session, nowNanos + timeoutMs * 1_000_000L);
    }

    /** The session is closed: it is forgotten. */
    void closed(long session) {
        deadlineNanos.remove(session);
        closing.remove(session);
    }

    /** The sessions past their deadline and not already being closed, in id order; they count as closing now. */
    List<Long> expire(long nowNanos) {
        List<Long> expired = new ArrayList<>();
        deadlineNanos.forEach((session, deadline) -> {
            if (nowNanos - deadline > 0 && closing.add(session)) {
                expired.add(session);
            }
        });
        return expired;
    }
}
