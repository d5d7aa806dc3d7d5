package sdlab.shard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import sdlab.core.client.Outcome;
import sdlab.resp.RespReply;
import sdlab.resp.RespRequest;
import sdlab.shard.store.ShardRouter;

/**
 * What each Redis command means to the sharded store. GET and SET are the routers' get and put of the key's owner;
 * MGET, MSET, EXISTS and DEL scatter one get, put or delete per key over the routers and gather the answers ({@link
 * ScatterGather}); SHARDS.RANGE is the routers' range scan; INFO and SHARDS.WHERE read the routers' cached tables
 * ({@link ShardingInfo}).
 *
 * <p>Refused, with a reason: SET's options (the store has no expiry and no conditional write), and INCR and its kin:
 * a shard serves gets, puts and deletes only, so an increment would be a get and a put through the router, and two
 * clients incrementing at once would both write their own sum, one increment lost.
 */
final class ShardCommands {
    private final ShardAccess store;
    private final ScatterGather scatter;
    private final ShardingInfo info;

    ShardCommands(ShardAccess store, String doorName) {
        this.store = store;
        this.scatter = new ScatterGather(store);
        this.info = new ShardingInfo(store, doorName);
    }

    /** The reply to {@code request}: now, or once the store has answered. */
    CompletableFuture<RespReply> run(RespRequest.Command request) {
        List<String> args = request.args();
        DoorCommand command = DoorCommand.named(args.getFirst());
        if (command == null) {
            return now(RespReply.error(RedisErrors.unknownCommand(args)));
        }
        if (!command.takes(args.size())
                || (command == DoorCommand.PING && args.size() > 2)
                || (command == DoorCommand.MSET && args.size() % 2 == 0)) {
            return now(RespReply.error(command.wrongArity()));
        }
        return switch (command) {
            case PING -> now(args.size() == 1 ? new RespReply.Simple("PONG") : RespReply.bulk(args.get(1)));
            case ECHO -> now(RespReply.bulk(args.get(1)));
            case QUIT -> now(RespReply.OK);
            case SELECT -> now(select(args.get(1)));
            case COMMAND -> now(command(args));
            case INFO -> now(RespReply.bulk(info.info(args.subList(1, args.size()))));
            case GET -> get(args.get(1));
            case SET -> set(args);
            case MGET -> scatter.mget(args.subList(1, args.size()));
            case MSET -> scatter.mset(args.subList(1, args.size()));
            case EXISTS -> scatter.exists(args.subList(1, args.size()));
            case DEL -> scatter.del(args.subList(1, args.size()));
            case INCR, DECR, INCRBY, DECRBY ->
                now(RespReply.error("ERR " + command.wireName()
                        + " is not supported: a shard has no atomic read-modify-write (it serves gets, puts and deletes),"
                        + " and a"
                        + " get then a put through the router would lose increments made at the same time"));
            case SHARDS_WHERE -> now(info.where(args.get(1)));
            case SHARDS_RANGE -> range(args.get(1), args.get(2));
        };
    }

    private CompletableFuture<RespReply> get(String key) {
        RespReply unfit = Replies.unfitKey(key);
        if (unfit != null) {
            return now(unfit);
        }
        return store.invoke(ShardRouter.GET, key, null)
                .thenApply(outcome ->
                        outcome instanceof Outcome.Ok ok ? Replies.bulk(ok.value()) : Replies.notOk(outcome));
    }

    private CompletableFuture<RespReply> set(List<String> args) {
        if (args.size() > 3) {
            return now(RespReply.error("ERR SET options (EX, PX, EXAT, PXAT, NX, XX, KEEPTTL, GET) are not supported"
                    + " by this door: the sharded store has no expiry and no conditional write"));
        }
        RespReply unfit = Replies.unfitKey(args.get(1));
        Long value = Replies.value(args.get(2));
        if (unfit != null || value == null) {
            return now(unfit != null ? unfit : Replies.notAValue(args.get(2)));
        }
        return store.invoke(ShardRouter.PUT, args.get(1), value)
                .thenApply(outcome -> outcome instanceof Outcome.Ok ? RespReply.OK : Replies.notOk(outcome));
    }

    /** SHARDS.RANGE from to: the entries of {@code [from, to)} in key order, as key, value, key, value... */
    private CompletableFuture<RespReply> range(String from, String to) {
        if (from.compareTo(to) > 0) {
            return now(RespReply.error("ERR SHARDS.RANGE takes FROM (included) before TO (excluded)"));
        }
        return store.invoke(ShardRouter.RANGE, from, to).thenApply(outcome -> {
            if (!(outcome instanceof Outcome.Ok ok) || !(ok.value() instanceof SortedMap<?, ?> entries)) {
                return Replies.notOk(outcome);
            }
            List<RespReply> flat = new ArrayList<>();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                flat.add(Replies.bulk(entry.getKey()));
                flat.add(Replies.bulk(entry.getValue()));
            }
            return RespReply.array(flat);
        });
    }

    private static RespReply select(String index) {
        if (Replies.value(index) == null) {
            return RespReply.error(RedisErrors.NOT_AN_INTEGER);
        }
        return index.equals("0") ? RespReply.OK : RespReply.error("ERR DB index is out of range");
    }

    /**
     * COMMAND's minimal answers: redis-cli asks for COMMAND DOCS when it starts, to give hints as one types, and does
     * without them when the list is empty.
     */
    private static RespReply command(List<String> args) {
        if (args.size() == 1) {
            return RespReply.array(List.of());
        }
        return switch (args.get(1).toUpperCase(Locale.ROOT)) {
            case "COUNT" -> RespReply.integer(DoorCommand.values().length);
            case "DOCS", "INFO" -> RespReply.array(List.of());
            default -> RespReply.error(RedisErrors.unknownSubcommand(args.get(1), "COMMAND"));
        };
    }

    private static CompletableFuture<RespReply> now(RespReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
