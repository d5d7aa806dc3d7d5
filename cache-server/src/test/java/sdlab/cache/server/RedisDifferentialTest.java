package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's RESP port and a real redis-server 7.0, side by side: each script runs on both
 * after a FLUSHALL, and every reply must match, error texts included. Scripts avoid answers
 * that depend on hash order or randomness (SMEMBERS of several members, SPOP), which other
 * tests check by their properties. Skipped, saying so, where redis-server is not installed.
 */
class RedisDifferentialTest {
    @TempDir
    static Path dir;

    private static RunningServer node;
    private static RealRedis redis;

    @BeforeAll
    static void start() throws Exception {
        ExternalTool.assumeInstalled("redis-server", "redis-server");
        redis = RealRedis.start(dir);
        node = RunningServer.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Named scripts, one command a line, arguments split on spaces; {@code ""} is an empty argument. */
    static Map<String, String> scripts() {
        Map<String, String> s = new LinkedHashMap<>();
        StringScripts.addTo(s);
        CollectionScripts.addTo(s);
        KeyScripts.addTo(s);
        SortedSetAndScriptScripts.addTo(s);
        ServerScripts.addTo(s);
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
