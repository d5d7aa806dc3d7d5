package sdlab.sim;

import java.util.HashMap;
import java.util.Map;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/** A single-node key-value register: Put stores, Get reads; volatile (lost on crash). */
final class RegisterNode implements Node {

    private final Map<String, Long> values = new HashMap<>();

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case TestMessages.Put put -> {
                values.put(put.key(), put.value());
                ctx.send(from, new TestMessages.PutOk(put.key(), put.value()));
            }
            case TestMessages.Get get -> ctx.send(from, new TestMessages.GetOk(get.key(), values.get(get.key())));
            default -> {}
        }
    }
}
