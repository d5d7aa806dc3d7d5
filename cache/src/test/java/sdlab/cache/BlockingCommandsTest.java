package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BLPOP and its kin in the engine, several clients on one fake clock: who is served, in what
 * order, when, with what reply, and what reaches the write log.
 */
class BlockingCommandsTest {
    private final EngineFixture f = new EngineFixture();
    private final Client pusher = new Client();

    /** A client of the engine with the replies it got late, as a blocked client gets them. */
    private final class Client {
        final ClientSession session = f.engine.newSession();
        final List<Reply> late = new ArrayList<>();

        Client() {
            session.setDeferredReplySink(late::add);
        }

        String run(String command) {
            return Replies.text(reply(command.split(" ")));
        }

        Reply reply(String... args) {
            byte[][] argv = new byte[args.length][];
            for (int i = 0; i < args.length; i++) {
                argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
            }
            return f.engine.execute(session, argv);
        }

        List<String> lateText() {
            return late.stream().map(Replies::text).toList();
        }
    }

    @Test
    void withDataAtAKeyTheFirstNonEmptyOneIsPoppedAtOnce() {
        // Missing keys are skipped; the first list in argument order answers, as LPOP would, and is logged as LPOP.
        pusher.run("RPUSH b 1 2");
        pusher.run("RPUSH c 3");
        assertThat(pusher.run("BLPOP a b c 0")).isEqualTo("[\"b\", \"1\"]");
        assertThat(pusher.run("BRPOP a c b 0")).isEqualTo("[\"c\", \"3\"]");
        assertThat(f.logged).containsExactly("RPUSH b 1 2", "RPUSH c 3", "LPOP b", "RPOP c");
    }

    @Test
    void blockedClientsAreServedInTheOrderTheyBlockedOnePushServingSeveral() {
        // Three waiters, one push of two elements: the two oldest are served after the push, the third keeps waiting.
        Client first = new Client();
        Client second = new Client();
        Client third = new Client();
        assertThat(first.reply("BLPOP", "k", "0")).isEqualTo(Reply.Blocked.INSTANCE);
        assertThat(second.reply("BLPOP", "k", "0")).isEqualTo(Reply.Blocked.INSTANCE);
        assertThat(third.reply("BRPOP", "k", "0")).isEqualTo(Reply.Blocked.INSTANCE);
        assertThat(pusher.run("RPUSH k x y")).isEqualTo("(integer) 2");
        assertThat(first.lateText()).containsExactly("[\"k\", \"x\"]");
        assertThat(second.lateText()).containsExactly("[\"k\", \"y\"]");
        assertThat(third.late).isEmpty();
        assertThat(pusher.run("EXISTS k")).isEqualTo("(integer) 0");
        assertThat(f.logged).containsExactly("RPUSH k x y", "LPOP k", "LPOP k");
        assertThat(pusher.run("LPUSH k z")).isEqualTo("(integer) 1");
        assertThat(third.lateText()).containsExactly("[\"k\", \"z\"]");
    }

    @Test
    void aClientWaitingOnSeveralKeysIsServedByTheFirstToArriveAndLeavesEveryQueue() {
        // BLPOP a b: data at b serves it; later data at a stays in the list.
        Client waiter = new Client();
        waiter.run("BLPOP a b 0");
        pusher.run("RPUSH b v");
        assertThat(waiter.lateText()).containsExactly("[\"b\", \"v\"]");
        pusher.run("RPUSH a w");
        assertThat(waiter.late).hasSize(1);
        assertThat(pusher.run("LRANGE a 0 -1")).isEqualTo("[\"w\"]");
    }

    @Test
    void aTimeoutAnswersANilArrayOnlyOnceTheDeadlineHasPassed() {
        // BLPOP k 1.5 at t waits through t + 1500 ms and is answered nil at the first check after it.
        Client waiter = new Client();
        waiter.run("BLPOP k 1.5");
        f.clock.advanceMillis(1500);
        assertThat(f.engine.unblockTimedOut()).isZero();
        assertThat(pusher.run("INFO clients")).contains("blocked_clients:1");
        f.clock.advanceMillis(1);
        assertThat(f.engine.unblockTimedOut()).isEqualTo(1);
        assertThat(waiter.late).containsExactly(Reply.Nil.ARRAY);
        assertThat(pusher.run("INFO clients")).contains("blocked_clients:0");
        pusher.run("RPUSH k v");
        assertThat(waiter.late).hasSize(1);
        assertThat(pusher.run("LLEN k")).isEqualTo("(integer) 1");
    }

