package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.Arrays;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.StringValue;

/**
 * GETRANGE (and its old name SUBSTR) and SETRANGE: strings as byte arrays addressed by offset.
 * Strings are immutable and shared with replies already sent, so SETRANGE builds a new one.
 */
final class StringRangeCommands {
    /** Redis's {@code proto-max-bulk-len} default: no command may grow a string beyond it. */
    static final long STRING_BYTES_MAX = 512L * 1024 * 1024;

    static final String TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    private static final byte[] EMPTY = new byte[0];

    private StringRangeCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("getrange", 4, Set.of(READONLY), StringRangeCommands::getrange)
                .addSingleKey("substr", 4, Set.of(READONLY), StringRangeCommands::getrange)
                .addSingleKey("setrange", 4, Set.of(WRITE, DENYOOM), StringRangeCommands::setrange);
    }

    /** GETRANGE key start end: inclusive offsets, negative ones from the end, clipped to the string. */
    private static Reply getrange(CommandContext ctx, byte[][] argv) {
        long start = Args.parseLong(argv[2]);
        long end = Args.parseLong(argv[3]);
        StringValue value = ctx.read(argv[1], StringValue.class);
        byte[] bytes = value == null ? EMPTY : value.bytes();
        long length = bytes.length;
        if (start < 0 && end < 0 && start > end) {
            return new Reply.Bulk(EMPTY);
        }
        start = Math.max(0, start < 0 ? length + start : start);
        end = Math.max(0, end < 0 ? length + end : end);
        end = Math.min(end, length - 1);
        if (start > end || length == 0) {
            return new Reply.Bulk(EMPTY);
        }
        return new Reply.Bulk(Arrays.copyOfRange(bytes, (int) start, (int) end + 1));
    }

    /** SETRANGE key offset value: overwrites from {@code offset}, padding with zero bytes; answers the length. */
    private static Reply setrange(CommandContext ctx, byte[][] argv) {
        long offset = Args.parseLong(argv[2]);
        if (offset < 0) {
            return Reply.error("ERR offset is out of range");
        }
        byte[] patch = argv[3];
        Entry e = ctx.write(argv[1], StringValue.class);
        byte[] old = e == null ? EMPTY : ((StringValue) e.value()).bytes();
        if (patch.length == 0) {
            return Reply.integer(old.length); // nothing to write, and a missing key stays missing
        }
        if (offset > STRING_BYTES_MAX - patch.length) {
            return Reply.error(TOO_LONG);
        }
        byte[] updated = Arrays.copyOf(old, (int) Math.max(old.length, offset + patch.length));
        System.arraycopy(patch, 0, updated, (int) offset, patch.length);
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), new StringValue(updated));
        } else {
            ctx.db().replace(e, new StringValue(updated), true);
        }
        return Reply.integer(updated.length);
    }
}
