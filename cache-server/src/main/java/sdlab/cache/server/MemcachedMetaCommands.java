package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import sdlab.cache.memcached.IncrResult;
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedKey;
import sdlab.cache.memcached.MemcachedStore;
import sdlab.cache.memcached.StoreMode;
import sdlab.cache.memcached.StoreResult;

/**
 * The meta commands of memcached 1.6's text protocol, as memcached 1.6.18 answers them:
 * {@code mg} (get), {@code ms} (set), {@code md} (delete) and {@code ma} (arithmetic); {@code mn}
 * (no-op) needs no class. Each takes one-letter flags, some with a token ({@code T30}, {@code
 * Oabc}), and answers a two-letter status ({@code HD}, {@code VA}, {@code EN}, {@code NF}, {@code
 * NS}, {@code EX}) followed by the flags it was asked to return, in the order they were asked.
 *
 * <p>Supported: mg {@code v s f t k c O q T}; ms {@code F T C M c k O q}; md {@code C k O q};
 * ma {@code N J D T M v t c k O q}. Not supported, answered {@code CLIENT_ERROR invalid flag}:
 * base64 keys ({@code b}), stale items and invalidation ({@code I}, {@code X}, {@code W}),
 * lease-style vivification on mg ({@code N}, {@code R}), hit and access reporting ({@code h},
 * {@code l}) and explicit cas setting ({@code E}).
 *
 * <p>A command's flags are its tokens from the third on ({@code ms}: the fourth); they are read
 * where they are in the line, a flag's position found by its letter, so no flag list is built.
 */
final class MemcachedMetaCommands {
    private static final byte[] INVALID_FLAG = MemcachedCommandLine.ascii("CLIENT_ERROR invalid flag\r\n");
    private static final byte[] BAD_TOKEN =
            MemcachedCommandLine.ascii("CLIENT_ERROR bad token in command line format\r\n");
    private static final int KEY = 1;
    private static final int FLAGS = 2;
    private static final int SET_FLAGS = 3;

    private final MemcachedStore store;
    /** The connection's key probe, shared with the other commands: one command runs at a time. */
    private final MemcachedKey probe;

    MemcachedMetaCommands(MemcachedStore store, MemcachedKey probe) {
        this.store = store;
        this.probe = probe;
    }

    /** {@code mg <key> <flags>*}. */
    void get(MemcachedCommandLine line, ByteBuf out) {
        if (!keyAndFlags(line, FLAGS, "vsftkcOqT", out)) {
            return;
        }
        int touchFlag = flag(line, FLAGS, 'T');
        Long touchTo = touchFlag < 0 ? null : line.signed64(touchFlag, 1);
        if (touchFlag >= 0 && touchTo == null) {
            out.writeBytes(BAD_TOKEN);
            return;
        }
        Item item = store.get(probe);
        if (item == null) {
            if (flag(line, FLAGS, 'q') < 0) {
                status(out, "EN");
                echo(line, FLAGS, null, "Ok", out);
                MemcachedReplies.crlf(out);
            }
            return;
        }
        if (touchTo != null) {
            store.touch(probe, touchTo); // t reports the time to live before the touch, as memcached does
        }
        if (flag(line, FLAGS, 'v') >= 0) {
            status(out, "VA ");
            MemcachedReplies.decimal(out, item.value().length);
            echo(line, FLAGS, item, "sftkcO", out);
            MemcachedReplies.crlf(out);
            out.writeBytes(item.value());
        } else {
            status(out, "HD");
            echo(line, FLAGS, item, "sftkcO", out);
        }
        MemcachedReplies.crlf(out);
    }

    /**
     * {@code ms <key> <datalen> <flags>*}: stores the data block at {@code dataStart} once it has
     * arrived. Returns what {@link MemcachedCommands#execute} returns: the bytes after the line
     * that belong to this command, or {@link MemcachedCommands#WAIT_FOR_DATA}.
     */
    long set(MemcachedCommandLine line, ByteBuf in, int dataStart, ByteBuf out) {
        if (line.size() < 3) {
            out.writeBytes(line.size() < 2 ? MemcachedReplies.ERROR : MemcachedReplies.BAD_FORMAT);
            return 0;
        }
        boolean keyValid = line.key(KEY, probe);
        long bytes = line.unsigned(2, Integer.MAX_VALUE - 2L);
        if (!keyValid || bytes < 0) {
            out.writeBytes(MemcachedReplies.BAD_FORMAT);
            return 0;
        }
        long dataBytes = bytes + 2;
        if (!flagsAllowed(line, SET_FLAGS, "FTCMckOq")) {
            out.writeBytes(INVALID_FLAG);
            return dataBytes;
        }
        int modeFlag = flag(line, SET_FLAGS, 'M');
        StoreMode mode = modeFlag < 0 ? StoreMode.SET : mode(line, modeFlag);
        Long flags = number(line, SET_FLAGS, 'F');
        Long exptime = number(line, SET_FLAGS, 'T');
        Long cas = number(line, SET_FLAGS, 'C');
        if (mode == null) {
            MemcachedReplies.line(out, "CLIENT_ERROR invalid mode for ms M token");
            return dataBytes;
        }
        if (flags == null || flags < 0 || exptime == null || cas == null) {
            out.writeBytes(BAD_TOKEN);
            return dataBytes;
        }
        if (bytes > store.itemBytesMax()) {
            out.writeBytes(MemcachedReplies.TOO_LARGE);
            return dataBytes;
        }
        if (in.writerIndex() - dataStart < dataBytes) {
            return MemcachedCommands.WAIT_FOR_DATA;
        }
        byte[] data = MemcachedCommands.dataBlock(in, dataStart, (int) bytes, out);
        if (data != null) {
            StoreMode effective = cas != 0 && mode == StoreMode.SET ? StoreMode.CAS : mode;
            finishSet(line, store.store(effective, probe, flags, exptime, data, cas), out);
        }
        return dataBytes;
    }

