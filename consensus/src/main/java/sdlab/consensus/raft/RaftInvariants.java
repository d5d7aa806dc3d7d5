package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * Raft's safety properties (Raft paper, figure 3), checked over the live nodes after every event
 * of a run. Each check throws an {@link IllegalStateException} saying what broke. The checks are
 * incremental, so that running them after every event stays cheap: each log entry, commit and
 * application is looked at once per node life, not once per event.
 *
 * <ul>
 *   <li>Election safety: at most one leader per term, over the whole run (leaders that have
 *       crashed since included).
 *   <li>Log matching: if two logs hold an entry with the same index and term, they are identical
 *       up to it. Checked as: every (index, term) ever seen names one command and one previous
 *       term, which by induction over the index gives identical prefixes.
 *   <li>Leader completeness: an entry committed in a term is in the log of every leader of that
 *       term or a later one. The term of a commit is that of the node that showed it first: the
 *       leader that committed it, since the check runs after every event (a stale leader of an
 *       earlier term than the commit need not have the entry).
 *   <li>State-machine safety: no two nodes apply different entries at the same index, and no
 *       two snapshots up to the same index differ.
 *   <li>Membership (Raft thesis §4.1): no log holds more than one configuration change after the
 *       entries seen committed, since a leader appends a change only once the previous one is
 *       committed; a leader is a member of the latest configuration in its log, unless the
 *       change that removed it is not committed yet; and a leader's change of its own term
 *       follows a commit of an entry of that term (the 2015 fix: checked as a rule, since the
 *       runs that break safety without it are rare). Election safety and leader completeness
 *       need no change of their own: they hold across configurations precisely because every
 *       majority a leader or candidate counts is one of the latest configuration in its log, and
 *       consecutive configurations differ by one server, so their majorities overlap.
 * </ul>
 *
 * <p>Compaction: a node's snapshot stands for the entries it covers. Those entries were seen
 * committed and applied (a node snapshots only at a tick, after the events that committed and
 * applied them were checked; a follower installs a snapshot some leader took), so a covered
 * index counts as holding the committed entry recorded for it, provided the snapshot's last
 * included term is that entry's term; a snapshot covering an index nobody was seen committing is
 * a violation.
 *
 * One object per run: it remembers what it has seen.
 */
public final class RaftInvariants {

    private record IndexTerm(long index, long term) {}

    private record Fact(Command command, long previousTerm) {}

    /** A committed entry and the term in which it was first seen committed. */
    private record Committed(LogEntry entry, long term) {}

    /** What has been checked of one node's current life (a restart brings a new log object). */
    private static final class Seen {
        final RaftLog log;
        long stamp;
        long committed;
        long applied;
        long leaderTerm;
        long leaderChecked;
        long snapshotChecked;

        Seen(RaftLog log) {
            this.log = log;
        }
    }

    private final Map<Long, NodeId> leaderOfTerm = new HashMap<>();
    private final Map<IndexTerm, Fact> facts = new HashMap<>();
    private final List<Committed> committed = new ArrayList<>();
    private final List<LogEntry> applied = new ArrayList<>();
    private final Map<NodeId, Seen> seen = new HashMap<>();
    private final Map<Long, Snapshot> snapshots = new HashMap<>();
    private final boolean checkChangeRule;

    /** Every check, the rule that a leader commits an entry of its term before a change included. */
    public RaftInvariants() {
        this(true);
    }

    private RaftInvariants(boolean checkChangeRule) {
        this.checkChangeRule = checkChangeRule;
    }

    /**
     * Every check but the rule that a leader commits an entry of its term before a change: for
     * sweeps that must show what breaking the rule does to safety itself.
     */
    public static RaftInvariants withoutChangeRule() {
        return new RaftInvariants(false);
    }

