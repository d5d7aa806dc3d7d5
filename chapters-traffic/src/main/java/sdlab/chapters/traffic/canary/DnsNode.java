package sdlab.chapters.traffic.canary;

import sdlab.chapters.traffic.canary.CanaryMessage.Answer;
import sdlab.chapters.traffic.canary.CanaryMessage.DnsRecord;
import sdlab.chapters.traffic.canary.CanaryMessage.Resolve;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/** The site's authoritative DNS: one record, flipped between blue and green, answered with its TTL. */
final class DnsNode implements Node {
    private final long ttlNanos;
    private NodeId target;

    DnsNode(NodeId target, long ttlNanos) {
        this.target = target;
        this.ttlNanos = ttlNanos;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Resolve resolve -> ctx.send(from, new Answer(target, ttlNanos));
            case DnsRecord record -> target = record.target();
            default -> throw new IllegalStateException("DNS does not expect " + message);
        }
    }
}
