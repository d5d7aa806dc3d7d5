package sdlab.cache;

import static sdlab.cache.CommandFlag.ADMIN;
import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.NO_MULTI;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Persistence, SHUTDOWN, INFO, TIME; CONFIG and COMMAND live beside. */
final class ServerCommands {
    private ServerCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("save", 1, Set.of(ADMIN, NO_MULTI), (ctx, argv) -> ctx.hooks().save())
                .add("bgsave", -1, Set.of(ADMIN), ServerCommands::bgsave)
                .add("bgrewriteaof", 1, Set.of(ADMIN), (ctx, argv) -> ctx.hooks()
                        .bgrewriteaof())
                .add(
                        "lastsave",
                        1,
                        Set.of(FAST),
                        (ctx, argv) -> Reply.integer(ctx.hooks().lastSaveEpochSeconds()))
                .add("shutdown", -1, Set.of(ADMIN, NO_MULTI), ServerCommands::shutdown)
                .add("info", -1, Set.of(), ServerCommands::info)
                .add("time", 1, Set.of(FAST), ServerCommands::time);
        ConfigCommand.register(table);
        CommandIntrospection.register(table);
    }

    private static Reply bgsave(CommandContext ctx, byte[][] argv) {
        if (argv.length > 2 || (argv.length == 2 && !Args.is(argv[1], "SCHEDULE"))) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        return ctx.hooks().bgsave(argv.length == 2);
    }

    /** SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE]: NOW and FORCE are accepted; there is nothing to wait for. */
    private static Reply shutdown(CommandContext ctx, byte[][] argv) {
        Boolean save = null;
        for (int i = 1; i < argv.length; i++) {
            if (Args.is(argv[i], "NOSAVE") && save == null) {
                save = false;
            } else if (Args.is(argv[i], "SAVE") && save == null) {
                save = true;
            } else if (!Args.is(argv[i], "NOW") && !Args.is(argv[i], "FORCE")) {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        Reply reply = ctx.hooks().shutdown(save);
        if (reply == Reply.Hangup.INSTANCE) {
            ctx.session().requestClose();
        }
        return reply;
    }

    private static Reply info(CommandContext ctx, byte[][] argv) {
        Set<String> sections = new HashSet<>();
        for (int i = 1; i < argv.length; i++) {
            sections.add(Args.text(argv[i]).toLowerCase(Locale.ROOT));
        }
        return new Reply.Verbatim("txt", ctx.engine().info().render(sections));
    }

    private static Reply time(CommandContext ctx, byte[][] argv) {
        long millis = ctx.nowMillis();
        return new Reply.Array(
                List.of(Reply.bulk(Long.toString(millis / 1000)), Reply.bulk(Long.toString(millis % 1000 * 1000))));
    }
}
