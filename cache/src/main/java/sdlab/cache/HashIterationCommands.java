package sdlab.cache;

import static sdlab.cache.CommandFlag.READONLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.cache.store.HashValue;
import sdlab.cache.store.Key;

/**
 * HRANDFIELD and HSCAN: reading a hash other than by field name. Random choices come from the
 * engine's generator (see {@link RandomPicks}).
 */
final class HashIterationCommands {
    private HashIterationCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("hrandfield", -2, Set.of(READONLY), HashIterationCommands::hrandfield)
                .addSingleKey("hscan", -3, Set.of(READONLY), HashIterationCommands::hscan);
    }

    /**
     * HRANDFIELD key [count [WITHVALUES]]: one random field (nil if no hash), or with a count
     * that many distinct fields (negative: |count| draws that may repeat). WITHVALUES pairs
     * each field with its value: flat in RESP2, as two-element arrays in RESP3.
     */
    private static Reply hrandfield(CommandContext ctx, byte[][] argv) {
        if (argv.length == 2) {
            HashValue hash = ctx.read(argv[1], HashValue.class);
            if (hash == null) {
                return Reply.Nil.BULK;
            }
            int at = RandomPicks.withRepeats(hash.size(), 1, ctx.random())[0];
            return new Reply.Bulk(fieldsOf(hash).get(at).getKey().bytes());
        }
        long count = RandomPicks.parseCount(argv[2]);
        if (argv.length > 4 || (argv.length == 4 && !Args.is(argv[3], "WITHVALUES"))) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        boolean withValues = argv.length == 4;
        HashValue hash = ctx.read(argv[1], HashValue.class);
        if (hash == null || count == 0) {
            return new Reply.Array(List.of());
        }
        List<Map.Entry<Key, byte[]>> fields = fieldsOf(hash);
        int[] picks = count < 0
                ? RandomPicks.withRepeats(fields.size(), (int) -count, ctx.random())
                : count >= fields.size()
                        ? RandomPicks.distinct(fields.size(), fields.size(), ctx.random())
                        : RandomPicks.distinct(fields.size(), (int) count, ctx.random());
        boolean pairs = withValues && ctx.session().protocol() == 3;
        List<Reply> items = new ArrayList<>(picks.length * (withValues && !pairs ? 2 : 1));
        for (int at : picks) {
            Reply field = new Reply.Bulk(fields.get(at).getKey().bytes());
            Reply value = new Reply.Bulk(fields.get(at).getValue());
            if (pairs) {
                items.add(new Reply.Array(List.of(field, value)));
            } else {
                items.add(field);
                if (withValues) {
                    items.add(value);
                }
            }
        }
        return new Reply.Array(items);
    }

    private static List<Map.Entry<Key, byte[]>> fieldsOf(HashValue hash) {
        return new ArrayList<>(hash.fields().entrySet());
    }

    private static Reply hscan(CommandContext ctx, byte[][] argv) {
        CollectionScan.parseCursor(argv[2]);
        HashValue hash = ctx.read(argv[1], HashValue.class);
        if (hash == null) {
            return CollectionScan.reply(items -> {});
        }
        CollectionScan.Options options = CollectionScan.Options.parse(argv);
        return CollectionScan.reply(items -> hash.fields().forEach((field, value) -> {
            if (options.matches(field.bytes())) {
                items.add(new Reply.Bulk(field.bytes()));
                items.add(new Reply.Bulk(value));
            }
        }));
    }
}
