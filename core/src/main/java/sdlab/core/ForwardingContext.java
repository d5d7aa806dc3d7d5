package sdlab.core;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A node context that passes every call on to another: the base of the contexts that wrap a node or a client to
 * change one thing (count, drop or translate what it sends) and leave the rest as it was. A subclass overrides what
 * it changes and calls {@link #delegate()} for the rest.
 */
public abstract class ForwardingContext implements NodeContext {
    private final NodeContext delegate;

    protected ForwardingContext(NodeContext delegate) {
        this.delegate = delegate;
    }

    /** The context every call goes on to. */
    protected final NodeContext delegate() {
        return delegate;
    }

    @Override
    public NodeId self() {
        return delegate.self();
    }

    @Override
    public void send(NodeId to, Message message) {
        delegate.send(to, message);
    }

    @Override
    public TimerId setTimer(Duration delay, Timer timer) {
        return delegate.setTimer(delay, timer);
    }

    @Override
    public void cancelTimer(TimerId id) {
        delegate.cancelTimer(id);
    }

    @Override
    public long nowNanos() {
        return delegate.nowNanos();
    }

    @Override
    public RandomGenerator random() {
        return delegate.random();
    }

    @Override
    public Disk disk() {
        return delegate.disk();
    }

    @Override
    public void note(String text) {
        delegate.note(text);
    }
}
