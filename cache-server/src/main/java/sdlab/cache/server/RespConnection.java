package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.CacheEngine;
import sdlab.cache.ClientSession;
import sdlab.cache.Reply;

/**
 * One RESP client: decodes its requests, executes each on the engine as soon as it is complete,
 * and encodes the replies into one pooled buffer that the {@link ReplyFlusher} sends at the
 * end of the event-loop iteration. Every connection runs on the server's single engine
 * thread, so commands execute one at a time, as in Redis.
 *
 * <p>A blocking command (BLPOP) that has to wait stops the reading of commands: what the client
 * sends meanwhile stays in the input buffer, unparsed, as Redis keeps it in the query buffer.
 * When the engine ends the wait it hands the reply to the session's deferred sink; the
 * connection sends it and, in a task of its own (never inside the command that served it),
 * runs the commands that waited.
 */
final class RespConnection extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(RespConnection.class);
    private static final byte[] MAX_CLIENTS =
            "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Replies beyond this many bytes are handed to the channel before the batch ends, to keep buffers small. */
    private static final int REPLY_BUFFER_SPILL_BYTES = 64 * 1024;
    /** Waits longer than this are ended by the cron alone, so that no timer lingers for days. */
    private static final long TIMEOUT_CHECK_MILLIS_MAX = 60 * 60 * 1000;

    private final CacheEngine engine;
    private final ClientSession session;
    private final RespDecoder decoder;
    private final ReplyFlusher flusher;
    private final ClientRegistry clients;
    private final CacheServerConfig config;
    /** Made once: every read hands the decoder where its commands go. */
    private final RespDecoder.Sink executor = this::execute;

    private final OutputBufferLimits.SoftLimitWatch softLimitWatch = new OutputBufferLimits.SoftLimitWatch();

    private ChannelHandlerContext ctx;
    private ByteBuf replies;
    /** Reading stopped until a big argument's array is assembled ({@link #pauseReadingUntil}). */
    private boolean readingPaused;

    private boolean admitted;
    private boolean closing;
    private boolean flushQueued;
    /** A blocking command waits: commands that arrive stay unread until its reply is out. */
    private boolean blocked;
    /** Ends the wait at its timeout, sooner than the once-every-100-ms cron would. */
    private ScheduledFuture<?> timeoutCheck;
    /**
     * Replies were handed to the channel early (past the spill threshold) and not yet flushed.
     * Without this mark a batch whose replies all spilled was never flushed, and a reply over
     * 64 KiB waited for the client's next command.
     */
    private boolean spilledUnflushed;

    RespConnection(
            CacheEngine engine,
            ReplyFlusher flusher,
            ClientRegistry clients,
            CacheServerConfig config,
            QueryBufferBudget queryBuffers,
            Executor bigArgumentAssembler,
            ArgumentChunks bigArgumentChunks) {
        this.engine = engine;
        this.session = engine.newSession();
        this.decoder = new RespDecoder(
                config.bulkBytesMax(),
                config.inlineBytesMax(),
                config.queryBufferBytesMax(),
                queryBuffers,
                bigArgumentAssembler,
                bigArgumentChunks);
        this.flusher = flusher;
        this.clients = clients;
        this.config = config;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        // Messages published by other clients arrive here, on this same event loop, between commands.
        session.setPushSink(this::pushed);
        session.setKiller(this::closeNow); // CLIENT KILL, run on this same event loop
        session.setDeferredReplySink(this::unblocked);
        if (context.channel().remoteAddress() instanceof java.net.InetSocketAddress remote) {
            session.setAddress(remote.getAddress().getHostAddress() + ":" + remote.getPort());
        }
    }

    /** A pub/sub message for this client: sent with the next batch, or the client dropped if it reads too slowly. */
    private void pushed(Reply message) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        reply(message);
        if (outputLimitExceeded()) {
            log.warn("client {} closed: its pub/sub messages passed its output buffer limit", session.id());
            closeNow();
            return;
        }
        flusher.schedule(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        if (!clients.admit()) {
            closing = true;
            context.writeAndFlush(Unpooled.wrappedBuffer(MAX_CLIENTS)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        admitted = true;
        super.channelActive(context);
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        if (closing) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!blocked) {
            decodeCommands(in);
        }
        if (!closing && in.readableBytes() > config.queryBufferBytesMax()) {
            log.warn("closing client {} that reached max query buffer length", session.id());
            closeNow();
            in.skipBytes(in.readableBytes());
        }
    }

    private void decodeCommands(ByteBuf in) {
        try {
            decoder.decode(in, session.authenticated(), executor);
            CompletableFuture<?> awaiting = decoder.awaiting();
            if (awaiting != null) {
                pauseReadingUntil(awaiting);
            }
        } catch (QueryBufferLimitException e) {
            log.warn("closing client {}: {}", session.id(), e.getMessage());
            closeNow();
            in.skipBytes(in.readableBytes());
            return;
        } catch (RespProtocolException e) {
            log.debug("client {} sent a protocol error: {}", session.id(), e.getMessage());
            reply(Reply.error("ERR Protocol error: " + e.getMessage()));
            closing = true;
            in.skipBytes(in.readableBytes());
        }
    }

    /**
     * Reads no more from this client until {@code ready} completes (a big argument's array is
     * being assembled), then decodes what it already sent; other clients are served meanwhile.
     */
    private void pauseReadingUntil(CompletableFuture<?> ready) {
        if (readingPaused) {
            return;
        }
        readingPaused = true;
        ctx.channel().config().setAutoRead(false);
        ready.whenComplete((done, failed) -> ctx.executor().execute(this::resumeAfterBigArgument));
    }

    private void resumeAfterBigArgument() {
        readingPaused = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.channel().config().setAutoRead(true);
        try {
            channelRead(ctx, Unpooled.EMPTY_BUFFER); // decodes the input kept while paused
            channelReadComplete(ctx);
        } catch (Exception e) {
            exceptionCaught(ctx, e);
        }
    }

    private boolean execute(byte[][] argv) {
        Reply reply;
        try {
            reply = engine.execute(session, argv);
        } catch (RuntimeException e) {
            // A bug must not take the connection, or the node, down with it: report and go on.
            log.error("command failed unexpectedly", e);
            reply = Reply.error("ERR internal error: " + e);
        }
        if (reply == Reply.Blocked.INSTANCE) {
            blocked = true;
            scheduleTimeoutCheck();
            return false; // the next commands wait in the input buffer
        }
        reply(reply);
        if (outputLimitExceeded()) {
            log.warn("client {} scheduled to be closed for overcoming of output buffer limits", session.id());
            closeNow();
            return false;
        }
        if (session.closeRequested()) {
            closing = true;
            return false;
        }
        return !closing;
    }

    private void scheduleTimeoutCheck() {
        long remainingMillis = engine.blockedRemainingMillis(session);
        if (remainingMillis >= 0 && remainingMillis <= TIMEOUT_CHECK_MILLIS_MAX) {
            // One millisecond late, since the engine's test is strict: the deadline itself is still in time.
            timeoutCheck = ctx.executor().schedule(engine::unblockTimedOut, remainingMillis + 1, TimeUnit.MILLISECONDS);
        }
    }

    /** The reply of a blocking command whose wait ended: send it, then run what the client sent meanwhile. */
    private void unblocked(Reply reply) {
        blocked = false;
        if (timeoutCheck != null) {
            timeoutCheck.cancel(false);
            timeoutCheck = null;
        }
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        reply(reply);
        if (outputLimitExceeded()) {
            log.warn("client {} closed: its reply passed the output buffer limit", session.id());
            closeNow();
            return;
        }
        flusher.schedule(this);
        ctx.executor().execute(this::runCommandsHeldWhileBlocked);
    }

    /** Runs the commands that arrived while the client was blocked, as Redis's processUnblockedClients does. */
    private void runCommandsHeldWhileBlocked() {
        if (blocked || closing || !ctx.channel().isActive()) {
            return;
        }
        ByteBuf in = internalBuffer();
        if (in.isReadable()) {
            decodeCommands(in);
            if (replies != null || spilledUnflushed || closing) {
                flusher.schedule(this);
            }
        }
    }

    private void reply(Reply reply) {
        if (replies == null) {
            replies = ctx.alloc().ioBuffer(256);
        }
        RespReplyEncoder.encode(reply, session.protocol(), replies);
        if (replies.readableBytes() > REPLY_BUFFER_SPILL_BYTES) {
            ctx.write(replies, ctx.voidPromise());
            replies = null;
            spilledUnflushed = true;
        }
    }

    private boolean outputLimitExceeded() {
        ChannelOutboundBuffer outbound = ctx.channel().unsafe().outboundBuffer();
        long pending = (replies == null ? 0 : replies.readableBytes())
                + (outbound == null ? 0 : outbound.totalPendingWriteBytes());
        return clients.outputLimits().exceeded(session.subscribed(), pending, softLimitWatch, System.nanoTime());
    }

    /**
     * The client closed its sending side (half-close is allowed on these channels): answer what
     * it sent before, then close. Without this the replies of its last batch would be lost when
     * the end of input and the data arrive in the same read.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        super.userEventTriggered(context, event);
        if (event instanceof ChannelInputShutdownEvent) {
            closing = true;
            flusher.schedule(this);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) throws Exception {
        if (replies != null || spilledUnflushed || closing) {
            flusher.schedule(this);
        }
        if (readingPaused) {
            // ByteToMessageDecoder asks for one more read when auto-read is off and it decoded no message.
            discardSomeReadBytes();
            context.fireChannelReadComplete();
            return;
        }
        super.channelReadComplete(context);
    }

    /** True if the connection was not yet queued for the flusher (and now is). */
    boolean markFlushQueued() {
        if (flushQueued) {
            return false;
        }
        flushQueued = true;
        return true;
    }

    /** Sends what this iteration produced; called by the flusher after the AOF was written. */
    void flushReplies() {
        flushQueued = false;
        spilledUnflushed = false;
        if (!ctx.channel().isActive()) {
            releaseReplies();
            return;
        }
        if (replies != null) {
            ctx.write(replies, ctx.voidPromise());
            replies = null;
        }
        if (closing) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.flush();
        }
    }

    /**
     * The append-only file could not be made durable for this iteration's writes: none of this
     * client's replies may go out, so it is disconnected without them.
     */
    void withholdReplies() {
        flushQueued = false;
        spilledUnflushed = false;
        log.warn("client {} disconnected unanswered: the AOF write its replies depended on failed", session.id());
        closeNow();
    }

    private void closeNow() {
        closing = true;
        releaseReplies();
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (timeoutCheck != null) {
            timeoutCheck.cancel(false);
        }
        engine.closeSession(session); // drops its MULTI queue, WATCHed keys and any wait
        if (admitted) {
            admitted = false;
            clients.leave();
        }
        releaseReplies();
        super.channelInactive(context);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext context) {
        releaseReplies();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.debug("client {} connection failed: {}", session.id(), cause.toString());
        context.close();
    }

    private void releaseReplies() {
        decoder.release();
        if (replies != null) {
            replies.release();
            replies = null;
        }
    }
}
