package sdlab.txlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.txlog.GroupMessages.CommitOffsets;
import sdlab.txlog.GroupMessages.FetchOffsets;
import sdlab.txlog.GroupMessages.GroupError;
import sdlab.txlog.GroupMessages.GroupOk;
import sdlab.txlog.GroupMessages.GroupRefused;
import sdlab.txlog.GroupMessages.Heartbeat;
import sdlab.txlog.GroupMessages.JoinGroup;
import sdlab.txlog.GroupMessages.JoinGroupOk;
import sdlab.txlog.GroupMessages.LeaveGroup;
import sdlab.txlog.GroupMessages.SyncGroup;
import sdlab.txlog.GroupMessages.SyncGroupOk;

/**
 * The group coordinator of Kafka's classic consumer protocol: members join, a rebalance gathers them into a new
 * generation whose leader (a consumer) computes the assignment, SyncGroup hands each member its share, heartbeats keep
 * members alive, and committed offsets are kept per group.
 *
 * <p>A group is Empty, PreparingRebalance (joins are held until every member has rejoined or the rebalance timeout
 * passes, when the ones that did not are dropped), CompletingRebalance (the new generation is out; syncs are held
 * until the leader's assignment arrives) or Stable. Any join, leave or session expiry starts a rebalance; members
 * learn of it from the REBALANCE_IN_PROGRESS answer to their next heartbeat, as in Kafka.
 *
 * <p>The coordinator returns its answers instead of sending them, so a test can call it directly. Its state lives in
 * memory: unlike Kafka's {@code __consumer_offsets}, committed offsets do not survive a restart yet.
 */
final class GroupCoordinator {
    static final int GROUPS_MAX = 1000;
    static final int MEMBERS_PER_GROUP_MAX = 100;
    private static final byte[] NO_BYTES = new byte[0];

    /** An answer for a client. */
    record Reply(NodeId to, GroupMessages.Response message) {}

    enum Phase {
        EMPTY,
        PREPARING_REBALANCE,
        COMPLETING_REBALANCE,
        STABLE
    }

    private static final class MemberState {
        final String id;
        List<GroupMessages.Protocol> protocols = List.of();
        long sessionTimeoutNanos;
        long rebalanceTimeoutNanos;
        long lastSeenNanos;
        NodeId joinFrom;
        long joinRequestId = -1;
        NodeId syncFrom;
        long syncRequestId = -1;
        byte[] assignment = NO_BYTES;

        MemberState(String id) {
            this.id = id;
        }
    }

    private static final class Group {
        Phase phase = Phase.EMPTY;
        int generation;
        String protocol;
        String leader;
        long rebalanceDeadlineNanos;
        long memberIdLast;
        final Map<String, MemberState> members = new TreeMap<>();
        final Map<TopicPartition, Long> offsets = new TreeMap<>();
        /** The application's string committed with each offset; a commit without one sets it empty, as Kafka's. */
        final Map<TopicPartition, String> metadata = new TreeMap<>();
        /** Offsets committed inside a transaction, by producer id: invisible until it commits. */
        final Map<Long, Map<TopicPartition, Long>> pendingByProducer = new TreeMap<>();
        /** The metadata of those pending offsets. */
        final Map<Long, Map<TopicPartition, String>> pendingMetadataByProducer = new TreeMap<>();
    }

    private final Map<String, Group> groups = new TreeMap<>();

    List<Reply> onJoin(NodeId from, JoinGroup join, long nowNanos) {
        Group group = group(join.groupId());
        if (group == null) {
            return refuse(from, join.requestId(), GroupError.GROUP_MAX_SIZE_REACHED);
        }
        MemberState member;
        if (join.memberId() == null || join.memberId().isEmpty()) {
            if (group.members.size() >= MEMBERS_PER_GROUP_MAX) {
                return refuse(from, join.requestId(), GroupError.GROUP_MAX_SIZE_REACHED);
            }
            member = new MemberState(join.groupId() + "-member-" + ++group.memberIdLast);
            group.members.put(member.id, member);
        } else {
            member = group.members.get(join.memberId());
            if (member == null) {
                return refuse(from, join.requestId(), GroupError.UNKNOWN_MEMBER_ID);
            }
        }
        member.protocols = join.protocols();
        member.sessionTimeoutNanos = join.sessionTimeoutMs() * 1_000_000L;
        member.rebalanceTimeoutNanos = join.rebalanceTimeoutMs() * 1_000_000L;
        member.lastSeenNanos = nowNanos;
        member.joinFrom = from;
        member.joinRequestId = join.requestId();
        List<Reply> replies = new ArrayList<>();
        if (group.phase != Phase.PREPARING_REBALANCE) {
            startRebalance(group, nowNanos, replies);
        }
        completeJoin(group, false, replies);
        return replies;
    }

