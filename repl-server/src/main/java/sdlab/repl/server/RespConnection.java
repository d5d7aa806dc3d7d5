package sdlab.repl.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.repl.ReplMessages;
import sdlab.repl.ReplNode;
import sdlab.resp.RespReply;
import sdlab.resp.RespRequest;

/**
 * One client connection of the door: it runs the client's commands one at a time, in the order sent (pipelined
 * commands queue behind the one in flight), and writes each reply in that order. A command either answers at once or
 * waits: for the node's answer to the messages it sent, or for a WAIT's condition. Everything here runs on the node's
 * event loop.
 */
final class RespConnection extends SimpleChannelInboundHandler<RespRequest> implements ReplCommands.Session {
    /** Commands queued behind the one in flight, at most; a client that pipelines more is cut off. */
    static final int QUEUED_MAX = 10_000;
    /** How long a command waits for the node before its client hears that the outcome is unknown. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    private final ReplRespDoor door;
    private final ReplCommands commands;
    private final ArrayDeque<RespRequest.Command> queued = new ArrayDeque<>();
    private Channel channel;
    private NodeId id;
    private long requestIds;
    /** The command in flight waits for an answer to this request id (0: for none). */
    private long awaitedRequestId;

    private Function<ReplMessages, RespReply> onAnswer;
    private ScheduledFuture<?> waitTimer;
    private boolean inFlight;
    private boolean running;
    private long lastWritePosition;
    /** A protocol error to answer once the commands before it are answered; then the connection closes. */
    private RespReply closingError;

    RespConnection(ReplRespDoor door) {
        this.door = door;
        this.commands = new ReplCommands(door);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        id = door.register(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        door.unregister(id);
        cancelTimer();
        queued.clear();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RespRequest request) {
        switch (request) {
            case RespRequest.Malformed malformed -> {
                // Redis answers a protocol error and closes: the rest of the stream cannot be framed. The commands
                // before it are answered first, in order.
                closingError = RespReply.error("ERR Protocol error: " + malformed.reason());
                runQueued();
            }
            case RespRequest.Command command -> {
                if (queued.size() >= QUEUED_MAX) {
                    write(RespReply.error("ERR more than " + QUEUED_MAX + " commands pipelined: closing"));
                    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                queued.addLast(command);
                runQueued();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset connection, or a bug in a command: the node goes on serving the others
    }

    /** A message the node sent to this connection. */
    void fromNode(ReplMessages answer) {
        if (!inFlight || onAnswer == null || requestIdOf(answer) != awaitedRequestId) {
            return; // an answer to a command that timed out
        }
        RespReply reply = onAnswer.apply(answer);
        if (reply != null) {
            finish(reply);
        }
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    /** Runs queued commands until one waits; guarded, since a command's answer may come while it is being sent. */
    private void runQueued() {
        if (running) {
            return;
        }
        running = true;
        try {
            while (!inFlight && !queued.isEmpty() && channel.isActive()) {
                inFlight = true;
                RespReply reply = commands.run(queued.removeFirst(), this);
                if (reply != null) {
                    complete(reply);
                }
            }
            if (!inFlight && closingError != null) {
                write(closingError);
                closingError = null;
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            channel.flush();
        } finally {
            running = false;
        }
    }

    private void finish(RespReply reply) {
        complete(reply);
        channel.flush();
        runQueued();
    }

    private void complete(RespReply reply) {
        cancelTimer();
        inFlight = false;
        onAnswer = null;
        awaitedRequestId = 0;
        write(reply);
    }

    private void write(RespReply reply) {
        channel.write(Unpooled.wrappedBuffer(reply.bytes()));
    }

    private void cancelTimer() {
        if (waitTimer != null) {
            waitTimer.cancel(false);
            waitTimer = null;
        }
    }

    // The session a command runs in.

    @Override
    public long nextRequestId() {
        return ++requestIds;
    }

    @Override
    public void send(long requestId, Message message, Function<ReplMessages, RespReply> onAnswer) {
        cancelTimer();
        this.awaitedRequestId = requestId;
        this.onAnswer = onAnswer;
        waitTimer = channel.eventLoop()
                .schedule(
                        () -> finish(RespReply.error("TIMEOUT no answer from the node within " + ANSWER_WAIT.toSeconds()
                                + " s: a write may or may not have committed")),
                        ANSWER_WAIT.toMillis(),
                        TimeUnit.MILLISECONDS);
        door.toNode(id, message);
    }

    @Override
    public void sendOnly(Message message) {
        door.toNode(id, message);
    }

    @Override
    public void poll(long everyMillis, Supplier<RespReply> check) {
        RespReply now = check.get();
        if (now != null) {
            finish(now);
            return;
        }
        waitTimer = channel.eventLoop().schedule(() -> poll(everyMillis, check), everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public long lastWritePosition() {
        return lastWritePosition;
    }

    @Override
    public void wrote(long position) {
        lastWritePosition = Math.max(lastWritePosition, position);
    }

    @Override
    public ReplNode node() {
        return door.node();
    }

    private static long requestIdOf(ReplMessages answer) {
        return switch (answer) {
            case ReplMessages.WriteOk ok -> ok.requestId();
            case ReplMessages.WriteRefused refused -> refused.requestId();
            case ReplMessages.WriteUnknown unknown -> unknown.requestId();
            case ReplMessages.ReadOk ok -> ok.requestId();
            case ReplMessages.ReadRefused refused -> refused.requestId();
            default -> -1;
        };
    }
}
