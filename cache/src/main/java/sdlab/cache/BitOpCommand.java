package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.StringValue;

/**
 * BITOP AND|OR|XOR|NOT destkey key [key ...]: combines strings byte by byte into {@code
 * destkey}, shorter ones padded with zero bytes. An empty result deletes {@code destkey}.
 */
final class BitOpCommand {
    private enum Op {
        AND,
        OR,
        XOR,
        NOT
    }

    private BitOpCommand() {}

    static void register(CommandTable.Builder table) {
        table.add("bitop", -4, Set.of(WRITE, DENYOOM), 2, -1, 1, BitOpCommand::bitop);
    }

    private static Reply bitop(CommandContext ctx, byte[][] argv) {
        Op op = parseOp(argv[1]);
        if (op == Op.NOT && argv.length != 4) {
            return Reply.error("ERR BITOP NOT must be called with a single source key.");
        }
        byte[][] sources = new byte[argv.length - 3][];
        int length = 0;
        for (int i = 3; i < argv.length; i++) {
            StringValue value = ctx.read(argv[i], StringValue.class);
            sources[i - 3] = value == null ? new byte[0] : value.bytes();
            length = Math.max(length, sources[i - 3].length);
        }
        byte[] result = new byte[length];
        for (int at = 0; at < length; at++) {
            result[at] = combine(op, sources, at);
        }
        Entry target = ctx.db().lookupWrite(Key.wrap(argv[2]));
        if (length == 0) {
            if (target != null) {
                ctx.db().delete(target);
            }
            return Reply.ZERO;
        }
        if (target == null) {
            ctx.db().add(Key.wrap(argv[2]), new StringValue(result));
        } else {
            ctx.db().replace(target, new StringValue(result), false);
        }
        return Reply.integer(length);
    }

    private static byte combine(Op op, byte[][] sources, int at) {
        int acc = byteAt(sources[0], at);
        if (op == Op.NOT) {
            return (byte) ~acc;
        }
        for (int i = 1; i < sources.length; i++) {
            int b = byteAt(sources[i], at);
            acc = switch (op) {
                case AND -> acc & b;
                case OR -> acc | b;
                case XOR -> acc ^ b;
                case NOT -> throw new AssertionError("NOT has one source");
            };
        }
        return (byte) acc;
    }

    private static int byteAt(byte[] bytes, int at) {
        return at < bytes.length ? bytes[at] : 0;
    }

    private static Op parseOp(byte[] arg) {
        for (Op op : Op.values()) {
            if (Args.is(arg, op.name())) {
                return op;
            }
        }
        throw new CommandException(ErrorReplies.SYNTAX);
    }
}
