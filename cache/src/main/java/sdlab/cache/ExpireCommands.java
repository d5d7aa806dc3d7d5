package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;

/**
 * EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST. Every expiry is logged as an
 * absolute PEXPIREAT (or as DEL when the time has already passed), so that replaying the log
 * later expires the key at the same instant, as Redis 7 propagates it.
 */
final class ExpireCommands {
    private static final byte[] PEXPIREAT = "PEXPIREAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    private ExpireCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("expire", -3, Set.of(WRITE, FAST), (ctx, argv) -> expire(ctx, argv, 1000, false))
                .addSingleKey("pexpire", -3, Set.of(WRITE, FAST), (ctx, argv) -> expire(ctx, argv, 1, false))
                .addSingleKey("expireat", -3, Set.of(WRITE, FAST), (ctx, argv) -> expire(ctx, argv, 1000, true))
                .addSingleKey("pexpireat", -3, Set.of(WRITE, FAST), (ctx, argv) -> expire(ctx, argv, 1, true))
                .addSingleKey("ttl", 2, Set.of(READONLY, FAST), (ctx, argv) -> ttl(ctx, argv, false))
                .addSingleKey("pttl", 2, Set.of(READONLY, FAST), (ctx, argv) -> ttl(ctx, argv, true))
                .addSingleKey("expiretime", 2, Set.of(READONLY, FAST), (ctx, argv) -> expireTime(ctx, argv, false))
                .addSingleKey("pexpiretime", 2, Set.of(READONLY, FAST), (ctx, argv) -> expireTime(ctx, argv, true))
                .addSingleKey("persist", 2, Set.of(WRITE, FAST), ExpireCommands::persist);
    }

    /** The NX / XX / GT / LT conditions of Redis 7's EXPIRE family. */
    private record Condition(boolean nx, boolean xx, boolean gt, boolean lt) {
        static Condition parse(byte[][] argv) {
            boolean nx = false;
            boolean xx = false;
            boolean gt = false;
            boolean lt = false;
            for (int i = 3; i < argv.length; i++) {
                if (Args.is(argv[i], "NX")) {
                    nx = true;
                } else if (Args.is(argv[i], "XX")) {
                    xx = true;
                } else if (Args.is(argv[i], "GT")) {
                    gt = true;
                } else if (Args.is(argv[i], "LT")) {
                    lt = true;
                } else {
                    throw new CommandException("ERR Unsupported option " + Args.text(argv[i]));
                }
            }
            if (nx && (xx || gt || lt)) {
                throw new CommandException("ERR NX and XX, GT or LT options at the same time are not compatible");
            }
            if (gt && lt) {
                throw new CommandException("ERR GT and LT options at the same time are not compatible");
            }
            return new Condition(nx, xx, gt, lt);
        }

        /** Whether {@code e} may get the expiry {@code when}; a key without one counts as never expiring. */
        boolean allows(Entry e, long when) {
            boolean has = e.hasExpiry();
            return !(nx && has)
                    && !(xx && !has)
                    && !(gt && (!has || when <= e.expireAtMillis()))
                    && !(lt && has && when >= e.expireAtMillis());
        }
    }

    private static Reply expire(CommandContext ctx, byte[][] argv, long unitMillis, boolean absolute) {
        String name = Args.text(argv[0]).toLowerCase(java.util.Locale.ROOT);
        long value = Args.parseLong(argv[2]);
        if (value > Long.MAX_VALUE / unitMillis || value < Long.MIN_VALUE / unitMillis) {
            return Reply.error(ErrorReplies.invalidExpire(name));
        }
        long when = value * unitMillis;
        if (!absolute) {
            if (when > Long.MAX_VALUE - ctx.nowMillis()) {
                return Reply.error(ErrorReplies.invalidExpire(name));
            }
            when += ctx.nowMillis();
        }
        Condition condition = Condition.parse(argv);
        Entry e = ctx.db().lookupWrite(Key.wrap(argv[1]));
        if (e == null || !condition.allows(e, when)) {
            return Reply.ZERO;
        }
        if (when <= ctx.nowMillis()) {
            ctx.db().delete(e);
            ctx.propagateAs(DEL, argv[1]);
        } else {
            ctx.db().setExpiry(e, when);
            ctx.propagateAs(PEXPIREAT, argv[1], Args.digits(when));
        }
        return Reply.ONE;
    }

    private static Reply ttl(CommandContext ctx, byte[][] argv, boolean millis) {
        Entry e = ctx.db().lookupReadNoTouch(Key.wrap(argv[1]));
        if (e == null) {
            return Reply.integer(-2);
        }
        if (!e.hasExpiry()) {
            return Reply.integer(-1);
        }
        long remaining = Math.max(0, e.expireAtMillis() - ctx.nowMillis());
        return Reply.integer(millis ? remaining : (remaining + 500) / 1000);
    }

    /** EXPIRETIME and PEXPIRETIME: the absolute expiry (seconds rounded as Redis rounds them), -1 for none, -2 if missing. */
    private static Reply expireTime(CommandContext ctx, byte[][] argv, boolean millis) {
        Entry e = ctx.db().lookupReadNoTouch(Key.wrap(argv[1]));
        if (e == null) {
            return Reply.integer(-2);
        }
        if (!e.hasExpiry()) {
            return Reply.integer(-1);
        }
        return Reply.integer(millis ? e.expireAtMillis() : (e.expireAtMillis() + 500) / 1000);
    }

    private static Reply persist(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.db().lookupWrite(Key.wrap(argv[1]));
        return e != null && ctx.db().persist(e) ? Reply.ONE : Reply.ZERO;
    }
}
