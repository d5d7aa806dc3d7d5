package sdlab.cache;

import static sdlab.cache.CommandFlag.DENYOOM;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.SetValue;

/**
 * SADD, SREM, SMOVE, SMEMBERS, SISMEMBER, SMISMEMBER and SCARD: the set type. A set that becomes
 * empty is deleted. Random access and scanning are in {@link SetIterationCommands}, set algebra
 * in {@link SetAlgebraCommands}; this class registers them.
 */
final class SetTypeCommands {
    private SetTypeCommands() {}

    static void register(CommandTable.Builder table) {
        table.addSingleKey("sadd", -3, Set.of(WRITE, DENYOOM, FAST), SetTypeCommands::sadd)
                .addSingleKey("srem", -3, Set.of(WRITE, FAST), SetTypeCommands::srem)
                .addSingleKey("smembers", 2, Set.of(READONLY), SetTypeCommands::smembers)
                .addSingleKey("sismember", 3, Set.of(READONLY, FAST), SetTypeCommands::sismember)
                .addSingleKey("scard", 2, Set.of(READONLY, FAST), SetTypeCommands::scard)
                .addSingleKey("smismember", -3, Set.of(READONLY, FAST), SetTypeCommands::smismember)
                .add("smove", 4, Set.of(WRITE, FAST), 1, 2, 1, SetTypeCommands::smove);
        SetIterationCommands.register(table);
        SetAlgebraCommands.register(table);
    }

    private static Reply sadd(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], SetValue.class);
        SetValue set = e == null ? new SetValue() : (SetValue) e.value();
        int added = 0;
        for (int i = 2; i < argv.length; i++) {
            if (set.add(Key.wrap(argv[i]))) {
                added++;
            }
        }
        if (e == null) {
            ctx.db().add(Key.wrap(argv[1]), set);
        } else if (added > 0) {
            ctx.db().valueChanged(e);
        }
        return Reply.integer(added);
    }

    private static Reply srem(CommandContext ctx, byte[][] argv) {
        Entry e = ctx.write(argv[1], SetValue.class);
        if (e == null) {
            return Reply.ZERO;
        }
        SetValue set = (SetValue) e.value();
        int removed = 0;
        for (int i = 2; i < argv.length; i++) {
            if (set.remove(Key.wrap(argv[i]))) {
                removed++;
            }
        }
        if (set.size() == 0) {
            ctx.db().delete(e);
        } else if (removed > 0) {
            ctx.db().valueChanged(e);
        }
        return Reply.integer(removed);
    }

    private static Reply smembers(CommandContext ctx, byte[][] argv) {
        SetValue set = ctx.read(argv[1], SetValue.class);
        List<Reply> members = new ArrayList<>(set == null ? 0 : set.size());
        if (set != null) {
            set.members().forEach(member -> members.add(new Reply.Bulk(member.bytes())));
        }
        return new Reply.Set(members);
    }

    private static Reply sismember(CommandContext ctx, byte[][] argv) {
        SetValue set = ctx.read(argv[1], SetValue.class);
        return set != null && set.contains(Key.wrap(argv[2])) ? Reply.ONE : Reply.ZERO;
    }

    private static Reply scard(CommandContext ctx, byte[][] argv) {
        SetValue set = ctx.read(argv[1], SetValue.class);
        return Reply.integer(set == null ? 0 : set.size());
    }

    private static Reply smismember(CommandContext ctx, byte[][] argv) {
        SetValue set = ctx.read(argv[1], SetValue.class);
        List<Reply> answers = new ArrayList<>(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            answers.add(set != null && set.contains(Key.wrap(argv[i])) ? Reply.ONE : Reply.ZERO);
        }
        return new Reply.Array(answers);
    }

    /** SMOVE source destination member: 1 if moved; a missing source answers 0 before any type check of the destination. */
    private static Reply smove(CommandContext ctx, byte[][] argv) {
        Entry source = ctx.db().lookupWrite(Key.wrap(argv[1]));
        Entry target = ctx.db().lookupWrite(Key.wrap(argv[2]));
        if (source == null) {
            return Reply.ZERO;
        }
        SetValue from = CommandContext.valueOf(source, SetValue.class);
        if (target != null) {
            CommandContext.valueOf(target, SetValue.class);
        }
        Key member = Key.wrap(argv[3]);
        if (source == target) {
            return from.contains(member) ? Reply.ONE : Reply.ZERO;
        }
        if (!from.remove(member)) {
            return Reply.ZERO;
        }
        if (from.size() == 0) {
            ctx.db().delete(source);
        } else {
            ctx.db().valueChanged(source);
        }
        if (target == null) {
            SetValue to = new SetValue();
            to.add(member);
            ctx.db().add(Key.wrap(argv[2]), to);
        } else if (((SetValue) target.value()).add(member)) {
            ctx.db().valueChanged(target);
        }
        return Reply.ONE;
    }
}
