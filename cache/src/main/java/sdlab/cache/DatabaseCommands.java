package sdlab.cache;

import static sdlab.cache.CommandFlag.FAST;
import static sdlab.cache.CommandFlag.READONLY;
import static sdlab.cache.CommandFlag.WRITE;

import java.util.Set;
import sdlab.cache.store.Database;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;

/**
 * The numbered databases: SELECT, MOVE, SWAPDB, DBSIZE, FLUSHDB and FLUSHALL, with Redis 7.0's
 * replies. A client's database is part of its session; the log gets a SELECT whenever a change
 * happens in another database than the one before (see {@link CacheEngine}).
 */
final class DatabaseCommands {
    private static final String SAME_OBJECT = "ERR source and destination objects are the same";

    private DatabaseCommands() {}

    static void register(CommandTable.Builder table) {
        table.add("select", 2, Set.of(FAST), DatabaseCommands::select)
                .add("move", 3, Set.of(WRITE, FAST), 1, 1, 1, DatabaseCommands::move)
                .add("swapdb", 3, Set.of(WRITE, FAST), DatabaseCommands::swapdb)
                .add(
                        "dbsize",
                        1,
                        Set.of(READONLY, FAST),
                        (ctx, argv) -> Reply.integer(ctx.db().size()))
                .add("flushall", -1, Set.of(WRITE), (ctx, argv) -> flush(ctx, argv, true))
                .add("flushdb", -1, Set.of(WRITE), (ctx, argv) -> flush(ctx, argv, false));
    }

    /** SELECT index: the client's keys are those of database {@code index} from now on. */
    private static Reply select(CommandContext ctx, byte[][] argv) {
        int index = Args.parseInt(argv[1]);
        if (!inRange(ctx, index)) {
            return Reply.error(ErrorReplies.DB_INDEX_RANGE);
        }
        ctx.session().select(index);
        return Reply.OK;
    }

    /** MOVE key db: 1 if moved with its expiry, 0 if the key is missing here or exists there. */
    private static Reply move(CommandContext ctx, byte[][] argv) {
        int index = Args.parseInt(argv[2]);
        if (!inRange(ctx, index)) {
            return Reply.error(ErrorReplies.DB_INDEX_RANGE);
        }
        if (index == ctx.session().db()) {
            return Reply.error(SAME_OBJECT);
        }
        Key key = Key.wrap(argv[1]);
        Entry e = ctx.db().lookupWrite(key);
        if (e == null) {
            return Reply.ZERO;
        }
        Database target = ctx.keyspace().db(index);
        if (target.lookupWrite(key) != null) {
            return Reply.ZERO;
        }
        ctx.keyspace().move(e, target);
        return Reply.ONE;
    }

    /** SWAPDB a b: the two databases exchange their keys; every client sees the other's keys. */
    private static Reply swapdb(CommandContext ctx, byte[][] argv) {
        long[] first = new long[1];
        if (!Args.tryParseLong(argv[1], first) || first[0] != (int) first[0]) {
            return Reply.error("ERR invalid first DB index");
        }
        long[] second = new long[1];
        if (!Args.tryParseLong(argv[2], second) || second[0] != (int) second[0]) {
            return Reply.error("ERR invalid second DB index");
        }
        int a = (int) first[0];
        int b = (int) second[0];
        if (!inRange(ctx, a) || !inRange(ctx, b)) {
            return Reply.error(ErrorReplies.DB_INDEX_RANGE);
        }
        ctx.keyspace().swap(a, b);
        ctx.engine().watches().swapped(a, b);
        ctx.engine().blockedClients().databasesSwapped(ctx.keyspace(), a, b);
        return Reply.OK;
    }

    /** FLUSHALL and FLUSHDB [ASYNC|SYNC]: both modes free at once here, which is what SYNC means. */
    private static Reply flush(CommandContext ctx, byte[][] argv, boolean all) {
        if (argv.length > 2 || (argv.length == 2 && !Args.is(argv[1], "ASYNC") && !Args.is(argv[1], "SYNC"))) {
            return Reply.error(ErrorReplies.SYNTAX);
        }
        if (all) {
            ctx.keyspace().flushAll();
        } else {
            ctx.db().flush();
        }
        ctx.propagateAs(argv[0]);
        return Reply.OK;
    }

    private static boolean inRange(CommandContext ctx, int index) {
        return index >= 0 && index < ctx.keyspace().databaseCount();
    }
}
