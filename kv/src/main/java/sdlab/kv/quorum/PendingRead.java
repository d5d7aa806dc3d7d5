package sdlab.kv.quorum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.core.TimerId;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.ReadReply;

/** A read a coordinator has sent out, through its phases. */
final class PendingRead {
    enum Phase {
        /** Waiting for R replies. */
        COLLECTING,
        /** Blocking read repair: writing the chosen version back to W targets before answering. */
        WRITING_BACK,
        /** The client has its answer; background repair may still fix late repliers. */
        ANSWERED
    }

    final OpId op;
    final NodeId client;
    final long requestId;
    final String key;
    final TargetSet targets;
    final Map<NodeId, ReadReply> replies = new TreeMap<>();
    final Set<NodeId> writeBackAcks = new TreeSet<>();
    /** The newest version each replier is known to hold, counting repairs already pushed. */
    final Map<NodeId, Version> repairedTo = new HashMap<>();

    Phase phase = Phase.COLLECTING;
    Optional<Versioned> chosen = Optional.empty();
    List<TimerId> timers = List.of();

    PendingRead(OpId op, NodeId client, long requestId, String key, TargetSet targets) {
        this.op = op;
        this.client = client;
        this.requestId = requestId;
        this.key = key;
        this.targets = targets;
    }

    /** The newest version among the replies so far. */
    Optional<Versioned> newest() {
        Optional<Versioned> newest = Optional.empty();
        for (ReadReply reply : replies.values()) {
            newest = Versioned.newest(newest, reply.item());
        }
        return newest;
    }

    /** How many repliers reported exactly {@code item}'s version as already synced. */
    long durableCopiesOf(Versioned item) {
        return replies.values().stream()
                .filter(ReadReply::durable)
                .filter(reply -> reply.item()
                        .map(held -> held.version().compareWith(item.version()) == Version.Order.SAME)
                        .orElse(false))
                .count();
    }

    boolean allTargetsReplied() {
        return replies.size() == targets.size();
    }
}