    /** At most one leader per term, ever. */
    public void electionSafety(Collection<RaftNode> nodes) {
        for (RaftNode node : nodes) {
            if (node.role() != Role.LEADER) {
                continue;
            }
            NodeId earlier = leaderOfTerm.putIfAbsent(node.term(), node.id());
            if (earlier != null && !earlier.equals(node.id())) {
                throw new IllegalStateException(
                        "two leaders in term " + node.term() + ": " + earlier + " and " + node.id());
            }
        }
    }

    /** Logs that share an (index, term) share the whole prefix up to it. */
    public void logMatching(Collection<RaftNode> nodes) {
        for (RaftNode node : nodes) {
            Seen known = seen(node);
            RaftLog log = node.log();
            long first = log.lastIndex() + 1;
            while (first > log.snapshotIndex() + 1 && log.stampAt(first - 1) > known.stamp) {
                first--;
            }
            for (long index = first; index <= log.lastIndex(); index++) {
                LogEntry entry = log.entry(index);
                Fact fact = new Fact(entry.command(), log.termAt(index - 1));
                Fact earlier = facts.putIfAbsent(new IndexTerm(index, entry.term()), fact);
                if (earlier != null && !earlier.equals(fact)) {
                    throw new IllegalStateException(node.id() + " holds entry " + index + " of term " + entry.term()
                            + " as " + fact + " but another log had " + earlier);
                }
                known.stamp = Math.max(known.stamp, log.stampAt(index));
            }
        }
    }

    /** Every committed entry is in the log of every leader of its term or a later one. */
    public void leaderCompleteness(Collection<RaftNode> nodes) {
        for (RaftNode node : nodes) {
            Seen known = seen(node);
            checkSnapshot(node, known);
            long upTo = Math.min(node.commitIndex(), node.log().lastIndex());
            for (long index = known.committed + 1; index <= upTo; index++) {
                if (index <= node.log().snapshotIndex()) {
                    requireSeen(committed.size(), index, node, "committing");
                    continue;
                }
                LogEntry entry = node.log().entry(index);
                if (index > committed.size()) {
                    committed.add(new Committed(entry, node.term()));
                } else if (!committed.get((int) index - 1).entry().equals(entry)) {
                    throw new IllegalStateException(
                            node.id() + " committed " + entry + " at index " + index + " where another node committed "
                                    + committed.get((int) index - 1).entry());
                }
            }
            known.committed = Math.max(known.committed, upTo);
        }
        for (RaftNode node : nodes) {
            if (node.role() != Role.LEADER) {
                continue;
            }
            Seen known = seen(node);
            if (known.leaderTerm != node.term()) {
                known.leaderTerm = node.term();
                known.leaderChecked = 0;
            }
            for (long index = known.leaderChecked + 1; index <= committed.size(); index++) {
                Committed entry = committed.get((int) index - 1);
                boolean has = index <= node.log().lastIndex()
                        && (index <= node.log().snapshotIndex()
                                || node.log().entry(index).equals(entry.entry()));
                if (entry.term() <= node.term() && !has) {
                    throw new IllegalStateException("leader " + node.id() + " of term " + node.term() + " lacks entry "
                            + index + " " + entry.entry() + ", committed in term " + entry.term());
                }
            }
            known.leaderChecked = committed.size();
        }
    }

    /** No two nodes apply different entries at one index. */
    public void stateMachineSafety(Collection<RaftNode> nodes) {
        for (RaftNode node : nodes) {
            Seen known = seen(node);
            for (long index = known.applied + 1; index <= node.lastApplied(); index++) {
                if (index <= node.log().snapshotIndex()) {
                    requireSeen(applied.size(), index, node, "applying");
                    continue;
                }
                agree(applied, index, node.log().entry(index), node.id() + " applied");
            }
            known.applied = Math.max(known.applied, node.lastApplied());
        }
    }

