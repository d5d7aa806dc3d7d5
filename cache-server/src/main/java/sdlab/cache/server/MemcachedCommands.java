package sdlab.cache.server;

import static sdlab.cache.server.MemcachedCommandLine.NOT_A_NUMBER;

import io.netty.buffer.ByteBuf;
import sdlab.cache.memcached.IncrResult;
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedKey;
import sdlab.cache.memcached.MemcachedStore;
import sdlab.cache.memcached.StoreMode;
import sdlab.cache.memcached.StoreResult;

/**
 * Executes one command line of the memcached text protocol and writes its reply: the item
 * commands (retrieval, storage, delete, incr/decr, touch) here, the meta commands in {@link
 * MemcachedMetaCommands}, the server-wide ones in {@link MemcachedAdminCommands}. Errors are
 * memcached's lines: {@code ERROR} for an unknown command or wrong argument count, {@code
 * CLIENT_ERROR <why>} for bad input, {@code SERVER_ERROR <why>} when the server cannot comply.
 *
 * <p>A storage command's data block follows its line in the input. The command runs once the
 * whole block has arrived ({@link #WAIT_FOR_DATA} until then: nothing is done and the line is
 * read again later), so that it reads the key, the numbers and the data straight from the
 * input, with no pending command to keep. A data block too large to store is answered at once
 * and then read and dropped, as memcached does.
 *
 * <p>One per connection, run on its event-loop thread; every key goes through the one {@link
 * MemcachedKey} probe, so the common commands allocate only what they store.
 */
final class MemcachedCommands {
    /** {@link #execute}'s answer when the line's data block has not fully arrived. */
    static final long WAIT_FOR_DATA = -1;
    /** {@link #execute}'s answer to {@code quit}. */
    static final long QUIT = -2;

    private static final Long ZERO = 0L;
    private static final byte[] ZERO_TEXT = {'0'};

    private final MemcachedStore store;
    private final MemcachedKey probe = new MemcachedKey();
    private final byte[] valueHeader = new byte[MemcachedReplies.VALUE_HEADER_BYTES_MAX];
    private final MemcachedMetaCommands meta;
    private final MemcachedAdminCommands admin;

    MemcachedCommands(MemcachedStore store, MemcachedFrontDoor door) {
        this.store = store;
        this.meta = new MemcachedMetaCommands(store, probe);
        this.admin = new MemcachedAdminCommands(store, door);
    }

    /**
     * Runs {@code line}, whose data block (if it has one) would start at {@code dataStart} in
     * {@code in}, and writes its reply to {@code out}. Returns how many input bytes after the
     * line belong to the command (its data block: read already, or to be dropped as it comes),
     * {@link #WAIT_FOR_DATA}, or {@link #QUIT}.
     */
    long execute(MemcachedCommandLine line, ByteBuf in, int dataStart, ByteBuf out) {
        MemcachedVerb verb = MemcachedVerb.of(line);
        switch (verb) {
            case GET -> retrieve(line, false, out);
            case GETS -> retrieve(line, true, out);
            case GAT -> retrieveAndTouch(line, false, out);
            case GATS -> retrieveAndTouch(line, true, out);
            case SET -> {
                return storage(line, StoreMode.SET, in, dataStart, out);
            }
            case ADD -> {
                return storage(line, StoreMode.ADD, in, dataStart, out);
            }
            case REPLACE -> {
                return storage(line, StoreMode.REPLACE, in, dataStart, out);
            }
            case APPEND -> {
                return storage(line, StoreMode.APPEND, in, dataStart, out);
            }
            case PREPEND -> {
                return storage(line, StoreMode.PREPEND, in, dataStart, out);
            }
            case CAS -> {
                return storage(line, StoreMode.CAS, in, dataStart, out);
            }
            case DELETE -> delete(line, out);
            case INCR -> increment(line, false, out);
            case DECR -> increment(line, true, out);
            case TOUCH -> touch(line, out);
            case MG -> meta.get(line, out);
            case MS -> {
                return meta.set(line, in, dataStart, out);
            }
            case MD -> meta.delete(line, out);
            case MA -> meta.arithmetic(line, out);
            case MN -> MemcachedReplies.line(out, "MN");
            case QUIT -> {
                return QUIT;
            }
            case CACHE_MEMLIMIT, FLUSH_ALL, STATS, VERSION, VERBOSITY, UNKNOWN -> admin.execute(verb, line, out);
        }
        return 0;
    }

    private void retrieve(MemcachedCommandLine line, boolean withCas, ByteBuf out) {
        if (line.size() < 2) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        values(line, 1, withCas, false, 0, out);
    }

    /** {@code gat <exptime> <key>*} and {@code gats}: get, and give each item found a new expiry time. */
    private void retrieveAndTouch(MemcachedCommandLine line, boolean withCas, ByteBuf out) {
        if (line.size() < 2) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        long exptime = line.signed(1);
        if (exptime == NOT_A_NUMBER) {
            out.writeBytes(MemcachedReplies.INVALID_EXPTIME);
            return;
        }
        values(line, 2, withCas, true, exptime, out);
    }