    private void finishSet(MemcachedCommandLine line, StoreResult result, ByteBuf out) {
        if (result == StoreResult.STORED && flag(line, SET_FLAGS, 'q') >= 0) {
            return;
        }
        status(
                out,
                switch (result) {
                    case STORED -> "HD";
                    case NOT_STORED -> "NS";
                    case EXISTS -> "EX";
                    case NOT_FOUND -> "NF";
                    case TOO_LARGE -> "SERVER_ERROR object too large for cache";
                    case OUT_OF_MEMORY -> "SERVER_ERROR out of memory storing object";
                });
        Item stored = result == StoreResult.STORED ? store.peek(probe) : null;
        echo(line, SET_FLAGS, stored, stored == null ? "Ok" : "Okc", out);
        MemcachedReplies.crlf(out);
    }

    /** {@code md <key> <flags>*}. */
    void delete(MemcachedCommandLine line, ByteBuf out) {
        if (!keyAndFlags(line, FLAGS, "CkOq", out)) {
            return;
        }
        Long cas = number(line, FLAGS, 'C');
        if (cas == null) {
            out.writeBytes(BAD_TOKEN);
            return;
        }
        StoreResult result = store.deleteIfCas(probe, cas);
        if (result == StoreResult.STORED && flag(line, FLAGS, 'q') >= 0) {
            return;
        }
        status(
                out,
                switch (result) {
                    case STORED -> "HD";
                    case EXISTS -> "EX";
                    default -> "NF";
                });
        echo(line, FLAGS, null, "Ok", out);
        MemcachedReplies.crlf(out);
    }

    /** {@code ma <key> <flags>*}: incr or decr, creating a missing item when asked ({@code N}). */
    void arithmetic(MemcachedCommandLine line, ByteBuf out) {
        if (!keyAndFlags(line, FLAGS, "NJDTMvtckOq", out)) {
            return;
        }
        int modeFlag = flag(line, FLAGS, 'M');
        Boolean decrement = modeFlag < 0 ? Boolean.FALSE : decrementMode(line, modeFlag);
        int deltaFlag = flag(line, FLAGS, 'D');
        int initialFlag = flag(line, FLAGS, 'J');
        int vivifyFlag = flag(line, FLAGS, 'N');
        int touchFlag = flag(line, FLAGS, 'T');
        Long delta = deltaFlag < 0 ? Long.valueOf(1) : line.unsigned64(deltaFlag, 1);
        Long initial = initialFlag < 0 ? Long.valueOf(0) : line.unsigned64(initialFlag, 1);
        Long vivifyTtl = vivifyFlag < 0 ? null : line.signed64(vivifyFlag, 1);
        Long touchTo = touchFlag < 0 ? null : line.signed64(touchFlag, 1);
        if (decrement == null) {
            MemcachedReplies.line(out, "CLIENT_ERROR invalid mode for ma M token");
            return;
        }
        if (delta == null
                || initial == null
                || (vivifyFlag >= 0 && vivifyTtl == null)
                || (touchFlag >= 0 && touchTo == null)) {
            out.writeBytes(BAD_TOKEN);
            return;
        }
        long value;
        switch (store.increment(probe, delta, decrement)) {
            case IncrResult.Value v -> value = v.unsigned();
            case IncrResult.NonNumeric nonNumeric -> {
                MemcachedReplies.line(out, "CLIENT_ERROR cannot increment or decrement non-numeric value");
                return;
            }
            case IncrResult.NotFound notFound -> {
                if (vivifyTtl == null) {
                    status(out, "NF");
                    echo(line, FLAGS, null, "Ok", out);
                    MemcachedReplies.crlf(out);
                    return;
                }
                value = initial;
                byte[] text = MemcachedCommandLine.ascii(Long.toUnsignedString(value));
                store.store(StoreMode.ADD, probe, 0, vivifyTtl, text, 0);
            }
        }
        arithmeticReply(line, value, touchTo, out);
    }