    @Test
    void aZeroTimeoutWaitsForever() {
        // Timeout 0 (and -0.0001, which rounds up to 0 ms as in Redis) never times out.
        Client forever = new Client();
        Client almostZero = new Client();
        forever.run("BLPOP k 0");
        almostZero.run("BZPOPMIN z -0.0001");
        f.clock.advanceSeconds(1_000_000);
        assertThat(f.engine.unblockTimedOut()).isZero();
        assertThat(forever.late).isEmpty();
        assertThat(almostZero.late).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "BLPOP k abc, ERR timeout is not a float or out of range",
        "BLPOP k -1, ERR timeout is negative",
        "BLPOP k inf, ERR timeout is negative",
        "BLPOP k 1e16, ERR timeout is negative",
        "BRPOP k nan, ERR timeout is not a float or out of range",
        "BLMOVE a b LEFT UP 1, ERR syntax error",
        "BLMOVE a b LEFT LEFT x, ERR timeout is not a float or out of range",
        "BLMPOP x 0 k LEFT, ERR numkeys should be greater than 0",
        "BLMPOP x 1 k LEFT, ERR timeout is not a float or out of range",
        "BZMPOP 0 1 z LEFT, ERR syntax error",
        "BZPOPMAX z -0.5, ERR timeout is negative"
    })
    void badArgumentsAreRefusedWithRedisErrors(String command, String error) {
        // The timeout is seconds as a long double, rounded up to milliseconds; a negative or non-number one is refused.
        assertThat(pusher.run(command)).isEqualTo("(error) " + error);
        assertThat(f.engine.blockedClients().count()).isZero();
    }

    @Test
    void aVeryShortTimeoutRoundsUpToOneMillisecond() {
        // 0.0001 s is not "forever": it ends after a millisecond.
        Client waiter = new Client();
        waiter.run("BLPOP k 0.0001");
        f.clock.advanceMillis(2);
        assertThat(f.engine.unblockTimedOut()).isEqualTo(1);
        assertThat(waiter.late).containsExactly(Reply.Nil.ARRAY);
    }

    @Test
    void insideMultiNothingBlocksAndWaitersAreServedAfterTheWholeExec() {
        // In MULTI the pops answer nil at once (BLMOVE a nil string); a waiter sees the EXEC's complete effect.
        pusher.run("MULTI");
        pusher.run("BLPOP e 0");
        pusher.run("BLMOVE e f LEFT LEFT 0");
        pusher.run("BZMPOP 0 1 z MIN");
        assertThat(pusher.run("EXEC")).isEqualTo("[(nil), (nil), (nil)]");
        Client waiter = new Client();
        waiter.run("BLPOP k 0");
        pusher.run("MULTI");
        pusher.run("RPUSH k a");
        pusher.run("LPUSH k b");
        pusher.run("EXEC");
        assertThat(waiter.lateText()).containsExactly("[\"k\", \"b\"]");
        assertThat(f.logged).containsExactly("MULTI", "RPUSH k a", "LPUSH k b", "EXEC", "LPOP k");
    }

    @Test
    void aKeyCreatedAndDeletedWithinOneExecServesNobody() {
        // Readiness is checked after the EXEC: the list is gone by then, so the waiter keeps waiting.
        Client waiter = new Client();
        waiter.run("BLPOP k 0");
        pusher.run("MULTI");
        pusher.run("RPUSH k a");
        pusher.run("DEL k");
        pusher.run("EXEC");
        assertThat(waiter.late).isEmpty();
        assertThat(f.engine.blockedClients().isBlocked(waiter.session)).isTrue();
    }

    @Test
    void scriptsNeverBlock() {
        // BLPOP is refused in scripts, as Redis 7.0 marks it noscript; BLMPOP runs and answers nil at once.
        assertThat(pusher.run("EVAL return(redis.call('blpop','k',0)) 0"))
                .startsWith("(error) ERR This Redis command is not allowed from script");
        assertThat(pusher.run("EVAL return(redis.call('blmpop',0,1,'k','LEFT')) 0"))
                .isEqualTo("(nil)");
        assertThat(f.engine.blockedClients().count()).isZero();
    }

    @Test
    void aClientThatDisconnectsLeavesTheQueues() {
        // closeSession forgets the waiter: the next push stays in the list and nothing is logged for it.
        Client gone = new Client();
        gone.run("BLPOP k 0");
        f.engine.closeSession(gone.session);
        pusher.run("RPUSH k v");
        assertThat(gone.late).isEmpty();
        assertThat(pusher.run("LRANGE k 0 -1")).isEqualTo("[\"v\"]");
        assertThat(f.logged).containsExactly("RPUSH k v");
    }

    @Test
    void aKeyOfAnotherTypeLeavesTheClientWaiting() {
        // A string, then a sorted set, at the key: the list waiter waits on; the list that follows serves it.
        Client waiter = new Client();
        waiter.run("BLPOP k 0");
        pusher.run("SET k s");
        pusher.run("DEL k");
        pusher.run("ZADD k 1 m");
        assertThat(waiter.late).isEmpty();
        pusher.run("DEL k");
        pusher.run("RPUSH k v");
        assertThat(waiter.lateText()).containsExactly("[\"k\", \"v\"]");
    }

    @Test
    void listAndSortedSetWaitersOnOneKeyAreEachServedByTheirOwnType() {
        // A zset waiter queued first is skipped by a list push, and served by the zset that comes later.
        Client zsetWaiter = new Client();
        Client listWaiter = new Client();
        zsetWaiter.run("BZPOPMIN k 0");
        listWaiter.run("BLPOP k 0");
        pusher.run("RPUSH k v");
        assertThat(listWaiter.lateText()).containsExactly("[\"k\", \"v\"]");
        assertThat(zsetWaiter.late).isEmpty();
        pusher.run("ZADD k 2.5 m");
        assertThat(zsetWaiter.lateText()).containsExactly("[\"k\", \"m\", (double) 2.5]");
    }

    @Test
    void blmoveChainsServeTheNextWaiterInTheSamePassAndReplayExactly() {
        // A moves a -> b, B waits on b: one push to a ends with both served, logged as LMOVE then LPOP.
        Client mover = new Client();
        Client popper = new Client();
        assertThat(mover.reply("BLMOVE", "a", "b", "RIGHT", "LEFT", "0")).isEqualTo(Reply.Blocked.INSTANCE);
        assertThat(popper.reply("BLPOP", "b", "0")).isEqualTo(Reply.Blocked.INSTANCE);
        pusher.run("RPUSH a x y");
        assertThat(mover.lateText()).containsExactly("\"y\"");
        assertThat(popper.lateText()).containsExactly("[\"b\", \"y\"]");
        assertThat(f.logged).containsExactly("RPUSH a x y", "LMOVE a b RIGHT LEFT", "LPOP b");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(f))).isEqualTo(ReplayCheck.dump(f));
    }

    @Test
    void blmoveToADestinationOfAnotherTypeAnswersWrongTypeWhenServed() {
        // The destination is checked when the move happens: the waiter gets WRONGTYPE and the source keeps its element.
        Client mover = new Client();
        mover.run("BRPOPLPUSH a dst 0");
        pusher.run("SET dst s");
        pusher.run("RPUSH a x");
        assertThat(mover.lateText())
                .containsExactly("(error) WRONGTYPE Operation against a key holding the wrong kind of value");
        assertThat(pusher.run("LRANGE a 0 -1")).isEqualTo("[\"x\"]");
        assertThat(f.engine.blockedClients().count()).isZero();
    }

    @Test
    void countedPopsServeUpToTheirCountAndAreLoggedWithTheCountTaken() {
        // BLMPOP COUNT 2 takes two of three; BZMPOP COUNT 5 takes what there is.
        Client lists = new Client();
        Client zsets = new Client();
        lists.run("BLMPOP 0 2 j k LEFT COUNT 2");
        zsets.run("BZMPOP 0 1 z MAX COUNT 5");
        pusher.run("RPUSH k a b c");
        pusher.run("ZADD z 1 m 2 n");
        assertThat(lists.lateText()).containsExactly("[\"k\", [\"a\", \"b\"]]");
        assertThat(zsets.lateText()).containsExactly("[\"z\", [[\"n\", (double) 2], [\"m\", (double) 1]]]");
        assertThat(f.logged).containsExactly("RPUSH k a b c", "LPOP k 2", "ZADD z 1 m 2 n", "ZPOPMAX z 5");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(f))).isEqualTo(ReplayCheck.dump(f));
    }

    @Test
    void clientUnblockEndsAWaitWithANilOrAnError() {
        // TIMEOUT (the default) answers nil, ERROR an UNBLOCKED error; a client not waiting counts 0.
        Client quiet = new Client();
        Client loud = new Client();
        quiet.run("BLPOP k 0");
        loud.run("BZPOPMAX z 0");
        assertThat(pusher.run("CLIENT UNBLOCK " + quiet.session.id())).isEqualTo("(integer) 1");
        assertThat(pusher.run("CLIENT UNBLOCK " + loud.session.id() + " ERROR")).isEqualTo("(integer) 1");
        assertThat(pusher.run("CLIENT UNBLOCK " + loud.session.id() + " ERROR")).isEqualTo("(integer) 0");
        assertThat(pusher.run("CLIENT UNBLOCK 999")).isEqualTo("(integer) 0");
        assertThat(quiet.late).containsExactly(Reply.Nil.ARRAY);
        assertThat(loud.lateText()).containsExactly("(error) UNBLOCKED client unblocked via CLIENT UNBLOCK");
        assertThat(pusher.run("CLIENT UNBLOCK 1 LATER"))
                .isEqualTo("(error) ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
    }

    @Test
    void clientListShowsABlockedClientWithFlagBAndItsCommand() {
        // Redis's flags=b and cmd=blpop for a client that waits.
        Client waiter = new Client();
        waiter.run("BLPOP k 0");
        assertThat(pusher.run("CLIENT LIST ID " + waiter.session.id())).contains("flags=b", "cmd=blpop");
    }
}
