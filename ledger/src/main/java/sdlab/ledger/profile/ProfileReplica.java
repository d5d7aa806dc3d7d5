package sdlab.ledger.profile;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * One leader of the multi-leader profile store: it takes every write a device sends, acknowledges it at once, and
 * then pushes its whole copy of that profile to every other replica; a gossip round repeats the push for every
 * profile, so copies meet again after a partition. Nothing is made durable: a restarted replica starts empty and
 * catches up from the others' gossip (chapter 18's faults do not crash replicas).
 */
public final class ProfileReplica implements Node {
    /** Time for the next anti-entropy round. */
    record GossipDue() implements Timer {}

    private final ProfileConfig config;
    private final Map<String, ProfileState> profiles = new TreeMap<>();

    public ProfileReplica(ProfileConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ofMillis(config.gossipIntervalMs()), new GossipDue());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof ProfileMessage profileMessage)) {
            return;
        }
        switch (profileMessage) {
            case ProfileMessage.Patch patch -> {
                ProfileState state = copyOf(patch.user());
                ProfileState next =
                        switch (state) {
                            case LwwProfileState lww ->
                                lww.write(patch.edit(), ctx.self().name(), ctx.nowNanos());
                            case CrdtProfileState crdt ->
                                crdt.write(patch.edit(), ctx.self().name());
                            case SiblingProfileState siblings ->
                                throw new IllegalStateException("a version-vector store takes puts, not patches");
                        };
                written(from, patch.requestId(), patch.user(), next, ctx);
            }
            case ProfileMessage.Put put -> {
                if (!(copyOf(put.user()) instanceof SiblingProfileState siblings)) {
                    throw new IllegalStateException("only a version-vector store takes puts with a context");
                }
                ProfileState next =
                        siblings.put(put.profile(), put.context(), ctx.self().name(), config.bug());
                written(from, put.requestId(), put.user(), next, ctx);
            }
            case ProfileMessage.Read read ->
                ctx.send(
                        from,
                        new ProfileMessage.ReadReply(
                                read.requestId(), ctx.self().name(), copyOf(read.user())));
            case ProfileMessage.Replicate replicate ->
                profiles.put(replicate.user(), copyOf(replicate.user()).merge(replicate.state(), config.bug()));
            case ProfileMessage.Written ignored -> {}
            case ProfileMessage.ReadReply ignored -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof GossipDue) {
            profiles.forEach((user, state) -> pushToOthers(user, state, ctx));
            ctx.setTimer(Duration.ofMillis(config.gossipIntervalMs()), new GossipDue());
        }
    }

    private void written(NodeId device, long requestId, String user, ProfileState next, NodeContext ctx) {
        profiles.put(user, next);
        ctx.send(device, new ProfileMessage.Written(requestId));
        pushToOthers(user, next, ctx);
    }

    private void pushToOthers(String user, ProfileState state, NodeContext ctx) {
        for (NodeId replica : config.replicas()) {
            if (!replica.equals(ctx.self())) {
                ctx.send(replica, new ProfileMessage.Replicate(user, state));
            }
        }
    }

    private ProfileState copyOf(String user) {
        return profiles.getOrDefault(user, config.handling().empty());
    }
}