    /**
     * VALUE lines for the keys from {@code firstKey} on, then END; each found item touched with
     * {@code exptime} if {@code touch}. A key too long to be one answers the whole command with
     * CLIENT_ERROR alone, the values before it withdrawn, as memcached 1.6 answers.
     */
    private void values(
            MemcachedCommandLine line, int firstKey, boolean withCas, boolean touch, long exptime, ByteBuf out) {
        int start = out.writerIndex();
        for (int i = firstKey; i < line.size(); i++) {
            if (!line.key(i, probe)) {
                out.writerIndex(start);
                out.writeBytes(MemcachedReplies.BAD_FORMAT);
                return;
            }
            Item item = touch ? store.getAndTouch(probe, exptime) : store.get(probe);
            if (item != null) {
                int headerBytes = MemcachedReplies.valueHeader(
                        valueHeader, line.bytes(), line.start(i), line.length(i), item, withCas);
                out.writeBytes(valueHeader, 0, headerBytes);
                out.writeBytes(item.value());
                MemcachedReplies.crlf(out);
            }
        }
        out.writeBytes(MemcachedReplies.END);
    }

    private long storage(MemcachedCommandLine line, StoreMode mode, ByteBuf in, int dataStart, ByteBuf out) {
        int required = mode == StoreMode.CAS ? 6 : 5;
        if (line.size() != required && line.size() != required + 1) {
            out.writeBytes(MemcachedReplies.ERROR);
            return 0;
        }
        boolean keyValid = line.key(1, probe);
        long flags = line.unsigned(2, 1L << 32);
        long exptime = line.signed(3);
        long bytes = line.unsigned(4, Integer.MAX_VALUE - 2L);
        Long cas = mode == StoreMode.CAS ? line.unsigned64(5) : ZERO;
        if (!keyValid || flags < 0 || exptime == NOT_A_NUMBER || bytes < 0 || cas == null) {
            out.writeBytes(MemcachedReplies.BAD_FORMAT);
            return 0;
        }
        if (bytes > store.itemBytesMax()) {
            if (mode == StoreMode.SET) {
                store.invalidate(probe);
            }
            out.writeBytes(MemcachedReplies.TOO_LARGE);
            return bytes + 2;
        }
        if (in.writerIndex() - dataStart < bytes + 2) {
            return WAIT_FOR_DATA;
        }
        byte[] data = dataBlock(in, dataStart, (int) bytes, out);
        if (data == null) {
            return bytes + 2;
        }
        StoreResult result = store.store(mode, probe, flags, exptime, data, cas);
        if (!line.isNoreply(required)) {
            out.writeBytes(
                    switch (result) {
                        case STORED -> MemcachedReplies.STORED;
                        case NOT_STORED -> MemcachedReplies.NOT_STORED;
                        case EXISTS -> MemcachedReplies.EXISTS;
                        case NOT_FOUND -> MemcachedReplies.NOT_FOUND;
                        case TOO_LARGE -> MemcachedReplies.TOO_LARGE;
                        case OUT_OF_MEMORY -> MemcachedReplies.OUT_OF_MEMORY;
                    });
        }
        return bytes + 2;
    }

    /**
     * The {@code bytes} of data at {@code dataStart}, all arrived with the two bytes after them,
     * or null if those are not CRLF (answered: bad data chunk).
     */
    static byte[] dataBlock(ByteBuf in, int dataStart, int bytes, ByteBuf out) {
        if (in.getByte(dataStart + bytes) != '\r' | in.getByte(dataStart + bytes + 1) != '\n') {
            out.writeBytes(MemcachedReplies.BAD_DATA_CHUNK);
            return null;
        }
        byte[] data = new byte[bytes];
        in.getBytes(dataStart, data);
        return data;
    }

    private void delete(MemcachedCommandLine line, ByteBuf out) {
        if (line.size() < 2 || line.size() > 4) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        boolean noreply = line.isNoreply(line.size() - 1);
        int extra = line.size() - 2 - (noreply ? 1 : 0);
        if (extra > 1 || (extra == 1 && !line.is(2, ZERO_TEXT))) {
            MemcachedReplies.line(out, "CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]");
            return;
        }
        if (!line.key(1, probe)) {
            out.writeBytes(MemcachedReplies.BAD_FORMAT);
            return;
        }
        boolean deleted = store.delete(probe);
        if (!noreply) {
            out.writeBytes(deleted ? MemcachedReplies.DELETED : MemcachedReplies.NOT_FOUND);
        }
    }

    private void increment(MemcachedCommandLine line, boolean decrement, ByteBuf out) {
        if (line.size() != 3 && line.size() != 4) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        if (!line.key(1, probe)) {
            out.writeBytes(MemcachedReplies.BAD_FORMAT);
            return;
        }
        Long delta = line.unsigned64(2);
        if (delta == null) {
            MemcachedReplies.line(out, "CLIENT_ERROR invalid numeric delta argument");
            return;
        }
        IncrResult result = store.increment(probe, delta, decrement);
        if (line.isNoreply(3)) {
            return;
        }
        switch (result) {
            case IncrResult.Value value -> {
                MemcachedReplies.decimal(out, value.unsigned());
                MemcachedReplies.crlf(out);
            }
            case IncrResult.NotFound notFound -> out.writeBytes(MemcachedReplies.NOT_FOUND);
            case IncrResult.NonNumeric nonNumeric ->
                MemcachedReplies.line(out, "CLIENT_ERROR cannot increment or decrement non-numeric value");
        }
    }

    private void touch(MemcachedCommandLine line, ByteBuf out) {
        if (line.size() != 3 && line.size() != 4) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        boolean keyValid = line.key(1, probe);
        long exptime = line.signed(2);
        if (!keyValid || exptime == NOT_A_NUMBER) {
            out.writeBytes(!keyValid ? MemcachedReplies.BAD_FORMAT : MemcachedReplies.INVALID_EXPTIME);
            return;
        }
        boolean touched = store.touch(probe, exptime);
        if (!line.isNoreply(3)) {
            out.writeBytes(touched ? MemcachedReplies.TOUCHED : MemcachedReplies.NOT_FOUND);
        }
    }
}
