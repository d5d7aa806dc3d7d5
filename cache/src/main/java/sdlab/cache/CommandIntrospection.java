package sdlab.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * COMMAND, COMMAND COUNT, COMMAND INFO and COMMAND LIST: enough for client libraries to
 * discover what the server supports; COMMAND DOCS from {@link CommandDocs}; COMMAND GETKEYS and
 * GETKEYSANDFLAGS from {@link CommandKeys}, which cluster-aware clients use to route commands.
 */
final class CommandIntrospection {
    private CommandIntrospection() {}

    static void register(CommandTable.Builder table) {
        table.add("command", -1, Set.of(), CommandIntrospection::command);
    }

    private static Reply command(CommandContext ctx, byte[][] argv) {
        CommandTable commands = ctx.engine().commands();
        if (argv.length == 1) {
            return new Reply.Array(
                    commands.all().stream().map(CommandIntrospection::describe).toList());
        }
        byte[] sub = argv[1];
        if (Args.is(sub, "COUNT") && argv.length == 2) {
            return Reply.integer(commands.all().size());
        }
        if (Args.is(sub, "LIST") && argv.length == 2) {
            return new Reply.Array(
                    commands.all().stream().map(spec -> Reply.bulk(spec.name())).toList());
        }
        if (Args.is(sub, "INFO")) {
            List<Reply> infos = new ArrayList<>();
            for (int i = 2; i < argv.length; i++) {
                CommandSpec spec = commands.lookup(argv[i]);
                infos.add(spec == null ? Reply.Nil.ARRAY : describe(spec));
            }
            return new Reply.Array(infos);
        }
        if (Args.is(sub, "DOCS")) {
            List<CommandSpec> specs = new ArrayList<>();
            for (int i = 2; i < argv.length; i++) {
                CommandSpec spec = commands.lookup(argv[i]);
                if (spec != null) {
                    specs.add(spec);
                }
            }
            return CommandDocs.reply(argv.length == 2 ? commands.all() : specs);
        }
        boolean withFlags = Args.is(sub, "GETKEYSANDFLAGS");
        if (withFlags || Args.is(sub, "GETKEYS")) {
            return getkeys(commands, argv, withFlags);
        }
        return Reply.error(ErrorReplies.unknownSubcommand(sub, "COMMAND"));
    }

    /**
     * COMMAND GETKEYS command arg ... (and GETKEYSANDFLAGS): the keys, each with RO or RW by
     * whether the command only reads. Redis's finer key flags (OW, RM, access, insert...) are
     * not kept in this table.
     */
    private static Reply getkeys(CommandTable commands, byte[][] argv, boolean withFlags) {
        String name = withFlags ? "command|getkeysandflags" : "command|getkeys";
        if (argv.length < 4) {
            return Reply.error(ErrorReplies.wrongArity(name));
        }
        byte[][] args = Arrays.copyOfRange(argv, 2, argv.length);
        List<Integer> positions = CommandKeys.positions(commands, args);
        CommandSpec spec = commands.lookup(args[0]);
        Reply access = new Reply.Set(List.of(new Reply.Simple(spec.has(CommandFlag.READONLY) ? "RO" : "RW")));
        List<Reply> keys = new ArrayList<>();
        for (int position : positions) {
            Reply key = new Reply.Bulk(args[position]);
            keys.add(withFlags ? new Reply.Array(List.of(key, access)) : key);
        }
        return new Reply.Array(keys);
    }

    /** Name, arity, flags, first key, last key, key step, ACL categories: Redis's first seven fields. */
    private static Reply describe(CommandSpec spec) {
        List<Reply> flags = spec.flags().stream()
                .map(flag -> (Reply) new Reply.Simple(flag.wireName()))
                .toList();
        return new Reply.Array(List.of(
                Reply.bulk(spec.name()),
                Reply.integer(spec.arity()),
                new Reply.Set(flags),
                Reply.integer(spec.firstKey()),
                Reply.integer(spec.lastKey()),
                Reply.integer(spec.keyStep()),
                new Reply.Set(List.of())));
    }
}
