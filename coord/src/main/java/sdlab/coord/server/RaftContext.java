package sdlab.coord.server;

import java.time.Duration;
import java.util.random.RandomGenerator;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** The context a replica hands its embedded Raft node: the same, except that Raft's messages travel in an envelope. */
final class RaftContext implements NodeContext {
    private final NodeContext outer;

    RaftContext(NodeContext outer) {
        this.outer = outer;
    }

    @Override
    public NodeId self() {
        return outer.self();
    }

    @Override
    public void send(NodeId to, Message message) {
        outer.send(to, new PeerMessages.Raft((RaftMessage) message));
    }

    @Override
    public TimerId setTimer(Duration delay, Timer timer) {
        return outer.setTimer(delay, timer);
    }

    @Override
    public void cancelTimer(TimerId id) {
        outer.cancelTimer(id);
    }

    @Override
    public long nowNanos() {
        return outer.nowNanos();
    }

    @Override
    public RandomGenerator random() {
        return outer.random();
    }

    @Override
    public Disk disk() {
        return outer.disk();
    }

    @Override
    public void note(String text) {
        outer.note(text);
    }
}
