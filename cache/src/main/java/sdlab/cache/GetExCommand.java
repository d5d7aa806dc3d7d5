package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.WRITE;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.StringValue;

/**
 * GETEX key [EX s | PX ms | EXAT s | PXAT ms | PERSIST]: GET that also sets or removes the
 * expiry. As in Redis 7.0 it is logged as what it did: PEXPIREAT with the absolute time, DEL
 * when an absolute time has already passed, PERSIST when an expiry was removed, and nothing
 * for a plain read.
 */
final class GetExCommand {
    private static final String NAME = "getex";
    private static final byte[] PEXPIREAT = "PEXPIREAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PERSIST = "PERSIST".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    private GetExCommand() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey(NAME, -2, Set.of(WRITE, FAST), GetExCommand::getex);
    }

    /** The one option of GETEX: an expiry (time and unit) or PERSIST, or neither. */
    private record Option(byte[] time, long unitMillis, boolean absolute, boolean persist) {
        static final Option NONE = new Option(null, 0, false, false);

        static Option parse(byte[][] argv) {
            Option option = NONE;
            for (int i = 2; i < argv.length; i++) {
                byte[] arg = argv[i];
                boolean expiry =
                        Args.is(arg, "EX") || Args.is(arg, "PX") || Args.is(arg, "EXAT") || Args.is(arg, "PXAT");
                if (expiry && option.time == null && !option.persist && i + 1 < argv.length) {
                    long unitMillis = Args.is(arg, "EX") || Args.is(arg, "EXAT") ? 1000 : 1;
                    option = new Option(argv[++i], unitMillis, Args.is(arg, "EXAT") || Args.is(arg, "PXAT"), false);
                } else if (Args.is(arg, "PERSIST") && option.time == null) {
                    option = new Option(null, 0, false, true);
                } else {
                    throw new CommandException(ErrorReplies.SYNTAX);
                }
            }
            return option;
        }
    }

    private static Reply getex(CommandContext ctx, byte[][] argv) {
        Option option = Option.parse(argv);
        Entry e = ctx.write(argv[1], StringValue.class);
        if (e == null) {
            return Reply.Nil.BULK;
        }
        Reply value = new Reply.Bulk(((StringValue) e.value()).bytes());
        if (option.time() != null) {
            long at = SetOptions.expireAt(option.time(), option.unitMillis(), option.absolute(), ctx.nowMillis(), NAME);
            if (at <= ctx.nowMillis()) {
                ctx.db().delete(e);
                ctx.propagateAs(DEL, argv[1]);
            } else {
                ctx.db().setExpiry(e, at);
                ctx.propagateAs(PEXPIREAT, argv[1], Args.digits(at));
            }
        } else if (option.persist() && ctx.db().persist(e)) {
            ctx.propagateAs(PERSIST, argv[1]);
        }
        return value;
    }
}
