package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.NO_AUTH;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** PING, ECHO, AUTH, HELLO, QUIT and CLIENT (UNBLOCK too): commands about the connection itself. */
final class ConnectionCommands {
    private static final Reply PONG = new Reply.Simple("PONG");
    private static final String DEFAULT_USER = "default";
    private static final String INVALID_NAME =
            "ERR Client names cannot contain spaces, newlines or special characters.";

    private ConnectionCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("ping", -1, Set.of(FAST), ConnectionCommands::ping)
                .add("echo", 2, Set.of(FAST), (ctx, argv) -> new Reply.Bulk(argv[1]))
                .add("auth", -2, Set.of(NO_AUTH, FAST), ConnectionCommands::auth)
                .add("hello", -1, Set.of(NO_AUTH, FAST), ConnectionCommands::hello)
                .add("quit", -1, Set.of(NO_AUTH, FAST), (ctx, argv) -> {
                    ctx.session().requestClose();
                    return Reply.OK;
                })
                .add("client", -2, Set.of(), ConnectionCommands::client);
    }

    private static Reply ping(CommandContext ctx, byte[][] argv) {
        if (argv.length > 2) {
            return Reply.error(ErrorReplies.wrongArity("ping"));
        }
        if (ctx.session().protocol() == 2 && ctx.session().subscriptions().count() > 0) {
            // In RESP2's subscribed mode a reply must look like a message: ["pong", argument or ""].
            return new Reply.Array(
                    List.of(Reply.bulk("pong"), argv.length == 1 ? Reply.bulk("") : new Reply.Bulk(argv[1])));
        }
        return argv.length == 1 ? PONG : new Reply.Bulk(argv[1]);
    }

    private static Reply auth(CommandContext ctx, byte[][] argv) {
        if (argv.length > 3) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        String required = ctx.engine().config().requirePass();
        if (argv.length == 2 && required == null) {
            return Reply.error(ErrorReplies.NO_PASSWORD_SET);
        }
        String user = argv.length == 3 ? Args.text(argv[1]) : DEFAULT_USER;
        if (!passwordAccepted(required, user, argv[argv.length - 1])) {
            return Reply.error(ErrorReplies.WRONGPASS);
        }
        ctx.session().setAuthenticated(true);
        return Reply.OK;
    }

    /** With no password configured the default user accepts any password, as in Redis. */
    private static boolean passwordAccepted(String required, String user, byte[] password) {
        if (!DEFAULT_USER.equals(user)) {
            return false;
        }
        // A comparison whose time does not depend on where the first difference is.
        return required == null || MessageDigest.isEqual(required.getBytes(StandardCharsets.UTF_8), password);
    }

    private static Reply hello(CommandContext ctx, byte[][] argv) {
        int protocol = ctx.session().protocol();
        if (argv.length > 1) {
            long[] version = new long[1];
            if (!Args.tryParseLong(argv[1], version)) {
                return Reply.error("ERR Protocol version is not an integer or out of range");
            }
            if (version[0] != 2 && version[0] != 3) {
                return Reply.error("NOPROTO unsupported protocol version");
            }
            protocol = (int) version[0];
        }
        String name = null;
        for (int i = 2; i < argv.length; i++) {
            if (Args.is(argv[i], "AUTH") && i + 2 < argv.length) {
                String required = ctx.engine().config().requirePass();
                if (!passwordAccepted(required, Args.text(argv[i + 1]), argv[i + 2])) {
                    return Reply.error(ErrorReplies.WRONGPASS);
                }
                ctx.session().setAuthenticated(true);
                i += 2;
            } else if (Args.is(argv[i], "SETNAME") && i + 1 < argv.length) {
                name = Args.text(argv[++i]);
                if (!validClientName(name)) {
                    return Reply.error(INVALID_NAME);
                }
            } else {
                return Reply.error("ERR Syntax error in HELLO option '" + Args.text(argv[i]) + "'");
            }
        }
        if (!ctx.session().authenticated()) {
            return Reply.error("NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                    + "HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select "
                    + "the RESP protocol version at the same time");
        }
        if (name != null) {
            ctx.session().setName(name);
        }
        ctx.session().setProtocol(protocol);
        return helloReply(ctx, protocol);
    }

    private static Reply helloReply(CommandContext ctx, int protocol) {
        List<Reply> map = new ArrayList<>();
        map.add(Reply.bulk("server"));
        map.add(Reply.bulk("redis"));
        map.add(Reply.bulk("version"));
        map.add(Reply.bulk(EngineInfo.REDIS_VERSION));
        map.add(Reply.bulk("proto"));
        map.add(Reply.integer(protocol));
        map.add(Reply.bulk("id"));
        map.add(Reply.integer(ctx.session().id()));
        map.add(Reply.bulk("mode"));
        map.add(Reply.bulk("standalone"));
        map.add(Reply.bulk("role"));
        map.add(Reply.bulk("master"));
        map.add(Reply.bulk("modules"));
        map.add(new Reply.Array(List.of()));
        return new Reply.Map(map);
    }

    private static Reply client(CommandContext ctx, byte[][] argv) {
        byte[] sub = argv[1];
        if (Args.is(sub, "ID") && argv.length == 2) {
            return Reply.integer(ctx.session().id());
        }
        if (Args.is(sub, "GETNAME") && argv.length == 2) {
            String name = ctx.session().name();
            return name.isEmpty() ? Reply.Nil.BULK : Reply.bulk(name);
        }
        if (Args.is(sub, "SETNAME") && argv.length == 3) {
            String name = Args.text(argv[2]);
            if (!validClientName(name)) {
                return Reply.error(INVALID_NAME);
            }
            ctx.session().setName(name);
            return Reply.OK;
        }
        if (Args.is(sub, "SETINFO") && argv.length == 4) {
            return Reply.OK; // library name and version: accepted and not kept
        }
        if (Args.is(sub, "LIST")) {
            return ClientListing.list(ctx, argv);
        }
        if (Args.is(sub, "INFO") && argv.length == 2) {
            return ClientListing.info(ctx);
        }
        if (Args.is(sub, "KILL") && argv.length >= 3) {
            return ClientListing.kill(ctx, argv);
        }
        if (Args.is(sub, "UNBLOCK")) {
            return unblock(ctx, argv);
        }
        boolean onOff = argv.length == 3 && (Args.is(argv[2], "ON") || Args.is(argv[2], "OFF"));
        if (Args.is(sub, "NO-EVICT") && onOff) {
            return Reply.OK; // clients are never evicted for their memory here, only refused (maxmemory-clients)
        }
        if (Args.is(sub, "REPLY") && argv.length == 3 && Args.is(argv[2], "ON")) {
            return Reply.OK;
        }
        if ((Args.is(sub, "PAUSE") && argv.length >= 3) || (Args.is(sub, "UNPAUSE") && argv.length == 2)) {
            // Accepted without effect: a pause exists for failovers between replicas, which this node has not.
            return Reply.OK;
        }
        return Reply.error(ErrorReplies.unknownSubcommand(sub, "CLIENT"));
    }

    /**
     * CLIENT UNBLOCK id [TIMEOUT|ERROR]: ends the wait of a client blocked in BLPOP and its kin,
     * with the nil of a timeout (the default) or an UNBLOCKED error. Answers 1 if it was
     * waiting, else 0.
     */
    private static Reply unblock(CommandContext ctx, byte[][] argv) {
        if (argv.length < 3) {
            return Reply.error(ErrorReplies.wrongArity("client|unblock"));
        }
        if (argv.length > 4) {
            return Reply.error("ERR unknown subcommand or wrong number of arguments for 'UNBLOCK'. Try CLIENT HELP.");
        }
        long id = Args.parseLong(argv[2]);
        boolean error = false;
        if (argv.length == 4) {
            error = Args.is(argv[3], "ERROR");
            if (!error && !Args.is(argv[3], "TIMEOUT")) {
                return Reply.error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
            }
        }
        Reply owed = error ? Reply.error("UNBLOCKED client unblocked via CLIENT UNBLOCK") : Reply.Nil.ARRAY;
        for (ClientSession session : ctx.engine().sessions()) {
            if (session.id() == id) {
                return Reply.integer(ctx.engine().blockedClients().interrupt(session, owed) ? 1 : 0);
            }
        }
        return Reply.ZERO;
    }

    private static boolean validClientName(String name) {
        return name.chars().allMatch(c -> c > ' ' && c <= '~');
    }
}
