package sdlab.sim;

import sdlab.core.Message;

/** A message in flight, due at its receiver; the hot event of every run. */
final class MessageArrival implements SimEvent {
    final Endpoint from;
    final Endpoint to;
    final long messageId;
    final Message message;
    /** {@link StableHash} of the message, computed once at send time for the trace hash. */
    final int messageHash;

    MessageArrival(Endpoint from, Endpoint to, long messageId, Message message, int messageHash) {
        this.from = from;
        this.to = to;
        this.messageId = messageId;
        this.message = message;
        this.messageHash = messageHash;
    }

    @Override
    public void fire(Engine engine) {
        engine.network().arrive(this);
    }
}
