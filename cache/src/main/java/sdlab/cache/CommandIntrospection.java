package sdlab.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * COMMAND, COMMAND COUNT, COMMAND INFO and COMMAND LIST: enough for client libraries to
 * discover what the server supports. COMMAND DOCS is deliberately unknown: redis-cli asks for it
 * at start and, on an error, falls back to its built-in help text, which is better than the
 * empty help an empty answer would give.
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
        return Reply.error(ErrorReplies.unknownSubcommand(sub, "COMMAND"));
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
