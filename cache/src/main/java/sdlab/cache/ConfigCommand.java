package sdlab.cache;

import static sdlab.cache.CommandFlag.ADMIN;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** CONFIG GET, SET, RESETSTAT, REWRITE and HELP. */
final class ConfigCommand {
    private ConfigCommand() {}

    static void register(CommandTable.Builder table) {
        table.add("config", -2, Set.of(ADMIN), ConfigCommand::config);
    }

    private static Reply config(CommandContext ctx, byte[][] argv) {
        byte[] sub = argv[1];
        if (Args.is(sub, "GET")) {
            return argv.length < 3 ? Reply.error(ErrorReplies.wrongArity("config|get")) : get(ctx, argv);
        }
        if (Args.is(sub, "SET")) {
            return argv.length < 4 || argv.length % 2 != 0
                    ? Reply.error(ErrorReplies.wrongArity("config|set"))
                    : set(ctx, argv);
        }
        if (Args.is(sub, "RESETSTAT") && argv.length == 2) {
            ctx.keyspace().stats().reset();
            return Reply.OK;
        }
        if (Args.is(sub, "REWRITE") && argv.length == 2) {
            return Reply.error("ERR The server is running without a config file");
        }
        if (Args.is(sub, "HELP") && argv.length == 2) {
            return new Reply.Array(List.of(
                    Reply.bulk("CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"),
                    Reply.bulk("GET <pattern>"),
                    Reply.bulk("SET <directive> <value> [<directive> <value> ...]"),
                    Reply.bulk("RESETSTAT"),
                    Reply.bulk("REWRITE")));
        }
        return Reply.error(ErrorReplies.unknownSubcommand(sub, "CONFIG"));
    }

    private static Reply get(CommandContext ctx, byte[][] argv) {
        Set<ConfigParameter> matched = new LinkedHashSet<>();
        List<ConfigParameter> parameters = ctx.engine().config().parameters();
        for (int i = 2; i < argv.length; i++) {
            GlobPattern pattern = new GlobPattern(Args.bytes(Args.text(argv[i]).toLowerCase(java.util.Locale.ROOT)));
            for (ConfigParameter parameter : parameters) {
                if (pattern.matches(Args.bytes(parameter.name()))) {
                    matched.add(parameter);
                }
            }
        }
        List<Reply> pairs = new ArrayList<>();
        for (ConfigParameter parameter : matched) {
            pairs.add(Reply.bulk(parameter.name()));
            pairs.add(Reply.bulk(parameter.getter().get()));
        }
        return new Reply.Map(pairs);
    }

    /** Checks every name first, then applies the values in order; stops at the first refusal. */
    private static Reply set(CommandContext ctx, byte[][] argv) {
        List<ConfigParameter> targets = new ArrayList<>();
        for (int i = 2; i < argv.length; i += 2) {
            String name = Args.text(argv[i]);
            Optional<ConfigParameter> parameter = ctx.engine().config().find(name);
            if (parameter.isEmpty()) {
                return Reply.error("ERR Unknown option or number of arguments for CONFIG SET - '" + name + "'");
            }
            targets.add(parameter.get());
        }
        for (int i = 0; i < targets.size(); i++) {
            ConfigParameter parameter = targets.get(i);
            Optional<String> refusal = parameter.setter().apply(Args.text(argv[3 + 2 * i]));
            if (refusal.isPresent()) {
                return Reply.error("ERR CONFIG SET failed (possibly related to argument '" + parameter.name() + "') - "
                        + refusal.get());
            }
        }
        return Reply.OK;
    }
}
