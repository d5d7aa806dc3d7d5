package sdlab.cache.server;

import static sdlab.cache.server.MemcachedCommandLine.NOT_A_NUMBER;

import io.netty.buffer.ByteBuf;
import sdlab.cache.memcached.MemcachedStore;

/**
 * The memcached commands about the server rather than an item: {@code flush_all}, {@code stats},
 * {@code version}, {@code verbosity}, {@code cache_memlimit}, and {@code ERROR} for a command
 * that does not exist. Rare, so they may build their replies as text.
 */
final class MemcachedAdminCommands {
    private static final long MEMORY_LIMIT_MEGABYTES_MIN = 8;
    private static final byte[] RESET = MemcachedCommandLine.ascii("reset");

    private final MemcachedStore store;
    private final MemcachedFrontDoor door;

    MemcachedAdminCommands(MemcachedStore store, MemcachedFrontDoor door) {
        this.store = store;
        this.door = door;
    }

    void execute(MemcachedVerb verb, MemcachedCommandLine line, ByteBuf out) {
        switch (verb) {
            case CACHE_MEMLIMIT -> memoryLimit(line, out);
            case FLUSH_ALL -> flushAll(line, out);
            case STATS -> stats(line, out);
            case VERSION -> MemcachedReplies.line(out, "VERSION " + MemcachedConnection.VERSION);
            case VERBOSITY -> {
                if (line.size() < 2 || line.size() > 3) {
                    out.writeBytes(MemcachedReplies.ERROR);
                } else if (!line.isNoreply(line.size() - 1)) {
                    out.writeBytes(MemcachedReplies.OK);
                }
            }
            default -> out.writeBytes(MemcachedReplies.ERROR);
        }
    }

    /** {@code cache_memlimit <megabytes> [noreply]}: memcached refuses less than 8 MiB. */
    private void memoryLimit(MemcachedCommandLine line, ByteBuf out) {
        if (line.size() != 2 && line.size() != 3) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        long megabytes = line.unsigned(1, 1L << 40);
        if (megabytes < 0) {
            out.writeBytes(MemcachedReplies.BAD_FORMAT);
            return;
        }
        if (megabytes < MEMORY_LIMIT_MEGABYTES_MIN) {
            MemcachedReplies.line(out, "MEMLIMIT_TOO_SMALL cannot set maxbytes to less than 8m");
            return;
        }
        store.setMemoryBytesMax(megabytes << 20);
        if (!line.isNoreply(2)) {
            out.writeBytes(MemcachedReplies.OK);
        }
    }

    private void flushAll(MemcachedCommandLine line, ByteBuf out) {
        if (line.size() > 3) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        boolean noreply = line.isNoreply(line.size() - 1);
        long delay = 0;
        if (line.size() - (noreply ? 1 : 0) == 2) {
            delay = line.signed(1);
            if (delay == NOT_A_NUMBER) {
                out.writeBytes(MemcachedReplies.INVALID_EXPTIME);
                return;
            }
        }
        store.flushAll(delay);
        if (!noreply) {
            out.writeBytes(MemcachedReplies.OK);
        }
    }

    private void stats(MemcachedCommandLine line, ByteBuf out) {
        if (line.size() == 2 && line.is(1, RESET)) {
            store.stats().reset();
            MemcachedReplies.line(out, "RESET");
            return;
        }
        var lines = line.size() > 2 ? null : door.statsReport().lines(line.size() == 1 ? "" : line.text(1));
        if (lines == null) {
            out.writeBytes(MemcachedReplies.ERROR);
            return;
        }
        for (var stat : lines) {
            MemcachedReplies.line(out, "STAT " + stat.getKey() + " " + stat.getValue());
        }
        out.writeBytes(MemcachedReplies.END);
    }
}