    List<Reply> onSync(NodeId from, SyncGroup sync, long nowNanos) {
        Group group = groups.get(sync.groupId());
        MemberState member = group == null ? null : group.members.get(sync.memberId());
        if (member == null) {
            return refuse(from, sync.requestId(), GroupError.UNKNOWN_MEMBER_ID);
        }
        if (sync.generation() != group.generation) {
            return refuse(from, sync.requestId(), GroupError.ILLEGAL_GENERATION);
        }
        member.lastSeenNanos = nowNanos;
        List<Reply> replies = new ArrayList<>();
        switch (group.phase) {
            case EMPTY, PREPARING_REBALANCE ->
                replies.addAll(refuse(from, sync.requestId(), GroupError.REBALANCE_IN_PROGRESS));
            case STABLE -> replies.add(new Reply(from, new SyncGroupOk(sync.requestId(), member.assignment)));
            case COMPLETING_REBALANCE -> {
                member.syncFrom = from;
                member.syncRequestId = sync.requestId();
                if (member.id.equals(group.leader)) {
                    for (MemberState each : group.members.values()) {
                        each.assignment = sync.assignments().getOrDefault(each.id, NO_BYTES);
                    }
                    group.phase = Phase.STABLE;
                }
                if (group.phase == Phase.STABLE) {
                    answerHeldSyncs(group, replies);
                }
            }
        }
        return replies;
    }

    List<Reply> onHeartbeat(NodeId from, Heartbeat heartbeat, long nowNanos) {
        Group group = groups.get(heartbeat.groupId());
        MemberState member = group == null ? null : group.members.get(heartbeat.memberId());
        if (member == null) {
            return refuse(from, heartbeat.requestId(), GroupError.UNKNOWN_MEMBER_ID);
        }
        if (heartbeat.generation() != group.generation) {
            return refuse(from, heartbeat.requestId(), GroupError.ILLEGAL_GENERATION);
        }
        member.lastSeenNanos = nowNanos;
        if (group.phase == Phase.PREPARING_REBALANCE) {
            return refuse(from, heartbeat.requestId(), GroupError.REBALANCE_IN_PROGRESS);
        }
        return List.of(new Reply(from, new GroupOk(heartbeat.requestId())));
    }

    List<Reply> onLeave(NodeId from, LeaveGroup leave, long nowNanos) {
        Group group = groups.get(leave.groupId());
        if (group == null || group.members.remove(leave.memberId()) == null) {
            return refuse(from, leave.requestId(), GroupError.UNKNOWN_MEMBER_ID);
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply(from, new GroupOk(leave.requestId())));
        membersChanged(group, nowNanos, replies);
        return replies;
    }

    List<Reply> onCommit(NodeId from, CommitOffsets commit) {
        Group group = group(commit.groupId());
        if (group == null) {
            return refuse(from, commit.requestId(), GroupError.GROUP_MAX_SIZE_REACHED);
        }
        Optional<GroupError> refused = checkMember(group, commit.generation(), commit.memberId());
        if (refused.isPresent()) {
            return refuse(from, commit.requestId(), refused.get());
        }
        commitInto(group, commit.offsets(), commit.metadata());
        return List.of(new Reply(from, new GroupOk(commit.requestId())));
    }

    private static void commitInto(
            Group group, Map<TopicPartition, Long> offsets, Map<TopicPartition, String> metadata) {
        group.offsets.putAll(offsets);
        offsets.keySet().forEach(tp -> group.metadata.put(tp, metadata.getOrDefault(tp, "")));
    }