    private void arithmeticReply(MemcachedCommandLine line, long value, Long touchTo, ByteBuf out) {
        if (touchTo != null) {
            store.touch(probe, touchTo);
        }
        Item item = store.peek(probe);
        if (flag(line, FLAGS, 'v') >= 0) {
            status(out, "VA ");
            MemcachedReplies.decimal(out, MemcachedReplies.digits(value));
            echo(line, FLAGS, item, "Oktc", out);
            MemcachedReplies.crlf(out);
            MemcachedReplies.decimal(out, value);
        } else {
            status(out, "HD");
            echo(line, FLAGS, item, "Oktc", out);
        }
        MemcachedReplies.crlf(out);
    }

    /**
     * Reads the key into the probe and checks the flags from {@code from} on against {@code
     * allowed}; false, with the error answered, if the line has no key or a bad one or flag.
     */
    private boolean keyAndFlags(MemcachedCommandLine line, int from, String allowed, ByteBuf out) {
        if (line.size() < 2) {
            out.writeBytes(MemcachedReplies.ERROR);
            return false;
        }
        boolean keyValid = line.key(KEY, probe);
        if (!keyValid || !flagsAllowed(line, from, allowed)) {
            out.writeBytes(!keyValid ? MemcachedReplies.BAD_FORMAT : INVALID_FLAG);
            return false;
        }
        return true;
    }

    private static boolean flagsAllowed(MemcachedCommandLine line, int from, String allowed) {
        for (int i = from; i < line.size(); i++) {
            if (allowed.indexOf(line.firstByte(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first token from {@code from} on that is flag {@code letter}, or -1. */
    private static int flag(MemcachedCommandLine line, int from, char letter) {
        for (int i = from; i < line.size(); i++) {
            if (line.firstByte(i) == letter) {
                return i;
            }
        }
        return -1;
    }

    /** The signed number after flag {@code letter}: 0 if the flag is absent, null if its token is not a number. */
    private static Long number(MemcachedCommandLine line, int from, char letter) {
        int index = flag(line, from, letter);
        return index < 0 ? Long.valueOf(0) : line.signed64(index, 1);
    }

    /**
     * The flags a reply returns, in the order they were asked, among {@code returnable}: the
     * opaque token ({@code O}), the key ({@code k}), and, of a live {@code item}, its size
     * ({@code s}), client flags ({@code f}), time to live ({@code t}) and cas unique ({@code c}).
     */
    private void echo(MemcachedCommandLine line, int from, Item item, String returnable, ByteBuf out) {
        for (int i = from; i < line.size(); i++) {
            int letter = line.firstByte(i);
            if (returnable.indexOf(letter) < 0 || (item == null && letter != 'O' && letter != 'k')) {
                continue;
            }
            out.writeByte(' ');
            switch (letter) {
                case 'O' -> out.writeBytes(line.bytes(), line.start(i), line.length(i));
                case 'k' -> {
                    out.writeByte('k');
                    out.writeBytes(probe.buffer(), 0, probe.length());
                }
                default -> {
                    out.writeByte(letter);
                    long ttl = letter == 't' ? store.ttlSeconds(item) : 0;
                    switch (letter) {
                        case 's' -> MemcachedReplies.decimal(out, item.value().length);
                        case 'f' -> MemcachedReplies.decimal(out, item.flags());
                        case 'c' -> MemcachedReplies.decimal(out, item.cas());
                        default -> MemcachedReplies.signedDecimal(out, ttl);
                    }
                }
            }
        }
    }

    /** A status (or an error line's text) before the returned flags: ASCII, written without a String copy. */
    private static void status(ByteBuf out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.writeByte(text.charAt(i));
        }
    }

    private static StoreMode mode(MemcachedCommandLine line, int index) {
        if (line.length(index) != 2) {
            return null;
        }
        return switch (line.bytes()[line.start(index) + 1]) {
            case 'S', 's' -> StoreMode.SET;
            case 'E', 'e' -> StoreMode.ADD;
            case 'A', 'a' -> StoreMode.APPEND;
            case 'P', 'p' -> StoreMode.PREPEND;
            case 'R', 'r' -> StoreMode.REPLACE;
            default -> null;
        };
    }

    private static Boolean decrementMode(MemcachedCommandLine line, int index) {
        if (line.length(index) != 2) {
            return null;
        }
        return switch (line.bytes()[line.start(index) + 1]) {
            case 'I', 'i', '+' -> Boolean.FALSE;
            case 'D', 'd', '-' -> Boolean.TRUE;
            default -> null;
        };
    }
}
