package sdlab.repl;

import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.Fenced;
import sdlab.repl.ReplMessages.Ship;

/**
 * A fenced node's rule for shipments: the token decides whom to follow. A shipment under a newer token than any seen
 * comes from a newer primary, so a replica follows its sender and a primary steps down to it; one under an older
 * token comes from a deposed primary, and is refused with a {@link Fenced} answer that tells the sender so. Since
 * the fenced store acknowledges a commit only once a replica holds it, a refused shipment is a refused write.
 *
 * <p>The planted bug {@link Bug#PROMOTION_IGNORES_FENCING_TOKEN} makes a replica follow whoever shipped to it last,
 * whatever the token, taking the shipment over its own entries: the deposed primary's entries are accepted and its
 * commits acknowledged again.
 */
final class Fencing {
    private Fencing() {}

    static void onShip(ReplNode node, NodeId from, Ship ship, NodeContext ctx) {
        long seen = node.tokenSeen();
        node.sawToken(ship.token());
        boolean newer = ship.token() > seen;
        boolean older = ship.token() < seen;
        boolean ignoresToken = node.config().bug() == Bug.PROMOTION_IGNORES_FENCING_TOKEN;
        switch (node.role()) {
            case PrimaryRole primary -> {
                if (ignoresToken) {
                    return; // the planted bug: nobody compares tokens, so nothing deposes this primary
                }
                if (ship.token() > primary.lease().token()) {
                    node.stepDown(from, "a shipment under the newer token " + ship.token(), ctx);
                    node.role().onMessage(from, ship, ctx);
                } else if (ship.token() < primary.lease().token()) {
                    ctx.send(from, new Fenced(primary.lease().token(), ctx.self()));
                }
            }
            case ReplicaRole replica -> {
                if (older) {
                    if (!ignoresToken) {
                        ctx.send(from, new Fenced(seen, replica.source()));
                        return;
                    }
                    // The planted bug: the deposed primary's shipment is taken over this replica's own entries.
                    long firstShipped = ship.entries().isEmpty()
                            ? ship.headPosition() + 1
                            : ship.entries().getFirst().position();
                    node.adopt(from, firstShipped - 1, ctx);
                    node.role().onMessage(from, ship, ctx);
                    return;
                }
                if (!from.equals(replica.source())) {
                    if (!newer && !ignoresToken) {
                        return; // same token from another node: not this replica's source
                    }
                    node.follow(from, ctx);
                }
                node.role().onMessage(from, ship, ctx);
            }
            case JoiningRole joining -> {} // no data yet: a node joins from a snapshot, not from shipments
            case ColdRole standby -> {} // not running: a cold standby restores from its archive, not from shipments
        }
    }
}
