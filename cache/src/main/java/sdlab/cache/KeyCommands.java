package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;

/**
 * DEL, UNLINK, EXISTS, TOUCH, TYPE, RANDOMKEY, KEYS and SCAN: commands about keys of any type.
 * Renaming and copying are in {@link RenameCommands}, OBJECT in {@link ObjectCommand}; this
 * class registers them.
 */
final class KeyCommands {
    private static final int SCAN_COUNT_DEFAULT = 10;

    private KeyCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("del", -2, Set.of(WRITE), 1, -1, 1, KeyCommands::del)
                .add("unlink", -2, Set.of(WRITE, FAST), 1, -1, 1, KeyCommands::del)
                .add("exists", -2, Set.of(READONLY, FAST), 1, -1, 1, KeyCommands::exists)
                .addSingleKey("type", 2, Set.of(READONLY, FAST), KeyCommands::type)
                .add("keys", 2, Set.of(READONLY), KeyCommands::keys)
                .add("scan", -2, Set.of(READONLY), KeyCommands::scan)
                .add("touch", -2, Set.of(READONLY, FAST), 1, -1, 1, KeyCommands::touch)
                .add("randomkey", 1, Set.of(READONLY), KeyCommands::randomkey);
        RenameCommands.register(table);
        ObjectCommand.register(table);
    }

    /** TOUCH key...: records an access to each key; answers how many exist. */
    private static Reply touch(CommandContext ctx, byte[][] argv) {
        int found = 0;
        for (int i = 1; i < argv.length; i++) {
            if (ctx.db().lookupRead(Key.wrap(argv[i])) != null) {
                found++;
            }
        }
        return Reply.integer(found);
    }

    /** RANDOMKEY: a random key from the engine's seed, or nil in an empty keyspace. */
    private static Reply randomkey(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.db().randomLive();
        return e == null ? Reply.Nil.BULK : new Reply.Bulk(e.key().bytes());
    }

    private static Reply del(CommandContext ctx, byte[][] argv) {
        int deleted = 0;
        for (int i = 1; i < argv.length; i++) {
            Entry e = ctx.db().lookupWrite(Key.wrap(argv[i]));
            if (e != null) {
                ctx.db().delete(e);
                deleted++;
            }
        }
        return Reply.integer(deleted);
    }

    private static Reply exists(CommandContext ctx, byte[][] argv) {
        int found = 0;
        for (int i = 1; i < argv.length; i++) {
            if (ctx.db().lookupReadNoTouch(Key.wrap(argv[i])) != null) {
                found++;
            }
        }
        return Reply.integer(found);
    }

    private static Reply type(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.db().lookupReadNoTouch(Key.wrap(argv[1]));
        return new Reply.Simple(e == null ? "none" : e.value().type().wireName());
    }

    private static Reply keys(CommandContext ctx, byte[][] argv) {
        GlobPattern pattern = new GlobPattern(argv[1]);
        boolean all = pattern.matchesAll();
        List<Reply> keys = new ArrayList<>();
        ctx.db().forEachLive(e -> {
            if (all || pattern.matches(e.key().bytes())) {
                keys.add(new Reply.Bulk(e.key().bytes()));
            }
        });
        return new Reply.Array(keys);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. */
    private static Reply scan(CommandContext ctx, byte[][] argv) {
        long cursor = parseCursor(argv[1]);
        Predicate<Entry> filter = e -> true;
        int count = SCAN_COUNT_DEFAULT;
        for (int i = 2; i < argv.length; i += 2) {
            if (i + 1 >= argv.length) {
                return Reply.error(ErrorReplies.SYNTAX);
            }
            byte[] value = argv[i + 1];
            if (Args.is(argv[i], "MATCH")) {
                GlobPattern pattern = new GlobPattern(value);
                filter = filter.and(e -> pattern.matches(e.key().bytes()));
            } else if (Args.is(argv[i], "COUNT")) {
                count = Args.parseInt(value);
                if (count < 1) {
                    return Reply.error(ErrorReplies.SYNTAX);
                }
            } else if (Args.is(argv[i], "TYPE")) {
                String typeName = Args.text(value);
                filter = filter.and(e -> e.value().type().wireName().equalsIgnoreCase(typeName));
            } else {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        List<Reply> keys = new ArrayList<>();
        Predicate<Entry> wanted = filter;
        long next = ctx.db().scan(cursor, count, e -> {
            if (wanted.test(e)) {
                keys.add(new Reply.Bulk(e.key().bytes()));
            }
        });
        return new Reply.Array(List.of(Reply.bulk(Long.toUnsignedString(next)), new Reply.Array(keys)));
    }

    static long parseCursor(byte[] arg) {
        try {
            return Long.parseUnsignedLong(Args.text(arg));
        } catch (NumberFormatException e) {
            throw new CommandException(ErrorReplies.INVALID_CURSOR);
        }
    }
}