    /**
     * At most one configuration change in any log after the entries seen committed; a leader is a
     * member of its configuration unless its removal is still uncommitted. Run it after {@link
     * #leaderCompleteness}, which learns what is committed.
     */
    public void membership(Collection<RaftNode> nodes) {
        for (RaftNode node : nodes) {
            RaftLog log = node.log();
            int uncommitted = log.changesAfter(Math.max(committed.size(), log.snapshotIndex()));
            if (uncommitted > 1) {
                throw new IllegalStateException(node.id() + " holds " + uncommitted
                        + " uncommitted configuration changes after entry " + committed.size() + " in its " + log);
            }
            if (node.role() == Role.LEADER) {
                leaderMembership(node, log);
            }
        }
    }

    private void leaderMembership(RaftNode node, RaftLog log) {
        long changed = log.membersIndex();
        if (!log.members().contains(node.id()) && changed <= node.commitIndex()) {
            throw new IllegalStateException("leader " + node.id() + " of term " + node.term()
                    + " still leads after its removal from " + log.members() + " was committed");
        }
        // Only while the change is uncommitted: the walk to the term's first entry stays short.
        if (checkChangeRule
                && changed > log.snapshotIndex()
                && changed > node.commitIndex()
                && log.termAt(changed) == node.term()
                && node.commitIndex() < log.firstIndexOfTermAt(changed)) {
            throw new IllegalStateException("leader " + node.id() + " of term " + node.term()
                    + " appended a configuration change at " + changed + " before committing an entry of its term"
                    + " (commit index " + node.commitIndex() + ")");
        }
    }

    /** Entries committed so far, as the nodes agree on them: for tests and reports. */
    public int committedCount() {
        return committed.size();
    }

    /** Terms that had a leader so far. */
    public int leaderTerms() {
        return leaderOfTerm.size();
    }

    /**
     * A node's snapshot (once per new one): its last included term must be that of the entry
     * committed there, and it must equal every other snapshot up to the same index.
     */
    private void checkSnapshot(RaftNode node, Seen known) {
        RaftLog log = node.log();
        if (log.snapshotIndex() == known.snapshotChecked) {
            return;
        }
        known.snapshotChecked = log.snapshotIndex();
        requireSeen(committed.size(), log.snapshotIndex(), node, "committing");
        long committedTerm =
                committed.get((int) log.snapshotIndex() - 1).entry().term();
        if (committedTerm != log.snapshotTerm()) {
            throw new IllegalStateException(node.id() + "'s snapshot ends at entry " + log.snapshotIndex() + " of term "
                    + log.snapshotTerm() + " where an entry of term " + committedTerm + " was committed");
        }
        node.snapshot().ifPresent(snapshot -> {
            Snapshot earlier = snapshots.putIfAbsent(snapshot.lastIndex(), snapshot);
            if (earlier != null && !earlier.equals(snapshot)) {
                throw new IllegalStateException(node.id() + " has a snapshot up to entry " + snapshot.lastIndex()
                        + " that differs from another node's: " + snapshot + " vs " + earlier);
            }
        });
    }

    private static void requireSeen(int seenCount, long index, RaftNode node, String what) {
        if (index > seenCount) {
            throw new IllegalStateException(node.id() + "'s snapshot covers entry " + index
                    + ", which no node was seen " + what + " (" + seenCount + " seen)");
        }
    }

    private static void agree(List<LogEntry> agreed, long index, LogEntry entry, String who) {
        if (index <= agreed.size()) {
            LogEntry earlier = agreed.get((int) index - 1);
            if (!earlier.equals(entry)) {
                throw new IllegalStateException(
                        who + " " + entry + " at index " + index + " where another node had " + earlier);
            }
        } else {
            assert index == agreed.size() + 1 : "entries are observed in index order";
            agreed.add(entry);
        }
    }

    private Seen seen(RaftNode node) {
        Seen known = seen.get(node.id());
        if (known == null || known.log != node.log()) {
            known = new Seen(Objects.requireNonNull(node.log()));
            seen.put(node.id(), known);
        }
        return known;
    }
}
