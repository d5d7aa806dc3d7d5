package sdlab.ledger.profile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * One of a user's devices: it edits and views the user's profile through one replica, and moves to the next replica
 * when that one stops answering. Operations, one at a time:
 *
 * <ul>
 *   <li>{@code edit [field, value]}: last writer wins and the CRDT map send the change alone; version vectors read
 *       the versions, resolve them ({@link ConflictResolver}), apply the change and write back with the context.
 *       {@code Ok} with a {@link ProfileResult}; {@code Fail} if nothing was written; {@code Unknown} if the write
 *       was sent and no answer came.
 *   <li>{@code remove [value]}: the user removes an interest they see: the device reads and resolves the profile
 *       first, and if the interest is not shown it fails (there is nothing to click); otherwise it sends the removal
 *       alone (last writer wins, CRDT map) or writes the resolved profile without it back with the context (version
 *       vectors).
 *   <li>{@code view}: reads and resolves the profile; {@code Ok} with what the device showed.
 *   <li>{@code audit}: reads every replica every {@link ProfileConfig#auditPollMs()} until they all hold the same
 *       state or {@link ProfileConfig#auditWaitMsMax()} has passed, and reports how long that took.
 * </ul>
 */
public final class ProfileDevice implements Client {
    public static final String EDIT = "edit";
    public static final String REMOVE = "remove";
    public static final String VIEW = "view";
    public static final String AUDIT = "audit";

    record RequestTimeout(long requestId) implements Timer {}

    record PollDue(long round) implements Timer {}

    private enum Phase {
        IDLE,
        EDIT_READ,
        EDIT_WRITE,
        VIEW,
        AUDIT
    }

    private final ProfileConfig config;
    private final ConflictResolver resolver;
    private final ConflictResolver.UserChoice user;
    private int replicaIndex;
    private int failovers;
    private Phase phase = Phase.IDLE;
    private long opId;
    private String profileKey;
    private Profile.Edit edit;
    private ConflictResolver.Resolution readResolution;
    private long requestIds;
    private TimerId timeout;
    private long auditStartNanos;
    private final Map<String, ProfileState> auditReplies = new TreeMap<>();

    /** A device that starts on replica {@code firstReplica} (its session's replica, or the one nearest to it). */
    public ProfileDevice(ProfileConfig config, ConflictResolver.UserChoice user, int firstReplica) {
        this.config = Objects.requireNonNull(config, "config");
        this.user = Objects.requireNonNull(user, "user");
        this.resolver = new ConflictResolver(user, config.listMerge());
        this.replicaIndex = Math.floorMod(firstReplica, config.replicas().size());
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        if (phase != Phase.IDLE) {
            ctx.complete(invocation.opId(), Outcome.fail("one profile operation at a time"));
            return;
        }
        opId = invocation.opId();
        profileKey = invocation.key();
        switch (invocation.f()) {
            case EDIT -> {
                List<?> args = (List<?>) invocation.value();
                edit = new Profile.Edit((String) args.get(0), (String) args.get(1));
                user.typed(edit);
                if (config.handling() == ConflictHandling.VERSION_VECTORS) {
                    request(Phase.EDIT_READ, new ProfileMessage.Read(++requestIds, profileKey), ctx);
                } else {
                    request(Phase.EDIT_WRITE, new ProfileMessage.Patch(++requestIds, profileKey, edit), ctx);
                }
            }
            case REMOVE -> {
                edit = Profile.Edit.removal((String) ((List<?>) invocation.value()).get(0));
                request(Phase.EDIT_READ, new ProfileMessage.Read(++requestIds, profileKey), ctx);
            }
            case VIEW -> request(Phase.VIEW, new ProfileMessage.Read(++requestIds, profileKey), ctx);
            case AUDIT -> {
                phase = Phase.AUDIT;
                auditStartNanos = ctx.nowNanos();
                poll(ctx);
            }
            default -> ctx.complete(opId, Outcome.fail("a profile device takes edit, remove, view and audit"));
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        switch (message) {
            case ProfileMessage.ReadReply reply
            when phase == Phase.AUDIT && reply.requestId() == requestIds ->
                auditReplies.put(reply.replica(), reply.state());
            case ProfileMessage.ReadReply reply when reply.requestId() == requestIds -> onRead(reply.state(), ctx);
            case ProfileMessage.Written written
            when written.requestId() == requestIds && phase == Phase.EDIT_WRITE -> {
                ConflictResolver.Resolution resolution = readResolution != null
                        ? readResolution
                        : new ConflictResolver.Resolution(Profile.initial(), false, 0, List.of());
                finish(Outcome.ok(ProfileResult.of(resolution, false, failovers).encode()), ctx);
            }
            default -> {} // a late answer to a request already given up
        }
    }

    private void onRead(ProfileState state, ClientContext ctx) {
        ConflictResolver.Resolution resolution = resolver.resolve(state.candidates());
        if (phase == Phase.VIEW) {
            finish(Outcome.ok(ProfileResult.of(resolution, true, failovers).encode()), ctx);
        } else if (phase == Phase.EDIT_READ) {
            ctx.cancelTimer(timeout);
            timeout = null;
            if (edit.removes() && !resolution.profile().interests().contains(edit.value())) {
                finish(Outcome.fail("the interest " + edit.value() + " is not shown, so it cannot be removed"), ctx);
                return;
            }
            readResolution = resolution;
            if (!(state instanceof SiblingProfileState siblings)) {
                request(Phase.EDIT_WRITE, new ProfileMessage.Patch(++requestIds, profileKey, edit), ctx);
                return;
            }
            ProfileMessage.Put put = new ProfileMessage.Put(
                    ++requestIds, profileKey, resolution.profile().with(edit), siblings.context());
            request(Phase.EDIT_WRITE, put, ctx);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case RequestTimeout expired
            when expired.requestId() == requestIds && phase != Phase.AUDIT -> {
                replicaIndex = (replicaIndex + 1) % config.replicas().size();
                failovers++;
                finish(
                        phase == Phase.EDIT_WRITE
                                ? Outcome.unknown("no answer to the write; it may have been taken")
                                : Outcome.fail("no answer from the replica"),
                        ctx);
            }
            case PollDue due when phase == Phase.AUDIT && due.round() == requestIds -> judgeAuditRound(ctx);
            default -> {}
        }
    }

    private void request(Phase next, ProfileMessage message, ClientContext ctx) {
        phase = next;
        ctx.send(config.replicas().get(replicaIndex), message);
        timeout = ctx.setTimer(Duration.ofMillis(config.requestTimeoutMs()), new RequestTimeout(requestIds));
    }

    private void poll(ClientContext ctx) {
        auditReplies.clear();
        long round = ++requestIds;
        config.replicas().forEach(replica -> ctx.send(replica, new ProfileMessage.Read(round, profileKey)));
        ctx.setTimer(Duration.ofMillis(config.auditPollMs()), new PollDue(round));
    }

    private void judgeAuditRound(ClientContext ctx) {
        AuditRound round = AuditRound.of(auditReplies, config.replicas().size());
        long waitedNanos = ctx.nowNanos() - auditStartNanos;
        boolean agreed = round.divergentReplicas() == 0;
        if (!agreed && waitedNanos < Duration.ofMillis(config.auditWaitMsMax()).toNanos()) {
            poll(ctx);
            return;
        }
        ProfileResult result = ProfileResult.of(resolver.resolve(round.common().candidates()), true, failovers)
                .withAudit(
                        agreed ? waitedNanos : -1,
                        round.divergentReplicas(),
                        round.common().metadataBytes());
        finish(Outcome.ok(result.encode()), ctx);
    }

    private void finish(Outcome outcome, ClientContext ctx) {
        if (timeout != null) {
            ctx.cancelTimer(timeout);
            timeout = null;
        }
        phase = Phase.IDLE;
        readResolution = null;
        ctx.complete(opId, outcome);
    }
}
