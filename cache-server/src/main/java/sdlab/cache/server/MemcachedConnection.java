package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sdlab.cache.memcached.IncrResult;
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedStore;
import sdlab.cache.memcached.StoreMode;
import sdlab.cache.memcached.StoreResult;

/**
 * One memcached text-protocol client. Lines are commands; storage commands are followed by a
 * data block of the announced length and CRLF. Errors are memcached's lines: {@code ERROR} for
 * an unknown command or wrong argument count, {@code CLIENT_ERROR <why>} for bad input,
 * {@code SERVER_ERROR <why>} when the server cannot comply. A data block too large to store
 * is read and discarded, then refused, as memcached does. Connections run on several threads
 * and share the thread-safe {@link MemcachedStore}.
 */
final class MemcachedConnection extends ByteToMessageDecoder {
    /** The longest command line accepted; longer lines close the connection. */
    static final int LINE_BYTES_MAX = 64 * 1024;
    /**
     * The longest retrieval line ({@code get}, {@code gets}, {@code gat}, {@code gats}): clients
     * fetch thousands of keys in one line, and memcached serves 18,000 keys on one.
     */
    static final int RETRIEVAL_LINE_BYTES_MAX = 4 * 1024 * 1024;

    static final String VERSION = "1.6.0-sdlab";
    private static final String BAD_FORMAT = "CLIENT_ERROR bad command line format";
    private static final long MEMORY_LIMIT_MEGABYTES_MIN = 8;
    private static final byte[] CRLF = {'\r', '\n'};

    private final MemcachedStore store;
    private final MemcachedFrontDoor door;
    private ByteBuf out;
    private final MemcachedMetaCommands meta;
    private PendingStore pending;
    private MemcachedMetaCommands.PendingSet pendingMeta;
    private long swallowBytes;
    /** What to answer once the swallowed data block is gone; null when the command was answered already. */
    private String swallowedReply;

    private boolean closing;
    private boolean admitted;
    /** Bytes at the start of the input already searched for a line end, so a long line is scanned once. */
    private int lineScanned;

    /** A storage command waiting for its data block. */
    private record PendingStore(
            StoreMode mode, byte[] key, long flags, long exptime, int bytes, long cas, boolean noreply) {}

