package sdlab.consensus.raft;

import java.util.List;
import java.util.Optional;
import sdlab.consensus.raft.RaftConfig.Bug;
import sdlab.consensus.raft.RaftMessages.AddServer;
import sdlab.consensus.raft.RaftMessages.ChangeRefused;
import sdlab.consensus.raft.RaftMessages.MembersChanged;
import sdlab.consensus.raft.RaftMessages.MembershipRequest;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftMessages.RemoveServer;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * The leader's side of single-server membership changes (Raft thesis §4.1): an administrator's
 * {@link AddServer} or {@link RemoveServer} becomes a {@link Command.ChangeMembers} entry with
 * the whole new configuration, and is answered once that entry is committed.
 *
 * <p>Two rules keep any two configurations in play overlapping in a majority:
 *
 * <ul>
 *   <li>One change at a time: a new one is accepted only once the latest configuration in the
 *       leader's log is committed; otherwise it is refused with the reason.
 *   <li>Not before the leader has committed an entry of its own term (its no-op). Without it, a
 *       leader may add a change to a configuration that a change it never saw (appended by an
 *       earlier leader, uncommitted, on a minority) has already left, and the two changes' new
 *       configurations need not overlap: the bug Ongaro described on raft-dev in 2015, whose fix
 *       is this rule. A request that arrives before is held, not refused, and goes ahead once the
 *       no-op commits. The planted bug {@link Bug#CHANGE_BEFORE_TERM_COMMIT} drops the rule.
 * </ul>
 */
final class MembershipChanges {
    /** A request the leader has accepted: not yet appended ({@code index} 0), or appended at {@code index}. */
    private record Pending(NodeId client, long requestId, List<NodeId> members, long index) {}

    private final long term;
    private final long firstIndex;
    private final PersistentState state;
    private final RaftConfig config;
    private Pending pending;

    /** For the leader of {@code term}, whose first entry (the no-op) is at {@code firstIndex}. */
    MembershipChanges(long term, long firstIndex, PersistentState state, RaftConfig config) {
        this.term = term;
        this.firstIndex = firstIndex;
        this.state = state;
        this.config = config;
    }

    /** An administrator's request; returns whether a configuration entry was appended. */
    boolean onRequest(NodeId client, MembershipRequest request, long commitIndex, NodeContext ctx) {
        RaftLog log = state.log();
        List<NodeId> current = log.members();
        List<NodeId> target =
                switch (request) {
                    case AddServer add -> Members.with(current, add.server());
                    case RemoveServer remove -> Members.without(current, remove.server());
                };
        boolean inProgress = log.membersIndex() > commitIndex;
        if (target.equals(current)) {
            // Made already (a retry, or nothing to do): answer now if committed, else once it is.
            if (!inProgress) {
                ctx.send(client, new MembersChanged(request.requestId(), current));
            } else if (pending == null || pending.members().equals(current)) {
                pending = new Pending(client, request.requestId(), current, log.membersIndex());
            } else {
                refuse(client, request, "another membership change is in progress", ctx);
            }
            return false;
        }
        if (pending != null && pending.members().equals(target)) {
            // A retry of the change already accepted (held or appended): the latest attempt gets the answer.
            pending = new Pending(client, request.requestId(), target, pending.index());
            return false;
        }
        if (target.isEmpty()) {
            refuse(client, request, "it would remove the last member " + current, ctx);
            return false;
        }
        if (pending != null || inProgress) {
            refuse(client, request, "a membership change to " + log.members() + " is in progress", ctx);
            return false;
        }
        pending = new Pending(client, request.requestId(), target, 0);
        return appendIfTermCommitted(commitIndex, ctx);
    }

    /** The commit index moved: append a held change, or answer a committed one; returns whether it appended. */
    boolean onCommit(long commitIndex, NodeContext ctx) {
        if (pending == null) {
            return false;
        }
        if (pending.index() == 0) {
            return appendIfTermCommitted(commitIndex, ctx);
        }
        if (commitIndex >= pending.index()) {
            ctx.send(pending.client(), new MembersChanged(pending.requestId(), pending.members()));
            pending = null;
        }
        return false;
    }

    private boolean appendIfTermCommitted(long commitIndex, NodeContext ctx) {
        if (commitIndex < firstIndex && config.bug() != Bug.CHANGE_BEFORE_TERM_COMMIT) {
            ctx.note("leader of term " + term + " holds the change to " + pending.members() + " until its entry "
                    + firstIndex + " commits");
            return false;
        }
        long index = state.append(new LogEntry(term, new Command.ChangeMembers(pending.members())));
        pending = new Pending(pending.client(), pending.requestId(), pending.members(), index);
        ctx.note("leader of term " + term + " appends members " + pending.members() + " at " + index);
        return true;
    }

    private static void refuse(NodeId client, MembershipRequest request, String reason, NodeContext ctx) {
        ctx.send(client, new ChangeRefused(request.requestId(), reason));
    }

    /** The leader stepped down: the administrator learns nothing definite (the change may still commit). */
    void stepDown(NodeContext ctx) {
        if (pending != null) {
            ctx.send(pending.client(), new NotLeader(pending.requestId(), Optional.empty()));
            pending = null;
        }
    }
}