    /**
     * Offsets committed inside a transaction (the transaction coordinator has checked the producer): kept pending
     * until {@link #endTxn}. The consumer's generation and member id are checked as for a plain commit.
     */
    List<Reply> onTxnCommit(NodeId from, GroupMessages.TxnOffsetCommit commit) {
        Group group = group(commit.groupId());
        if (group == null) {
            return refuse(from, commit.requestId(), GroupError.GROUP_MAX_SIZE_REACHED);
        }
        Optional<GroupError> refused = checkMember(group, commit.generation(), commit.memberId());
        if (refused.isPresent()) {
            return refuse(from, commit.requestId(), refused.get());
        }
        group.pendingByProducer
                .computeIfAbsent(commit.producerId(), pid -> new TreeMap<>())
                .putAll(commit.offsets());
        Map<TopicPartition, String> pendingMetadata =
                group.pendingMetadataByProducer.computeIfAbsent(commit.producerId(), pid -> new TreeMap<>());
        commit.offsets()
                .keySet()
                .forEach(tp -> pendingMetadata.put(tp, commit.metadata().getOrDefault(tp, "")));
        return List.of(new Reply(from, new GroupOk(commit.requestId())));
    }

    /** A transaction that committed offsets for {@code groupIds} ended: its pending offsets become committed or go. */
    void endTxn(long producerId, Collection<String> groupIds, boolean commit) {
        for (String groupId : groupIds) {
            Group group = groups.get(groupId);
            Map<TopicPartition, Long> pending = group == null ? null : group.pendingByProducer.remove(producerId);
            Map<TopicPartition, String> pendingMetadata =
                    group == null ? null : group.pendingMetadataByProducer.remove(producerId);
            if (pending != null && commit) {
                commitInto(group, pending, pendingMetadata == null ? Map.of() : pendingMetadata);
            }
        }
    }

    List<Reply> onFetchOffsets(NodeId from, FetchOffsets fetch) {
        Group group = groups.get(fetch.groupId());
        Map<TopicPartition, Long> found = new TreeMap<>();
        Map<TopicPartition, String> metadata = new TreeMap<>();
        Set<TopicPartition> unstable = new TreeSet<>();
        if (group != null) {
            group.offsets.forEach((tp, offset) -> {
                if (fetch.partitions().isEmpty() || fetch.partitions().contains(tp)) {
                    found.put(tp, offset);
                    metadata.put(tp, group.metadata.getOrDefault(tp, ""));
                }
            });
            group.pendingByProducer.values().forEach(pending -> pending.keySet().forEach(tp -> {
                if (fetch.partitions().isEmpty() || fetch.partitions().contains(tp)) {
                    unstable.add(tp);
                }
            }));
        }
        return List.of(new Reply(from, new GroupMessages.OffsetsOk(fetch.requestId(), found, unstable, metadata)));
    }

    /** A commit from outside the group (generation -1, no member id) is not checked; a member's must be current. */
    private static Optional<GroupError> checkMember(Group group, int generation, String memberId) {
        boolean standalone = generation < 0 && (memberId == null || memberId.isEmpty());
        if (standalone) {
            return Optional.empty();
        }
        if (!group.members.containsKey(memberId)) {
            return Optional.of(GroupError.UNKNOWN_MEMBER_ID);
        }
        if (generation != group.generation) {
            return Optional.of(GroupError.ILLEGAL_GENERATION);
        }
        if (group.phase == Phase.PREPARING_REBALANCE) {
            return Optional.of(GroupError.REBALANCE_IN_PROGRESS);
        }
        return Optional.empty();
    }

    /** Drops members whose session expired and ends rebalances whose timeout passed. */
    List<Reply> onTick(long nowNanos) {
        List<Reply> replies = new ArrayList<>();
        for (Group group : groups.values()) {
            boolean expired = group.members
                    .values()
                    .removeIf(member ->
                            member.joinRequestId < 0 && nowNanos - member.lastSeenNanos > member.sessionTimeoutNanos);
            if (expired) {
                membersChanged(group, nowNanos, replies);
            } else if (group.phase == Phase.PREPARING_REBALANCE && nowNanos >= group.rebalanceDeadlineNanos) {
                completeJoin(group, true, replies);
            }
        }
        return replies;
    }

