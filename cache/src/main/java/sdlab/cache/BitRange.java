package sdlab.cache;

/**
 * The range of bits BITCOUNT and BITPOS look at: inclusive start and end as bytes or, with
 * BIT, as bits; negative values count from the end; both are clipped to the string as Redis
 * 7.0 clips them.
 *
 * @param firstBit the first bit of the range
 * @param lastBit the last bit of the range, at least {@code firstBit}
 */
record BitRange(long firstBit, long lastBit) {

    /** All bits of a string of {@code length} bytes, or null if it is empty. */
    static BitRange whole(long length) {
        return length == 0 ? null : new BitRange(0, length * 8 - 1);
    }

    /** BITCOUNT's range; null if empty. Both ends negative and crossed is empty before clipping. */
    static BitRange parse(byte[] start, byte[] end, byte[] unit, long length) {
        long from = Args.parseLong(start);
        long to = Args.parseLong(end);
        if (from < 0 && to < 0 && from > to) {
            return null;
        }
        return resolve(from, to, isBit(unit), length);
    }

    /** BITPOS's range: without an end it runs to the end of the string; null if empty. */
    static BitRange parseFrom(byte[] start, byte[] end, byte[] unit, long length) {
        long from = Args.parseLong(start);
        boolean bits = isBit(unit);
        long to = end == null ? Long.MAX_VALUE : Args.parseLong(end);
        return resolve(from, to, bits, length);
    }

    private static boolean isBit(byte[] unit) {
        if (unit == null || Args.is(unit, "BYTE")) {
            return false;
        }
        if (Args.is(unit, "BIT")) {
            return true;
        }
        throw new CommandException(ErrorReplies.SYNTAX);
    }

    private static BitRange resolve(long from, long to, boolean bits, long length) {
        long total = bits ? length * 8 : length;
        from = Math.max(0, from < 0 ? total + from : from);
        to = Math.max(0, to < 0 ? total + to : to);
        to = Math.min(to, total - 1);
        if (from > to) {
            return null;
        }
        return bits ? new BitRange(from, to) : new BitRange(from * 8, to * 8 + 7);
    }
}
