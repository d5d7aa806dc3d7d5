package sdlab.app.cluster;

import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.shard.store.ShardRouter;

/**
 * The sharded store's router under {@code cluster test}'s register workload: the workload asks {@code read} and
 * {@code write} (as it asks the quorum store), the router knows them as {@code get} and {@code put}; every other
 * operation passes unchanged. The history keeps the workload's names, so the register model checks it as it is.
 */
final class RegisterOpsClient implements Client {
    static final String READ = "read";
    static final String WRITE = "write";

    private final Client router;

    RegisterOpsClient(Client router) {
        this.router = router;
    }

    @Override
    public void onStart(ClientContext ctx) {
        router.onStart(ctx);
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        String f =
                switch (invocation.f()) {
                    case READ -> ShardRouter.GET;
                    case WRITE -> ShardRouter.PUT;
                    default -> invocation.f();
                };
        router.onInvoke(
                new Invocation(invocation.opId(), invocation.process(), f, invocation.key(), invocation.value()), ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        router.onMessage(from, message, ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        router.onTimer(id, timer, ctx);
    }
}