    /** The group's phase and generation, for tests. */
    String describe(String groupId) {
        Group group = groups.get(groupId);
        return group == null ? "none" : group.phase + " generation " + group.generation + " " + group.members.keySet();
    }

    private void membersChanged(Group group, long nowNanos, List<Reply> replies) {
        if (group.members.isEmpty()) {
            group.phase = Phase.EMPTY;
            return;
        }
        if (group.phase != Phase.PREPARING_REBALANCE) {
            startRebalance(group, nowNanos, replies);
        }
        completeJoin(group, false, replies);
    }

    private static void startRebalance(Group group, long nowNanos, List<Reply> replies) {
        group.phase = Phase.PREPARING_REBALANCE;
        long timeout = group.members.values().stream()
                .mapToLong(m -> m.rebalanceTimeoutNanos)
                .max()
                .orElse(0);
        group.rebalanceDeadlineNanos = nowNanos + timeout;
        for (MemberState member : group.members.values()) {
            if (member.syncRequestId >= 0) {
                replies.add(new Reply(
                        member.syncFrom, new GroupRefused(member.syncRequestId, GroupError.REBALANCE_IN_PROGRESS)));
                member.syncRequestId = -1;
            }
        }
    }

    /** Ends the rebalance once every member has rejoined, or at the deadline without the ones that did not. */
    private static void completeJoin(Group group, boolean deadlinePassed, List<Reply> replies) {
        if (group.phase != Phase.PREPARING_REBALANCE) {
            return;
        }
        boolean allJoined = group.members.values().stream().allMatch(m -> m.joinRequestId >= 0);
        if (!allJoined && !deadlinePassed) {
            return;
        }
        group.members.values().removeIf(m -> m.joinRequestId < 0);
        if (group.members.isEmpty()) {
            group.phase = Phase.EMPTY;
            return;
        }
        group.generation++;
        if (group.leader == null || !group.members.containsKey(group.leader)) {
            group.leader = group.members.keySet().iterator().next();
        }
        group.protocol = chooseProtocol(group);
        group.phase = Phase.COMPLETING_REBALANCE;
        List<GroupMessages.Member> everyone = new ArrayList<>();
        for (MemberState member : group.members.values()) {
            everyone.add(new GroupMessages.Member(member.id, metadata(member, group.protocol)));
        }
        for (MemberState member : group.members.values()) {
            List<GroupMessages.Member> shown = member.id.equals(group.leader) ? everyone : List.of();
            replies.add(new Reply(
                    member.joinFrom,
                    new JoinGroupOk(
                            member.joinRequestId, group.generation, group.protocol, group.leader, member.id, shown)));
            member.joinRequestId = -1;
        }
    }

    /** The leader's most preferred protocol that every member also offers (the leader's first if none is shared). */
    private static String chooseProtocol(Group group) {
        List<GroupMessages.Protocol> leaders = group.members.get(group.leader).protocols;
        for (GroupMessages.Protocol candidate : leaders) {
            boolean shared = group.members.values().stream()
                    .allMatch(m -> m.protocols.stream().anyMatch(p -> p.name().equals(candidate.name())));
            if (shared) {
                return candidate.name();
            }
        }
        return leaders.isEmpty() ? "" : leaders.get(0).name();
    }

    private static byte[] metadata(MemberState member, String protocol) {
        return member.protocols.stream()
                .filter(p -> p.name().equals(protocol))
                .map(GroupMessages.Protocol::metadata)
                .findFirst()
                .orElse(NO_BYTES);
    }

    private static void answerHeldSyncs(Group group, List<Reply> replies) {
        for (MemberState member : group.members.values()) {
            if (member.syncRequestId >= 0) {
                replies.add(new Reply(member.syncFrom, new SyncGroupOk(member.syncRequestId, member.assignment)));
                member.syncRequestId = -1;
            }
        }
    }

    private Group group(String groupId) {
        if (!groups.containsKey(groupId) && groups.size() >= GROUPS_MAX) {
            return null;
        }
        return groups.computeIfAbsent(groupId, id -> new Group());
    }

    private static List<Reply> refuse(NodeId to, long requestId, GroupError error) {
        return List.of(new Reply(to, new GroupRefused(requestId, error)));
    }
}
