package sdlab.repl;

import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.repl.ReplMessages.PortOpen;
import sdlab.repl.ReplMessages.PortProbe;

/**
 * A host's kernel listening on the store's port, modelled apart from the store's process on purpose: the kernel
 * completes a TCP handshake from the listen backlog without the process running, so a process stopped in a GC pause,
 * or blocked on a dead disk, still "accepts" connections. Only a crash of the process (whose socket the kernel then
 * closes) or a network cut stops the answer; a scenario crashes this node together with the process and names it in
 * every partition that names the process.
 */
public final class PortListener implements Node {
    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof PortProbe probe) {
            ctx.send(from, new PortOpen(probe.round()));
        }
    }
}
