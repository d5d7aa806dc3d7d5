package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.GroupMessages;

/**
 * The classic consumer-group protocol: JoinGroup (key 11) v6, SyncGroup (14) v4, Heartbeat (12) v4 and LeaveGroup
 * (13) v4. The txlog node's group coordinator decides membership, generations and leaders; the member metadata and
 * assignments are the consumers' bytes, passed through unread. Static membership (group instance ids) is not served:
 * the ids are read and ignored.
 */
final class GroupMembershipApi {
    private final NodeCalls node;

    GroupMembershipApi(NodeCalls node) {
        this.node = node;
    }

    CompletableFuture<ByteBuf> join(KafkaReader in) {
        String groupId = in.compactString();
        int sessionTimeoutMs = in.int32();
        int rebalanceTimeoutMs = in.int32();
        String memberId = in.compactString();
        in.compactString(); // group instance id
        in.compactString(); // protocol type: "consumer"
        List<GroupMessages.Protocol> protocols = new ArrayList<>();
        int count = in.compactArrayLength();
        for (int i = 0; i < count; i++) {
            protocols.add(new GroupMessages.Protocol(in.compactString(), in.compactBytes()));
            in.skipTaggedFields();
        }
        in.skipTaggedFields();
        return node.callGroup(id -> new GroupMessages.JoinGroup(
                        id, groupId, memberId, sessionTimeoutMs, rebalanceTimeoutMs, protocols))
                .thenApply(answer -> {
                    KafkaWriter out = new KafkaWriter().int32(0);
                    if (answer instanceof GroupMessages.JoinGroupOk ok) {
                        out.int16(KafkaError.NONE)
                                .int32(ok.generation())
                                .compactString(ok.protocolName())
                                .compactString(ok.leaderId())
                                .compactString(ok.memberId())
                                .compactArrayLength(ok.members().size());
                        for (GroupMessages.Member member : ok.members()) {
                            out.compactString(member.memberId())
                                    .compactString(null)
                                    .compactBytes(member.metadata())
                                    .noTaggedFields();
                        }
                    } else {
                        out.int16(error(answer))
                                .int32(-1)
                                .compactString("")
                                .compactString("")
                                .compactString(memberId == null ? "" : memberId)
                                .compactArrayLength(0);
                    }
                    return out.noTaggedFields().buffer();
                });
    }

    CompletableFuture<ByteBuf> sync(KafkaReader in) {
        String groupId = in.compactString();
        int generation = in.int32();
        String memberId = in.compactString();
        in.compactString(); // group instance id
        Map<String, byte[]> assignments = new LinkedHashMap<>();
        int count = in.compactArrayLength();
        for (int i = 0; i < count; i++) {
            assignments.put(in.compactString(), in.compactBytes());
            in.skipTaggedFields();
        }
        in.skipTaggedFields();
        return node.callGroup(id -> new GroupMessages.SyncGroup(id, groupId, generation, memberId, assignments))
                .thenApply(answer -> {
                    KafkaWriter out = new KafkaWriter().int32(0);
                    if (answer instanceof GroupMessages.SyncGroupOk ok) {
                        out.int16(KafkaError.NONE).compactBytes(ok.assignment());
                    } else {
                        out.int16(error(answer)).compactBytes(new byte[0]);
                    }
                    return out.noTaggedFields().buffer();
                });
    }

    CompletableFuture<ByteBuf> heartbeat(KafkaReader in) {
        String groupId = in.compactString();
        int generation = in.int32();
        String memberId = in.compactString();
        in.compactString(); // group instance id
        in.skipTaggedFields();
        return node.callGroup(id -> new GroupMessages.Heartbeat(id, groupId, generation, memberId))
                .thenApply(answer -> new KafkaWriter()
                        .int32(0)
                        .int16(error(answer))
                        .noTaggedFields()
                        .buffer());
    }

    /** Each leaving member is its own request to the node; the answer lists each one's outcome. */
    CompletableFuture<ByteBuf> leave(KafkaReader in) {
        String groupId = in.compactString();
        List<String> memberIds = new ArrayList<>();
        int count = in.compactArrayLength();
        for (int i = 0; i < count; i++) {
            memberIds.add(in.compactString());
            in.compactString(); // group instance id
            in.skipTaggedFields();
        }
        in.skipTaggedFields();
        List<CompletableFuture<GroupMessages.Response>> answers = new ArrayList<>();
        for (String memberId : memberIds) {
            answers.add(node.callGroup(id -> new GroupMessages.LeaveGroup(id, groupId, memberId)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    KafkaWriter out =
                            new KafkaWriter().int32(0).int16(KafkaError.NONE).compactArrayLength(memberIds.size());
                    for (int i = 0; i < memberIds.size(); i++) {
                        out.compactString(memberIds.get(i))
                                .compactString(null)
                                .int16(error(answers.get(i).join()))
                                .noTaggedFields();
                    }
                    return out.noTaggedFields().buffer();
                });
    }

    static short error(GroupMessages.Response answer) {
        return answer instanceof GroupMessages.GroupRefused refused ? KafkaError.of(refused.error()) : KafkaError.NONE;
    }
}
