package sdlab.shard.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import sdlab.resp.RespReply;
import sdlab.resp.RespRequest;

/**
 * One client connection of the door: it runs the client's commands one at a time, in the order sent (pipelined
 * commands queue behind the one in flight), and writes each reply in that order, as Redis does. A command's reply may
 * come later, on a router's thread; it is brought back to this connection's event loop before anything here changes.
 */
final class ShardConnection extends SimpleChannelInboundHandler<RespRequest> {
    /** Commands queued behind the one in flight, at most; a client that pipelines more is cut off. */
    static final int QUEUED_MAX = 10_000;

    private final ShardCommands commands;
    private final ArrayDeque<RespRequest.Command> queued = new ArrayDeque<>();
    private Channel channel;
    private boolean inFlight;
    /** A protocol error to answer once the commands before it are answered; then the connection closes. */
    private RespReply closingError;

    ShardConnection(ShardCommands commands) {
        this.commands = commands;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queued.clear(); // a client gone mid-pipeline: what it queued is not run, what is in flight finishes unheard
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RespRequest request) {
        switch (request) {
            case RespRequest.Malformed malformed -> {
                // The rest of the stream cannot be framed: Redis answers the error and closes, after the commands
                // before it.
                closingError = RespReply.error("ERR Protocol error: " + malformed.reason());
            }
            case RespRequest.Command command -> {
                if (queued.size() >= QUEUED_MAX) {
                    queued.clear();
                    closingError = RespReply.error("ERR more than " + QUEUED_MAX + " commands pipelined: closing");
                } else {
                    queued.addLast(command);
                }
            }
        }
        runQueued();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset connection, or a bug in a command: the door goes on serving the others
    }

    /** Runs queued commands until one waits for the store; then the protocol error, if one came, and the close. */
    private void runQueued() {
        while (!inFlight && !queued.isEmpty() && channel.isActive()) {
            RespRequest.Command command = queued.removeFirst();
            inFlight = true;
            CompletableFuture<RespReply> reply = commands.run(command);
            if (reply.isDone()) {
                answered(command, reply.join());
            } else {
                reply.whenComplete((answer, failure) -> channel.eventLoop().execute(() -> {
                    answered(command, failure == null ? answer : RespReply.error("ERR the door failed: " + failure));
                    runQueued();
                }));
            }
        }
        if (!inFlight && closingError != null) {
            channel.write(Unpooled.wrappedBuffer(closingError.bytes()));
            closingError = null;
            closeAfterWrites();
        }
        channel.flush();
    }

    private void answered(RespRequest.Command command, RespReply reply) {
        inFlight = false;
        channel.write(Unpooled.wrappedBuffer(reply.bytes()));
        if (DoorCommand.named(command.args().getFirst()) == DoorCommand.QUIT) {
            queued.clear();
            closeAfterWrites();
        }
    }

    private void closeAfterWrites() {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
