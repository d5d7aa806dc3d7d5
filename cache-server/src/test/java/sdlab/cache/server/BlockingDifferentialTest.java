package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blocking commands with several clients, on the node and on a real redis-server 7.0:
 * each scenario runs on both and every reply must match, including the late replies of blocked
 * clients and the order in which they come. Skipped, saying so, where redis-server is missing.
 *
 * <p>A scenario is one step a line, each naming its client (A, B, C):
 *
 * <ul>
 *   <li>{@code A: cmd} sends a command and records its reply;
 *   <li>{@code A. cmd} sends a command and reads its reply without recording it (HELLO 3,
 *       whose reply names the server's version);
 *   <li>{@code A> cmd | cmd ...} sends the commands in one write and waits until the server
 *       lists A as blocked ({@code flags=b}), so that the next step surely comes after the wait
 *       began;
 *   <li>{@code A<} reads one reply of A's and records it;
 *   <li>{@code A close} disconnects A and waits until the server has no blocked client.
 * </ul>
 *
 * {@code $A} in a command stands for A's client id on the server at hand.
 */
class BlockingDifferentialTest extends NodeBesideRedis {
    private static final int BLOCKED_WAIT_MILLIS_MAX = 5_000;

    static Map<String, String> scenarios() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(
                "a push serves a waiting BLPOP",
                """
                A> BLPOP k 0
                B: RPUSH k x
                A<
                B: EXISTS k""");
        s.put(
                "waiters are served oldest first, one push serving several",
                """
                A> BLPOP k 0
                B> BRPOP k 0
                C> BLPOP k 0
                D: RPUSH k x y
                A<
                B<
                D: RPUSH k z
                C<
                D: EXISTS k""");
        s.put(
                "a waiter on several keys is served by the first to arrive and leaves the rest",
                """
                A> BLPOP a b c 0
                D: RPUSH c 1 2
                A<
                D: RPUSH a 3
                D: LRANGE a 0 -1
                D: LRANGE c 0 -1""");
        s.put(
                "a BLMOVE serves the next waiter in the same pass",
                """
                A> BLMOVE a b RIGHT LEFT 0
                B> BLPOP b 0
                D: RPUSH a x y
                A<
                B<
                D: LRANGE a 0 -1
                D: EXISTS b""");
        s.put(
                "BRPOPLPUSH and BLMPOP with a count",
                """
                A> BRPOPLPUSH a b 0
                B> BLMPOP 0 2 j k RIGHT COUNT 2
                D: LPUSH a x
                D: RPUSH k p q r
                A<
                B<
                D: LRANGE b 0 -1
                D: LRANGE k 0 -1""");
        s.put(
                "sorted-set pops, both ends and counted",
                """
                A> BZPOPMIN z 0
                B> BZPOPMAX z 0
                C> BZMPOP 0 2 y z MIN COUNT 2
                D: ZADD z 1 a 2 b 3.5 c 4 d 5 e
                A<
                B<
                C<
                D: ZRANGE z 0 -1 WITHSCORES""");
        s.put(
                "RESP3 replies of served and timed-out waiters",
                """
                A. HELLO 3
                A> BZPOPMIN z 0
                D: ZADD z 1.5 m
                A<
                A> BZMPOP 0 1 z MAX
                D: ZADD z 2.5 n
                A<
                A> BLPOP k 0.05
                A<
                A> BLMOVE k l LEFT LEFT 0.05
                A<
                A: MULTI
                A: BLPOP k 0
                A: BLMOVE k l LEFT LEFT 0
                A: BZMPOP 0 1 z MIN
                A: EXEC""");
        s.put(
                "timeouts answer nil",
                """
                A> BLPOP k 0.1
                A<
                A> BLMOVE k l LEFT LEFT 0.05
                A<
                A> BRPOPLPUSH k l 0.05
                A<
                A> BLMPOP 0.05 1 k LEFT
                A<
                A> BZPOPMAX z 0.05
                A<
                A> BZMPOP 0.05 1 z MIN
                A<
                A> BLPOP k 0.0001
                A<""");
        s.put(
                "commands pipelined after a BLPOP run only after it is served",
                """
                A> BLPOP k 0 | SET after 1 | GET after
                B: GET after
                B: RPUSH k v
                A<
                A<
                A<
                B: GET after""");
        s.put(
                "CLIENT UNBLOCK with a timeout and with an error",
                """
                A> BLPOP k 0
                B: CLIENT UNBLOCK $A
                A<
                A> BZPOPMIN z 0 | PING
                B: CLIENT UNBLOCK $A ERROR
                A<
                A<
                B: CLIENT UNBLOCK $A
                B: RPUSH k v
                B: LRANGE k 0 -1""");
        s.put(
                "a key of another type leaves the waiter waiting",
                """
                A> BLPOP k 0
                B: SET k s
                B: DEL k
                B: ZADD k 1 m
                B: DEL k
                B: RPUSH src v
                B: RENAME src k
                A<
                B: EXISTS k""");
        s.put(
                "a BLMOVE whose destination is of another type gets WRONGTYPE when served",
                """
                A> BLMOVE a d LEFT LEFT 0
                B: SET d s
                B: RPUSH a x
                A<
                B: LRANGE a 0 -1""");
        s.put(
                "waiters are served after the whole EXEC",
                """
                A> BLPOP k 0
                B: MULTI
                B: RPUSH k a
                B: LPUSH k b
                B: EXEC
                A<
                B: LRANGE k 0 -1
                C> BLPOP n 0
                B: MULTI
                B: RPUSH n a
                B: DEL n
                B: EXEC
                B: RPUSH n c
                C<""");
        s.put(
                "a waiter that disconnects is forgotten",
                """
                A> BLPOP k 0
                A close
                B: RPUSH k v
                B: LRANGE k 0 -1""");
        return s;
    }

    @Test
    void everyScenarioGetsRedisRepliesInRedisOrder() {
        // Shows: for every multi-client scenario, the recorded replies equal redis-server 7.0's.
        Map<String, String> differences = new LinkedHashMap<>();
        for (var scenario : scenarios().entrySet()) {
            List<String> theirs = run(redis.port(), scenario.getValue());
            List<String> ours = run(node.port(), scenario.getValue());
            if (!theirs.equals(ours)) {
                differences.put(scenario.getKey(), "\n  redis: " + theirs + "\n  sdlab: " + ours);
            }
        }
        assertThat(differences).as("scenarios answered differently from Redis").isEmpty();
    }

    @Test
    void aShortTimeoutEndsWellBeforeTheNextCronTickWouldAllow() {
        // A 0.1 s wait is answered nil in about 0.1 s (a timer at its deadline), not up to a 100 ms cron tick later.
        try (RawClient client = node.raw()) {
            client.command("BLPOP", "never-pushed", "0.01").reply(); // warm-up: the first wait loads its classes
            long fastestMillis = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                long startNanos = System.nanoTime();
                assertThat(client.command("BLPOP", "never-pushed", "0.1").reply())
                        .isEqualTo("*nil");
                long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
                assertThat(elapsedMillis).as("never before the timeout").isGreaterThanOrEqualTo(100L);
                fastestMillis = Math.min(fastestMillis, elapsedMillis);
            }
            // The timer fires 1 ms after the deadline; the fastest of three attempts filters out a loaded machine's
            // pauses.
            assertThat(fastestMillis).isLessThanOrEqualTo(250L);
        }
    }

    private static List<String> run(int port, String scenario) {
        Map<String, RawClient> clients = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        List<String> recorded = new ArrayList<>();
        try (RawClient control = new RawClient(port)) {
            control.command("FLUSHALL").reply();
            for (String line : scenario.lines().toList()) {
                String name = line.substring(0, 1);
                String rest = line.substring(1);
                RawClient client = clients.computeIfAbsent(name, n -> {
                    RawClient c = new RawClient(port);
                    ids.put("$" + n, c.command("CLIENT", "ID").reply().substring(1));
                    return c;
                });
                if (rest.equals("<")) {
                    recorded.add(client.reply());
                } else if (rest.equals(" close")) {
                    client.close();
                    awaitBlockedCount(control, 0);
                } else if (rest.startsWith(": ") || rest.startsWith(". ")) {
                    String reply = client.command(args(rest.substring(2), ids)).reply();
                    if (rest.startsWith(":")) {
                        recorded.add(reply);
                    }
                } else if (rest.startsWith("> ")) {
                    for (String command : rest.substring(2).split(" \\| ")) {
                        client.command(args(command, ids));
                    }
                    awaitBlocked(control, ids.get("$" + name), client);
                } else {
                    throw new IllegalArgumentException("not a step: " + line);
                }
            }
        } finally {
            clients.values().forEach(RawClient::close);
        }
        return recorded;
    }

    private static String[] args(String command, Map<String, String> ids) {
        String[] args = command.split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = ids.getOrDefault(args[i], args[i]);
        }
        return args;
    }

    /** Waits until the client is listed as blocked, or until its reply came (a short timeout ended the wait). */
    private static void awaitBlocked(RawClient control, String id, RawClient client) {
        long deadline = System.nanoTime() + BLOCKED_WAIT_MILLIS_MAX * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (control.command("CLIENT", "LIST", "ID", id).reply().contains("flags=b") || client.replyWaiting()) {
                return;
            }
            sleepMillis(2);
        }
        throw new IllegalStateException("client " + id + " never blocked");
    }

    private static void awaitBlockedCount(RawClient control, int count) {
        long deadline = System.nanoTime() + BLOCKED_WAIT_MILLIS_MAX * 1_000_000L;
        while (!control.command("INFO", "clients").reply().contains("blocked_clients:" + count)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("blocked clients never reached " + count);
            }
            sleepMillis(2);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
