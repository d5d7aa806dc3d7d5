package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.SetValue;

/**
 * SPOP, SRANDMEMBER and SSCAN: reading a set other than by member. Random choices come from
 * the engine's generator (see {@link RandomPicks}). SPOP is logged as what it removed, as Redis
 * 7.0 does: {@code SREM key member...}, or DEL when it emptied the set, so a replay removes the
 * same members whatever its generator would choose.
 */
final class SetIterationCommands {
    private static final byte[] SREM = "SREM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);

    private SetIterationCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("spop", -2, Set.of(WRITE, FAST), SetIterationCommands::spop)
                .addSingleKey("srandmember", -2, Set.of(READONLY), SetIterationCommands::srandmember)
                .addSingleKey("sscan", -3, Set.of(READONLY), SetIterationCommands::sscan);
    }

    /** SPOP key [count]: one random member (bulk), or up to count distinct ones (a set reply). */
    private static Reply spop(CommandContext ctx, byte[][] argv) {
        if (argv.length > 3) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        long count = 1;
        if (argv.length == 3) {
            long[] parsed = {0};
            count = Args.tryParseLong(argv[2], parsed) ? parsed[0] : -1;
            if (count < 0) {
                return Reply.error(ErrorReplies.MUST_BE_POSITIVE);
            }
        }
        Entry e = ctx.write(argv[1], SetValue.class);
        if (e == null || count == 0) {
            return argv.length == 2 ? Reply.Nil.BULK : new Reply.Set(List.of());
        }
        SetValue set = (SetValue) e.value();
        int[] picks = RandomPicks.distinct(set.size(), (int) Math.min(count, set.size()), ctx.random());
        Key[] members = new Key[picks.length];
        for (int i = 0; i < picks.length; i++) {
            members[i] = set.member(picks[i]); // all drawn before any is removed, which moves members
        }
        List<Reply> popped = new ArrayList<>(picks.length);
        byte[][] logged = new byte[2 + picks.length][];
        logged[0] = SREM;
        logged[1] = argv[1];
        for (int i = 0; i < picks.length; i++) {
            Key member = members[i];
            set.remove(member);
            popped.add(new Reply.Bulk(member.bytes()));
            logged[2 + i] = member.bytes();
        }
        if (set.size() == 0) {
            ctx.db().delete(e);
            ctx.propagateAs(argv.length == 2 ? logged : new byte[][] {DEL, argv[1]});
        } else {
            ctx.db().valueChanged(e);
            ctx.propagateAs(logged);
        }
        return argv.length == 2 ? popped.get(0) : new Reply.Set(popped);
    }

    /** SRANDMEMBER key [count]: like HRANDFIELD, for sets. */
    private static Reply srandmember(CommandContext ctx, byte[][] argv) {
        if (argv.length > 3) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        if (argv.length == 2) {
            SetValue set = ctx.read(argv[1], SetValue.class);
            if (set == null) {
                return Reply.Nil.BULK;
            }
            int at = RandomPicks.withRepeats(set.size(), 1, ctx.random())[0];
            return new Reply.Bulk(set.member(at).bytes());
        }
        long count = RandomPicks.parseCount(argv[2]);
        SetValue set = ctx.read(argv[1], SetValue.class);
        if (set == null || count == 0) {
            return new Reply.Array(List.of());
        }
        int[] picks = count < 0
                ? RandomPicks.withRepeats(set.size(), (int) -count, ctx.random())
                : RandomPicks.distinct(set.size(), (int) Math.min(count, set.size()), ctx.random());
        List<Reply> items = new ArrayList<>(picks.length);
        for (int at : picks) {
            items.add(new Reply.Bulk(set.member(at).bytes()));
        }
        return new Reply.Array(items);
    }

    private static Reply sscan(CommandContext ctx, byte[][] argv) {
        CollectionScan.parseCursor(argv[2]);
        SetValue set = ctx.read(argv[1], SetValue.class);
        if (set == null) {
            return CollectionScan.reply(items -> {});
        }
        CollectionScan.Options options = CollectionScan.Options.parse(argv);
        return CollectionScan.reply(items -> set.members().forEach(member -> {
            if (options.matches(member.bytes())) {
                items.add(new Reply.Bulk(member.bytes()));
            }
        }));
    }
}