    MemcachedConnection(MemcachedStore store, MemcachedFrontDoor door) {
        this.store = store;
        this.door = door;
        this.meta = new MemcachedMetaCommands(store);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> unused) {
        if (out == null) {
            out = ctx.alloc().ioBuffer(256);
        }
        while (in.isReadable() && !closing) {
            if (swallowBytes > 0) {
                int n = (int) Math.min(swallowBytes, in.readableBytes());
                in.skipBytes(n);
                swallowBytes -= n;
                if (swallowBytes == 0 && swallowedReply != null) {
                    line(swallowedReply);
                }
            } else if (pending != null || pendingMeta != null) {
                int bytes = pending != null ? pending.bytes() : pendingMeta.bytes();
                if (in.readableBytes() < bytes + 2L) {
                    return;
                }
                readDataBlock(in);
            } else {
                int from = in.readerIndex() + Math.min(lineScanned, in.readableBytes());
                int lf = in.forEachByte(from, in.writerIndex() - from, ByteProcessor.FIND_LF);
                if (lf < 0) {
                    lineScanned = in.readableBytes();
                    if (in.readableBytes() > lineBytesMax(in)) {
                        line("CLIENT_ERROR line too long");
                        closing = true;
                    }
                    return;
                }
                lineScanned = 0;
                int end = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
                byte[] bytes = new byte[end - in.readerIndex()];
                in.getBytes(in.readerIndex(), bytes);
                in.readerIndex(lf + 1);
                command(MemcachedCommandLine.parse(bytes));
            }
        }
        if (closing) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** How long the line starting at the reader index may grow: longer for a retrieval command. */
    private static int lineBytesMax(ByteBuf in) {
        int start = in.readerIndex();
        boolean retrieval = in.readableBytes() > 4
                && in.getByte(start) == 'g'
                && (in.getByte(start + 1) == 'e' || in.getByte(start + 1) == 'a')
                && in.getByte(start + 2) == 't';
        return retrieval ? RETRIEVAL_LINE_BYTES_MAX : LINE_BYTES_MAX;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (out != null && out.isReadable()) {
            ctx.writeAndFlush(out);
            out = null;
        }
        if (closing) {
            ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        super.channelReadComplete(ctx);
    }

    /** The client closed its sending side: answer what it sent, then close. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        super.userEventTriggered(ctx, event);
        if (event instanceof ChannelInputShutdownEvent) {
            closing = true;
            channelReadComplete(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!door.admit()) {
            ctx.writeAndFlush(io.netty.buffer.Unpooled.copiedBuffer(
                            "ERROR Too many open connections\r\n", StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
            closing = true;
            return;
        }
        admitted = true;
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (admitted) {
            admitted = false;
            door.leave();
        }
        if (out != null) {
            out.release();
            out = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void command(MemcachedCommandLine cmd) {
        switch (cmd.command()) {
            case "get" -> retrieve(cmd, false);
            case "gets" -> retrieve(cmd, true);
            case "gat" -> retrieveAndTouch(cmd, false);
            case "gats" -> retrieveAndTouch(cmd, true);
            case "cache_memlimit" -> memoryLimit(cmd);
            case "mn" -> line("MN");
            case "mg" -> meta.get(cmd, out);
            case "md" -> meta.delete(cmd, out);
            case "ma" -> meta.arithmetic(cmd, out);
            case "ms" -> {
                switch (meta.set(cmd, out)) {
                    case MemcachedMetaCommands.PendingSet set -> pendingMeta = set;
                    case MemcachedMetaCommands.Refused refused -> {
                        swallowBytes = refused.swallowBytes();
                        swallowedReply = null;
                    }
                }
            }
            case "set" -> storage(cmd, StoreMode.SET);
            case "add" -> storage(cmd, StoreMode.ADD);
            case "replace" -> storage(cmd, StoreMode.REPLACE);
            case "append" -> storage(cmd, StoreMode.APPEND);
            case "prepend" -> storage(cmd, StoreMode.PREPEND);
            case "cas" -> storage(cmd, StoreMode.CAS);
            case "delete" -> delete(cmd);
            case "incr" -> increment(cmd, false);
            case "decr" -> increment(cmd, true);
            case "touch" -> touch(cmd);
            case "flush_all" -> flushAll(cmd);
            case "stats" -> stats(cmd);
            case "version" -> line("VERSION " + VERSION);
            case "verbosity" -> reply(cmd.size() >= 2 && cmd.size() <= 3, cmd.isNoreply(cmd.size() - 1), "OK");
            case "quit" -> closing = true;
            default -> line("ERROR");
        }
    }

    private void retrieve(MemcachedCommandLine cmd, boolean withCas) {
        if (cmd.size() < 2) {
            line("ERROR");
            return;
        }
        values(cmd, 1, withCas, Long.MIN_VALUE);
    }

    /** {@code gat <exptime> <key>*} and {@code gats}: get, and give each item found a new expiry time. */
    private void retrieveAndTouch(MemcachedCommandLine cmd, boolean withCas) {
        if (cmd.size() < 2) {
            line("ERROR");
            return;
        }
        Long exptime = cmd.signed(1);
        if (exptime == null) {
            line("CLIENT_ERROR invalid exptime argument");
            return;
        }
        values(cmd, 2, withCas, exptime);
    }

    /**
     * VALUE lines for the keys from {@code firstKey} on, then END; touched with {@code exptime}
     * unless it is {@link Long#MIN_VALUE}. A key too long to be one answers the whole command
     * with CLIENT_ERROR alone, the values before it withdrawn, as memcached 1.6 answers.
     */
    private void values(MemcachedCommandLine cmd, int firstKey, boolean withCas, long exptime) {
        int start = out.writerIndex();
        for (int i = firstKey; i < cmd.size(); i++) {
            byte[] key = cmd.key(i);
            if (key == null) {
                out.writerIndex(start);
                line(BAD_FORMAT);
                return;
            }
            Item item = exptime == Long.MIN_VALUE ? store.get(key) : store.getAndTouch(key, exptime);
            if (item != null) {
                out.writeCharSequence("VALUE ", StandardCharsets.US_ASCII);
                out.writeBytes(key);
                String header = " " + item.flags() + " " + item.value().length + (withCas ? " " + item.cas() : "");
                line(header);
                out.writeBytes(item.value());
                out.writeBytes(CRLF);
            }
        }
        line("END");
    }

    /** {@code cache_memlimit <megabytes> [noreply]}: memcached refuses less than 8 MiB. */
    private void memoryLimit(MemcachedCommandLine cmd) {
        if (cmd.size() != 2 && cmd.size() != 3) {
            line("ERROR");
            return;
        }
        long megabytes = cmd.unsigned(1, 1L << 40);
        if (megabytes < 0) {
            line("CLIENT_ERROR bad command line format");
            return;
        }
        if (megabytes < MEMORY_LIMIT_MEGABYTES_MIN) {
            line("MEMLIMIT_TOO_SMALL cannot set maxbytes to less than 8m");
            return;
        }
        store.setMemoryBytesMax(megabytes << 20);
        reply(true, cmd.isNoreply(2), "OK");
    }

    private void storage(MemcachedCommandLine cmd, StoreMode mode) {
        int required = mode == StoreMode.CAS ? 6 : 5;
        if (cmd.size() != required && cmd.size() != required + 1) {
            line("ERROR");
            return;
        }
        byte[] key = cmd.key(1);
        long flags = cmd.unsigned(2, 1L << 32);
        Long exptime = cmd.signed(3);
        long bytes = cmd.unsigned(4, Integer.MAX_VALUE - 2L);
        Long cas = mode == StoreMode.CAS ? cmd.unsigned64(5) : Long.valueOf(0);
        if (key == null || flags < 0 || exptime == null || bytes < 0 || cas == null) {
            line(BAD_FORMAT);
            return;
        }
        boolean noreply = cmd.isNoreply(required);
        if (bytes > store.itemBytesMax()) {
            if (mode == StoreMode.SET) {
                store.invalidate(key);
            }
            swallowBytes = bytes + 2;
            swallowedReply = "SERVER_ERROR object too large for cache";
            return;
        }
        pending = new PendingStore(mode, key, flags, exptime, (int) bytes, cas, noreply);
    }

    private void readDataBlock(ByteBuf in) {
        PendingStore command = pending;
        MemcachedMetaCommands.PendingSet metaSet = pendingMeta;
        pending = null;
        pendingMeta = null;
        byte[] data = new byte[command != null ? command.bytes() : metaSet.bytes()];
        in.readBytes(data);
        if (in.readByte() != '\r' | in.readByte() != '\n') {
            line("CLIENT_ERROR bad data chunk");
            return;
        }
        if (metaSet != null) {
            meta.finishSet(metaSet, data, out);
            return;
        }
        StoreResult result =
                store.store(command.mode(), command.key(), command.flags(), command.exptime(), data, command.cas());
        String text =
                switch (result) {
                    case STORED -> "STORED";
                    case NOT_STORED -> "NOT_STORED";
                    case EXISTS -> "EXISTS";
                    case NOT_FOUND -> "NOT_FOUND";
                    case TOO_LARGE -> "SERVER_ERROR object too large for cache";
                    case OUT_OF_MEMORY -> "SERVER_ERROR out of memory storing object";
                };
        reply(true, command.noreply(), text);
    }

    private void delete(MemcachedCommandLine cmd) {
        if (cmd.size() < 2 || cmd.size() > 4) {
            line("ERROR");
            return;
        }
        boolean noreply = cmd.isNoreply(cmd.size() - 1);
        int extra = cmd.size() - 2 - (noreply ? 1 : 0);
        if (extra > 1 || (extra == 1 && !cmd.text(2).equals("0"))) {
            line("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]");
            return;
        }
        byte[] key = cmd.key(1);
        if (key == null) {
            line(BAD_FORMAT);
            return;
        }
        reply(true, noreply, store.delete(key) ? "DELETED" : "NOT_FOUND");
    }

    private void increment(MemcachedCommandLine cmd, boolean decrement) {
        if (cmd.size() != 3 && cmd.size() != 4) {
            line("ERROR");
            return;
        }
        byte[] key = cmd.key(1);
        if (key == null) {
            line(BAD_FORMAT);
            return;
        }
        Long delta = cmd.unsigned64(2);
        if (delta == null) {
            line("CLIENT_ERROR invalid numeric delta argument");
            return;
        }
        String text =
                switch (store.increment(key, delta, decrement)) {
                    case IncrResult.Value value -> value.text();
                    case IncrResult.NotFound notFound -> "NOT_FOUND";
                    case IncrResult.NonNumeric nonNumeric ->
                        "CLIENT_ERROR cannot increment or decrement non-numeric value";
                };
        reply(true, cmd.isNoreply(3), text);
    }

    private void touch(MemcachedCommandLine cmd) {
        if (cmd.size() != 3 && cmd.size() != 4) {
            line("ERROR");
            return;
        }
        byte[] key = cmd.key(1);
        Long exptime = cmd.signed(2);
        if (key == null || exptime == null) {
            line(key == null ? BAD_FORMAT : "CLIENT_ERROR invalid exptime argument");
            return;
        }
        reply(true, cmd.isNoreply(3), store.touch(key, exptime) ? "TOUCHED" : "NOT_FOUND");
    }

    private void flushAll(MemcachedCommandLine cmd) {
        if (cmd.size() > 3) {
            line("ERROR");
            return;
        }
        boolean noreply = cmd.isNoreply(cmd.size() - 1);
        long delay = 0;
        if (cmd.size() - (noreply ? 1 : 0) == 2) {
            Long parsed = cmd.signed(1);
            if (parsed == null) {
                line("CLIENT_ERROR invalid exptime argument");
                return;
            }
            delay = parsed;
        }
        store.flushAll(delay);
        reply(true, noreply, "OK");
    }

    private void stats(MemcachedCommandLine cmd) {
        if (cmd.size() == 2 && cmd.text(1).equals("reset")) {
            store.stats().reset();
            line("RESET");
            return;
        }
        var lines = cmd.size() > 2 ? null : door.statsReport().lines(cmd.size() == 1 ? "" : cmd.text(1));
        if (lines == null) {
            line("ERROR");
            return;
        }
        for (var stat : lines) {
            line("STAT " + stat.getKey() + " " + stat.getValue());
        }
        line("END");
    }

    /** Answers {@code text} unless noreply was asked; {@code valid} false answers ERROR. */
    private void reply(boolean valid, boolean noreply, String text) {
        if (!valid) {
            line("ERROR");
        } else if (!noreply) {
            line(text);
        }
    }

    private void line(String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
        out.writeBytes(CRLF);
    }
}
