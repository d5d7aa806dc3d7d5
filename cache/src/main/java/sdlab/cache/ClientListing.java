package sdlab.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CLIENT LIST, CLIENT INFO and CLIENT KILL over the engine's sessions, with Redis 7.0's line
 * format. Fields this node does not track (file descriptors, buffer sizes) read 0, so tools that
 * parse the line find every field they expect.
 */
final class ClientListing {
    private ClientListing() {}

    /** CLIENT LIST [TYPE normal|pubsub|master|replica] [ID id ...]. */
    static Reply list(CommandContext ctx, byte[][] argv) {
        String type = null;
        List<Long> ids = new ArrayList<>();
        for (int i = 2; i < argv.length; i++) {
            if (Args.is(argv[i], "TYPE") && i + 1 < argv.length) {
                type = Args.text(argv[++i]).toLowerCase(Locale.ROOT);
            } else if (Args.is(argv[i], "ID")) {
                while (i + 1 < argv.length) {
                    ids.add(Args.parseLong(argv[++i]));
                }
            } else {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        StringBuilder lines = new StringBuilder();
        for (ClientSession session : ctx.engine().sessions()) {
            boolean subscribed = session.subscriptions().count() > 0;
            boolean typeMatches = type == null || type.equals(subscribed ? "pubsub" : "normal");
            if (typeMatches && (ids.isEmpty() || ids.contains(session.id()))) {
                lines.append(line(
                                session,
                                ctx.nowMillis(),
                                ctx.engine().blockedClients().isBlocked(session)))
                        .append('\n');
            }
        }
        return new Reply.Verbatim("txt", lines.toString());
    }

    static Reply info(CommandContext ctx) {
        return new Reply.Verbatim("txt", line(ctx.session(), ctx.nowMillis(), false) + "\n");
    }

    /** CLIENT KILL addr (old form, OK or an error) or CLIENT KILL ID id | ADDR addr | SKIPME yes/no ... (a count). */
    static Reply kill(CommandContext ctx, byte[][] argv) {
        if (argv.length == 3) {
            String address = Args.text(argv[2]);
            for (ClientSession session : List.copyOf(ctx.engine().sessions())) {
                if (session.address().equals(address)) {
                    session.kill();
                    return Reply.OK;
                }
            }
            return Reply.error("ERR No such client");
        }
        Long id = null;
        String address = null;
        boolean skipMe = true;
        for (int i = 2; i < argv.length; i += 2) {
            if (i + 1 >= argv.length) {
                return Reply.error(ErrorReplies.SYNTAX);
            }
            String value = Args.text(argv[i + 1]);
            if (Args.is(argv[i], "ID")) {
                id = Args.parseLong(argv[i + 1]);
            } else if (Args.is(argv[i], "ADDR")) {
                address = value;
            } else if (Args.is(argv[i], "SKIPME")) {
                skipMe = !value.equalsIgnoreCase("no");
            } else {
                return Reply.error(ErrorReplies.SYNTAX);
            }
        }
        int killed = 0;
        for (ClientSession session : List.copyOf(ctx.engine().sessions())) {
            boolean self = session == ctx.session();
            if ((id == null || id == session.id())
                    && (address == null || address.equals(session.address()))
                    && !(self && skipMe)) {
                session.kill();
                killed++;
            }
        }
        return Reply.integer(killed);
    }

    private static String line(ClientSession session, long nowMillis, boolean blocked) {
        boolean inMulti = session.transaction().open();
        String flags = inMulti
                ? "x"
                : blocked
                        ? "b"
                        : session.monitoring() ? "O" : session.subscriptions().count() > 0 ? "P" : "N";
        return "id=" + session.id() + " addr=" + session.address() + " laddr=? fd=0 name=" + session.name() + " age="
                + (nowMillis - session.createdAtMillis()) / 1000 + " idle="
                + (nowMillis - session.lastCommandAtMillis()) / 1000 + " flags=" + flags + " db=" + session.db()
                + " sub="
                + session.subscriptions().channels().size() + " psub="
                + session.subscriptions().patterns().size()
                + " ssub=0 multi=" + (inMulti ? session.transaction().queuedCount() : -1)
                + " qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r cmd="
                + session.lastCommand() + " user=default redir=-1 resp=" + session.protocol();
    }
}
