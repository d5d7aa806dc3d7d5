package sdlab.sim;

import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/** A node whose handlers are given as lambdas, for tests that need one specific behaviour. */
final class ScriptedNode implements Node {

    interface OnStart {
        void run(NodeContext ctx, boolean restarted);
    }

    interface OnTimer {
        void run(Timer timer, NodeContext ctx);
    }

    interface OnSynced {
        void run(long syncId, NodeContext ctx);
    }

    interface OnMessage {
        void run(NodeId from, Message message, NodeContext ctx);
    }

    private OnStart onStart = (ctx, restarted) -> {};
    private OnTimer onTimer = (timer, ctx) -> {};
    private OnSynced onSynced = (syncId, ctx) -> {};
    private OnMessage onMessage = (from, message, ctx) -> {};

    ScriptedNode onStart(OnStart handler) {
        this.onStart = handler;
        return this;
    }

    ScriptedNode onTimer(OnTimer handler) {
        this.onTimer = handler;
        return this;
    }

    ScriptedNode onSynced(OnSynced handler) {
        this.onSynced = handler;
        return this;
    }

    ScriptedNode onMessage(OnMessage handler) {
        this.onMessage = handler;
        return this;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        onStart.run(ctx, restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        onMessage.run(from, message, ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        onTimer.run(timer, ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        onSynced.run(syncId, ctx);
    }
}
