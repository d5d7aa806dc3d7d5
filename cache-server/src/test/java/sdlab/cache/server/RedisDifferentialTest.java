package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node's RESP port and a real redis-server 7.0, side by side: each script runs on both
 * after a FLUSHALL, and every reply must match, error texts included. Scripts avoid answers
 * that depend on hash order or randomness (SMEMBERS of several members, SPOP), which other
 * tests check by their properties. Skipped, saying so, where redis-server is not installed.
 */
class RedisDifferentialTest extends NodeBesideRedis {
    /** Named scripts, one command a line, arguments split on spaces; {@code ""} is an empty argument. */
    static Map<String, String> scripts() {
        Map<String, String> s = new LinkedHashMap<>();
        StringScripts.addTo(s);
        CollectionScripts.addTo(s);
        KeyScripts.addTo(s);
        SortedSetAndScriptScripts.addTo(s);
        ServerScripts.addTo(s);
        DatabaseScripts.addTo(s);
        HyperLogLogScripts.addTo(s);
        CommandKeyScripts.addTo(s);
        BlockingScripts.addTo(s);
        return s;
    }

    @Test
    void theRespPortAnswersEveryScriptAsRedisDoes() {
        // Shows: for every script, each reply equals redis-server 7.0's, shape and text.
        Map<String, String> differences = new LinkedHashMap<>();
        for (var script : scripts().entrySet()) {
            List<String> theirs = run(redis.port(), script.getValue());
            List<String> ours = run(node.port(), script.getValue());
            List<String> lines = script.getValue().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!theirs.get(i).equals(ours.get(i))) {
                    differences.put(
                            script.getKey() + ": " + lines.get(i),
                            "\n  redis: " + theirs.get(i) + "\n  sdlab: " + ours.get(i));
                }
            }
        }
        assertThat(differences).as("commands answered differently from Redis").isEmpty();
    }

    @Test
    void commandDocsGiveRedisGroupAndSinceForEveryCommand() {
        // Shows: COMMAND DOCS names each command's group and first version as redis-server 7.0
        // does (the summaries are sdlab's own words, so they are not compared).
        List<String> names;
        try (RawClient client = new RawClient(node.port())) {
            String list = client.command("COMMAND", "LIST").reply();
            names = List.of(list.substring(2, list.length() - 1).split(", "));
        }
        assertThat(names).hasSizeGreaterThan(150);
        Map<String, String> differences = new LinkedHashMap<>();
        for (String name : names) {
            String theirs = groupAndSince(redis.port(), name.substring(1));
            String ours = groupAndSince(node.port(), name.substring(1));
            if (!theirs.equals(ours)) {
                differences.put(name, "redis " + theirs + ", sdlab " + ours);
            }
        }
        assertThat(differences).isEmpty();
    }

    private static String groupAndSince(int port, String command) {
        try (RawClient client = new RawClient(port)) {
            String docs = client.command("COMMAND", "DOCS", command).reply();
            return docs.replaceAll(".*?since, ([^,\\]]*).*?group, ([^,\\]]*).*", "$2 $1");
        }
    }

    @Test
    void hyperLogLogBytesMoveBetweenRedisAndTheNodeBothWays() {
        // Shows: an HLL written by redis-server, SET into the node (and the other way round),
        // counts the same and merges into the same bytes, sparse and dense alike.
        for (int elements : new int[] {10, 800, 20_000}) {
            String fromRedis = hyperLogLogBuiltOn(redis.port(), "r", elements);
            String fromNode = hyperLogLogBuiltOn(node.port(), "n", elements);
            assertThat(transfer(fromRedis, node.port())).isEqualTo(transfer(fromRedis, redis.port()));
            assertThat(transfer(fromNode, redis.port())).isEqualTo(transfer(fromNode, node.port()));
        }
    }

    /** GET of a fresh HLL with {@code count} elements built on the server at {@code port}. */
    private static String hyperLogLogBuiltOn(int port, String prefix, int count) {
        try (RawClient client = new RawClient(port)) {
            client.command("DEL", "hll").reply();
            for (int from = 0; from < count; from += 1000) {
                List<String> args = new ArrayList<>(List.of("PFADD", "hll"));
                for (int i = from; i < Math.min(count, from + 1000); i++) {
                    args.add(prefix + i);
                }
                client.command(args.toArray(String[]::new)).reply();
            }
            String reply = client.command("GET", "hll").reply();
            assertThat(reply).startsWith("$HYLL");
            return reply.substring(1);
        }
    }

    /** SETs {@code value} on the server at {@code port} and answers PFCOUNT, a merge's bytes and its count. */
    private static List<String> transfer(String value, int port) {
        try (RawClient client = new RawClient(port)) {
            client.command("SET", "moved", value).reply();
            client.command("PFADD", "other", "x", "y", "z").reply();
            return List.of(
                    client.command("PFCOUNT", "moved").reply(),
                    client.command("PFMERGE", "merged", "moved", "other").reply(),
                    client.command("GET", "merged").reply(),
                    client.command("PFCOUNT", "merged").reply(),
                    client.command("GET", "moved").reply());
        }
    }

    @Test
    void monitorsSeeWhatRedisShowsThem() {
        // Shows: MONITOR's lines (time and client port masked) and a monitoring client's own replies equal redis-server
        // 7.0's.
        assertThat(monitorTranscript(node.port())).isEqualTo(monitorTranscript(redis.port()));
    }

    /** What a monitor sees while another client runs commands, then what a monitoring client is answered. */
    private static List<String> monitorTranscript(int port) {
        List<String> seen = new ArrayList<>();
        try (RawClient monitor = new RawClient(port);
                RawClient client = new RawClient(port);
                RawClient watcher = new RawClient(port)) {
            seen.add(monitor.command("MONITOR").reply());
            String[][] commands = {
                {"SET", "k", "v"},
                {"SELECT", "3"},
                {"SET", "k", "x y\"z\nn\r\t\u0007\b\\"},
                {"GET", "k"},
                {"CONFIG", "GET", "maxmemory"},
                {"AUTH", "secret"},
                {"AUTH", "user", "secret"},
                {"MULTI"},
                {"SET", "q", "1"},
                {"EXEC"},
                {"EVAL", "return redis.call('set','s','1')", "0"},
                {"NOSUCH"},
                {"GET"},
                {"HELLO", "2", "AUTH", "user", "secret"},
                {"PING"},
                {"DBSIZE"},
                {"CLIENT", "SETNAME", "x"},
                {"CLIENT", "LIST"},
                {"SLOWLOG", "GET"},
                {"SET", "\u00ff\u0001", "v"},
                {"SUBSCRIBE", "ch"},
                {"PING"},
                {"UNSUBSCRIBE"},
                {"ECHO", "end"}
            };
            for (String[] command : commands) {
                client.command(command).reply();
            }
            String line;
            do {
                line = monitor.line()
                        .replaceFirst("^\\+\\d+\\.\\d{6} \\[(\\d+) 127\\.0\\.0\\.1:\\d+]", "+T [$1 client]")
                        .replaceFirst("^\\+\\d+\\.\\d{6} \\[(\\d+) lua]", "+T [$1 lua]");
                seen.add(line);
            } while (!line.endsWith("\"end\""));
            // A monitoring client may PING (and sees its own PING after the reply), not touch keys; RESET ends it.
            for (String command : new String[] {"MONITOR", "PING", "GET a", "SET b 1", "MONITOR", "RESET", "GET a"}) {
                watcher.command(command.split(" "));
            }
            for (int i = 0; i < 7; i++) {
                seen.add(watcher.reply().replaceFirst("^\\+\\d+\\.\\d{6} \\[0 127\\.0\\.0\\.1:\\d+]", "+T [0 client]"));
            }
        }
        return seen;
    }

    private static List<String> run(int port, String script) {
        try (RawClient client = new RawClient(port)) {
            client.command("FLUSHALL");
            client.reply();
            List<String> replies = new ArrayList<>();
            for (String line : script.lines().toList()) {
                String[] args = line.split(" ");
                for (int i = 0; i < args.length; i++) {
                    args[i] = args[i].equals("\"\"") ? "" : args[i];
                }
                replies.add(client.command(args).reply());
            }
            return replies;
        }
    }
}
