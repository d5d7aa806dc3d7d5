package sdlab.cache;

import sdlab.cache.store.Entry;

/**
 * The options of SET: {@code [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL]},
 * parsed and checked as Redis 7 does, with every expiry turned into an absolute time.
 *
 * @param expireAtMillis absolute expiry, or {@link Entry#NO_EXPIRY}
 */
record SetOptions(boolean nx, boolean xx, boolean get, boolean keepTtl, long expireAtMillis) {
    private static final String COMMAND = "set";

    static SetOptions parse(byte[][] argv, long nowMillis) {
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        boolean keepTtl = false;
        long unitMillis = 0;
        boolean absolute = false;
        byte[] time = null;
        for (int i = 3; i < argv.length; i++) {
            byte[] arg = argv[i];
            if (Args.is(arg, "NX") && !xx) {
                nx = true;
            } else if (Args.is(arg, "XX") && !nx) {
                xx = true;
            } else if (Args.is(arg, "GET")) {
                get = true;
            } else if (Args.is(arg, "KEEPTTL") && time == null) {
                keepTtl = true;
            } else if (isExpiryOption(arg) && time == null && !keepTtl && i + 1 < argv.length) {
                unitMillis = Args.is(arg, "EX") || Args.is(arg, "EXAT") ? 1000 : 1;
                absolute = Args.is(arg, "EXAT") || Args.is(arg, "PXAT");
                time = argv[++i];
            } else {
                throw new CommandException(ErrorReplies.SYNTAX);
            }
        }
        long expireAt = time == null ? Entry.NO_EXPIRY : expireAt(time, unitMillis, absolute, nowMillis);
        return new SetOptions(nx, xx, get, keepTtl, expireAt);
    }

    /** An absolute expiry; a non-positive or overflowing time is {@code ERR invalid expire time}. */
    static long expireAt(byte[] time, long unitMillis, boolean absolute, long nowMillis) {
        return expireAt(time, unitMillis, absolute, nowMillis, COMMAND);
    }

    static long expireAt(byte[] time, long unitMillis, boolean absolute, long nowMillis, String command) {
        long value = Args.parseLong(time);
        if (value <= 0 || value > Long.MAX_VALUE / unitMillis) {
            throw new CommandException(ErrorReplies.invalidExpire(command));
        }
        long millis = value * unitMillis;
        if (absolute) {
            return millis;
        }
        if (millis > Long.MAX_VALUE - nowMillis) {
            throw new CommandException(ErrorReplies.invalidExpire(command));
        }
        return millis + nowMillis;
    }

    private static boolean isExpiryOption(byte[] arg) {
        return Args.is(arg, "EX") || Args.is(arg, "PX") || Args.is(arg, "EXAT") || Args.is(arg, "PXAT");
    }
}
