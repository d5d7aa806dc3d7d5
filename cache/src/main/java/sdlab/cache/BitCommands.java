package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.Arrays;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.StringValue;

/**
 * SETBIT, GETBIT, BITCOUNT and BITPOS: a string as an array of bits, bit 0 being the most
 * significant bit of the first byte, as in Redis. BITCOUNT and BITPOS ranges count bytes or,
 * with BIT, bits; {@link BitRange} resolves them. BITOP is in {@link BitOpCommand}.
 */
final class BitCommands {
    /** A bit offset must address a byte below {@code proto-max-bulk-len}: below 2^32. */
    private static final long BIT_OFFSET_MAX = StringRangeCommands.STRING_BYTES_MAX * 8 - 1;

    private static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";
    private static final String BAD_BIT = "ERR bit is not an integer or out of range";
    private static final String BAD_BITPOS_BIT = "ERR The bit argument must be 1 or 0.";

    private BitCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("setbit", 4, Set.of(WRITE, DENYOOM), BitCommands::setbit)
                .addSingleKey("getbit", 3, Set.of(READONLY, FAST), BitCommands::getbit)
                .addSingleKey("bitcount", -2, Set.of(READONLY), BitCommands::bitcount)
                .addSingleKey("bitpos", -3, Set.of(READONLY), BitCommands::bitpos);
        BitOpCommand.register(table);
    }

    /** SETBIT key offset 0|1: answers the old bit; grows the string with zero bytes as needed. */
    private static Reply setbit(CommandContext ctx, byte[][] argv) {
        long offset = parseOffset(argv[2]);
        long[] bit = new long[1];
        if (!Args.tryParseLong(argv[3], bit) || (bit[0] & ~1L) != 0) {
            return Reply.error(BAD_BIT);
        }
        Entry e = ctx.write(argv[1], StringValue.class);
        byte[] old = e == null ? new byte[0] : ((StringValue) e.value()).bytes();
        int byteIndex = (int) (offset >>> 3);
        int mask = 0x80 >>> (int) (offset & 7);
        boolean was = byteIndex < old.length && (old[byteIndex] & mask) != 0;
        byte[] updated = Arrays.copyOf(old, Math.max(old.length, byteIndex + 1));
        updated[byteIndex] = (byte) (bit[0] == 1 ? updated[byteIndex] | mask : updated[byteIndex] & ~mask);
        // Redis counts SETBIT as a change even when the bit already had that value.
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), new StringValue(updated));
        } else {
            ctx.db().replace(e, new StringValue(updated), true);
        }
        return was ? Reply.ONE : Reply.ZERO;
    }

    private static Reply getbit(CommandContext ctx, byte[][] argv) {
        long offset = parseOffset(argv[2]);
        StringValue value = ctx.read(argv[1], StringValue.class);
        return value != null && bitAt(value.bytes(), offset) ? Reply.ONE : Reply.ZERO;
    }

    /** BITCOUNT key [start end [BYTE | BIT]]: the set bits of the range. */
    private static Reply bitcount(CommandContext ctx, byte[][] argv) {
        StringValue value = ctx.read(argv[1], StringValue.class);
        if (value == null) {
            return Reply.ZERO;
        }
        byte[] bytes = value.bytes();
        if (argv.length != 2 && argv.length != 4 && argv.length != 5) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        BitRange range = argv.length == 2
                ? BitRange.whole(bytes.length)
                : BitRange.parse(argv[2], argv[3], argv.length == 5 ? argv[4] : null, bytes.length);
        if (range == null) {
            return Reply.ZERO;
        }
        long count = 0;
        for (long bit = range.firstBit(); bit <= range.lastBit(); bit++) {
            if ((bit & 7) == 0 && bit + 7 <= range.lastBit()) {
                count += Integer.bitCount(bytes[(int) (bit >>> 3)] & 0xff);
                bit += 7;
            } else if (bitAt(bytes, bit)) {
                count++;
            }
        }
        return Reply.integer(count);
    }

    /**
     * BITPOS key bit [start [end [BYTE | BIT]]]: the first bit with that value. Without an end,
     * the string counts as followed by zeros, so looking for 0 in all ones answers the first
     * bit after the range; with an end it answers -1.
     */
    private static Reply bitpos(CommandContext ctx, byte[][] argv) {
        long[] wanted = new long[1];
        if (!Args.tryParseLong(argv[2], wanted)) {
            return Reply.error(ErrorReplies.NOT_INTEGER);
        }
        if (wanted[0] != 0 && wanted[0] != 1) {
            return Reply.error(BAD_BITPOS_BIT);
        }
        boolean one = wanted[0] == 1;
        StringValue value = ctx.read(argv[1], StringValue.class);
        if (value == null) {
            return Reply.integer(one ? -1 : 0);
        }
        byte[] bytes = value.bytes();
        if (argv.length > 6) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        boolean endGiven = argv.length >= 5;
        BitRange range = argv.length == 3
                ? BitRange.whole(bytes.length)
                : BitRange.parseFrom(
                        argv[3], endGiven ? argv[4] : null, argv.length == 6 ? argv[5] : null, bytes.length);
        if (range == null) {
            return Reply.integer(-1);
        }
        for (long bit = range.firstBit(); bit <= range.lastBit(); bit++) {
            if (bitAt(bytes, bit) == one) {
                return Reply.integer(bit);
            }
        }
        return Reply.integer(one || endGiven ? -1 : (range.lastBit() / 8 + 1) * 8);
    }

    private static long parseOffset(byte[] arg) {
        long[] offset = new long[1];
        if (!Args.tryParseLong(arg, offset) || offset[0] < 0 || offset[0] > BIT_OFFSET_MAX) {
            throw new CommandException(BAD_OFFSET);
        }
        return offset[0];
    }

    static boolean bitAt(byte[] bytes, long offset) {
        long byteIndex = offset >>> 3;
        return byteIndex < bytes.length && (bytes[(int) byteIndex] & (0x80 >>> (int) (offset & 7))) != 0;
    }
}
