package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sdlab.cache.store.Key;

/**
 * SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH and PUBSUB, with Redis 7.0's replies:
 * each (un)subscription is answered by an event of its own (kind, name, the client's count of
 * subscriptions), pushed in RESP3 and an array in RESP2. A RESP2 client with a subscription is in
 * subscribed mode, where only these commands, PING and QUIT run ({@link #allowedWhileSubscribed}).
 */
final class PubSubCommands {
    private static final Set<String> ALLOWED_WHILE_SUBSCRIBED =
            Set.of("subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ping", "quit", "reset");

    private PubSubCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("subscribe", -2, Set.of(), (ctx, argv) -> subscribe(ctx, argv, "subscribe", PubSub::subscribe))
                .add("psubscribe", -2, Set.of(), (ctx, argv) -> subscribe(ctx, argv, "psubscribe", PubSub::psubscribe))
                .add("unsubscribe", -1, Set.of(), (ctx, argv) -> unsubscribe(ctx, argv, false))
                .add("punsubscribe", -1, Set.of(), (ctx, argv) -> unsubscribe(ctx, argv, true))
                .add("publish", 3, Set.of(FAST), PubSubCommands::publish)
                .add("pubsub", -2, Set.of(), PubSubCommands::pubsub);
    }

    /** Whether a RESP2 client in subscribed mode may run {@code spec}. */
    static boolean allowedWhileSubscribed(CommandSpec spec) {
        return ALLOWED_WHILE_SUBSCRIBED.contains(spec.name());
    }

    static String notAllowedWhileSubscribed(CommandSpec spec) {
        return "ERR Can't execute '" + spec.name()
                + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";
    }

    private static Reply subscribe(CommandContext ctx, byte[][] argv, String kind, SubscribeAction action) {
        PubSub pubSub = ctx.engine().pubSub();
        ClientSession session = ctx.session();
        List<Reply> events = new ArrayList<>(argv.length - 1);
        for (int i = 1; i < argv.length; i++) {
            action.apply(pubSub, session, Key.wrap(argv[i]));
            events.add(PubSub.event(kind, argv[i], session.subscriptions().count()));
        }
        return new Reply.Sequence(events);
    }

    /** A PubSub method that subscribes a session to a name. */
    @FunctionalInterface
    private interface SubscribeAction {
        boolean apply(PubSub pubSub, ClientSession session, Key name);
    }

    /** UNSUBSCRIBE [channel ...] / PUNSUBSCRIBE [pattern ...]; with no names, from every one. */
    private static Reply unsubscribe(CommandContext ctx, byte[][] argv, boolean patterns) {
        PubSub pubSub = ctx.engine().pubSub();
        ClientSession session = ctx.session();
        String kind = patterns ? "punsubscribe" : "unsubscribe";
        List<Key> names = new ArrayList<>();
        for (int i = 1; i < argv.length; i++) {
            names.add(Key.wrap(argv[i]));
        }
        if (names.isEmpty()) {
            names.addAll(
                    patterns
                            ? session.subscriptions().patterns()
                            : session.subscriptions().channels());
            if (names.isEmpty()) {
                return new Reply.Sequence(
                        List.of(PubSub.event(kind, null, session.subscriptions().count())));
            }
        }
        List<Reply> events = new ArrayList<>(names.size());
        for (Key name : names) {
            if (patterns) {
                pubSub.punsubscribe(session, name);
            } else {
                pubSub.unsubscribe(session, name);
            }
            events.add(PubSub.event(kind, name.bytes(), session.subscriptions().count()));
        }
        return new Reply.Sequence(events);
    }

    private static Reply publish(CommandContext ctx, byte[][] argv) {
        return Reply.integer(ctx.engine().pubSub().publish(Key.wrap(argv[1]), argv[2]));
    }

    /** PUBSUB CHANNELS [pattern] | NUMSUB [channel ...] | NUMPAT | HELP. */
    private static Reply pubsub(CommandContext ctx, byte[][] argv) {
        PubSub pubSub = ctx.engine().pubSub();
        String sub = Args.text(argv[1]).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "channels" -> {
                if (argv.length > 3) {
                    return Reply.error(ErrorReplies.wrongArity("pubsub|channels"));
                }
                return new Reply.Array(pubSub.activeChannels(argv.length == 3 ? argv[2] : null));
            }
            case "numsub" -> {
                List<Reply> flat = new ArrayList<>();
                for (int i = 2; i < argv.length; i++) {
                    flat.add(new Reply.Bulk(argv[i]));
                    flat.add(Reply.integer(pubSub.subscribers(Key.wrap(argv[i]))));
                }
                return new Reply.Map(flat);
            }
            case "numpat" -> {
                return argv.length == 2
                        ? Reply.integer(pubSub.patternCount())
                        : Reply.error(ErrorReplies.wrongArity("pubsub|numpat"));
            }
            default -> {
                return Reply.error("ERR unknown subcommand '" + Args.text(argv[1]) + "'. Try PUBSUB HELP.");
            }
        }
    }
}
