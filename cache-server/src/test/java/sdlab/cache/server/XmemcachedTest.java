package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.rubyeye.xmemcached.CASOperation;
import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xmemcached, unchanged, against the memcached port, doing what its users do: multi-gets of
 * thousands of keys, cas, counters that start themselves, touch, binary values, quiet writes,
 * and the stats it reads for monitoring. Its text protocol is the default, as in most setups.
 */
class XmemcachedTest {
    private static final long TIMEOUT_MS = 10_000;

    @TempDir
    static Path dir;

    private static RunningServer node;
    private MemcachedClient client;

    @BeforeAll
    static void start() {
        node = RunningServer.start(dir, b -> b.memcachedPort(0));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void connect() throws Exception {
        XMemcachedClientBuilder builder =
                new XMemcachedClientBuilder(List.of(new InetSocketAddress("127.0.0.1", node.server.memcachedPort())));
        builder.setOpTimeout(TIMEOUT_MS);
        client = builder.build();
    }

    @AfterEach
    void disconnect() throws Exception {
        client.shutdown();
    }

    @Test
    void aMultiGetOfThousandsOfKeysReturnsExactlyTheStoredOnes() throws Exception {
        // 6,000 keys asked at once, half of them stored: the map has those 3,000 with their values.
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            keys.add("multi:" + i);
            if (i % 2 == 1) {
                client.setWithNoReply("multi:" + i, 0, "value-" + i);
            }
        }
        assertThat(client.set("multi:last", 0, "x")).isTrue(); // answered after every quiet set before it

        Map<String, String> found = client.get(keys, TIMEOUT_MS);

        assertThat(found).hasSize(3_000).containsEntry("multi:1", "value-1").containsEntry("multi:5999", "value-5999");
        assertThat(found).doesNotContainKey("multi:0");
    }

    @Test
    void casSucceedsOnceForAVersionAndCasOperationsRetryToTheEnd() throws Exception {
        // A cas with a stale unique fails; xmemcached's retrying CASOperation lands all its updates.
        client.set("cas:key", 0, "v1");
        GetsResponse<String> first = client.gets("cas:key");
        assertThat(client.cas("cas:key", 0, "v2", first.getCas())).isTrue();
        assertThat(client.cas("cas:key", 0, "v3", first.getCas())).isFalse();
        assertThat((String) client.get("cas:key")).isEqualTo("v2");
        assertThat(client.cas("cas:missing", 0, "v", 1)).isFalse();

        client.set("cas:list", 0, "");
        for (int i = 0; i < 50; i++) {
            int item = i;
            client.cas("cas:list", 0, new CASOperation<String>() {
                @Override
                public int getMaxTries() {
                    return 10;
                }

                @Override
                public String getNewValue(long currentCas, String current) {
                    return current + item + ",";
                }
            });
        }
        assertThat(((String) client.get("cas:list")).split(",")).hasSize(50);
    }

    @Test
    void countersStartAtTheirInitialValueAndDecrStopsAtZero() throws Exception {
        // incr with an initial value creates the counter; decr never goes below 0; a deleted counter starts over.
        assertThat(client.incr("counter", 5, 100)).isEqualTo(100);
        assertThat(client.incr("counter", 5)).isEqualTo(105);
        assertThat(client.decr("counter", 200)).isZero();
        assertThat(client.incr("counter", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(client.delete("counter")).isTrue();
        assertThat(client.decr("counter", 1, 7)).isEqualTo(7);
    }

    @Test
    void touchExtendsAnItemAndReportsAMissingOne() throws Exception {
        // touch answers whether the key existed, and a touched item outlives the expiry it was set with.
        // (xmemcached 2.4.8 miscounts the length of a negative time, so none is sent here.)
        client.set("touch:key", 1, "t");
        client.set("touch:untouched", 1, "u");
        assertThat(client.touch("touch:key", 3600)).isTrue();
        assertThat(client.touch("touch:missing", 3600)).isFalse();
        Thread.sleep(1_100);
        assertThat((String) client.get("touch:key")).isEqualTo("t");
        assertThat((String) client.get("touch:untouched")).isNull();
    }

    @Test
    void binaryValuesAndUtf8KeysComeBackByteForByte() throws Exception {
        // Every byte value, the protocol's own line ends and END inside the data, a value big enough
        // to be compressed by the client, and a key of non-ASCII bytes.
        byte[] everyByte = new byte[512];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] framing = "\r\nEND\r\nVALUE x 0 1\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] large = new byte[300_000];
        new java.util.SplittableRandom(7).nextBytes(large);
        client.set("bin:every", 0, everyByte);
        client.set("bin:framing", 0, framing);
        client.set("bin:large", 0, large);
        client.set("ключ:значение", 0, "ütf-8");

        Map<String, byte[]> values = client.get(List.of("bin:every", "bin:framing", "bin:large"));

        assertThat(values.get("bin:every")).isEqualTo(everyByte);
        assertThat(values.get("bin:framing")).isEqualTo(framing);
        assertThat(values.get("bin:large")).isEqualTo(large);
        assertThat((String) client.get("ключ:значение")).isEqualTo("ütf-8");
    }

    @Test
    void conditionalStoresDeletesAndStatsAnswerAsXmemcachedExpects() throws Exception {
        // add, replace, append, prepend and delete report success as booleans; stats and version parse.
        assertThat(client.add("cond:key", 0, "b")).isTrue();
        assertThat(client.add("cond:key", 0, "x")).isFalse();
        assertThat(client.replace("cond:missing", 0, "x")).isFalse();
        assertThat(client.append("cond:key", ">")).isTrue();
        assertThat(client.prepend("cond:key", "<")).isTrue();
        assertThat((String) client.get("cond:key")).isEqualTo("<b>");
        assertThat(client.delete("cond:key")).isTrue();
        assertThat(client.delete("cond:key")).isFalse();

        Map<InetSocketAddress, Map<String, String>> stats = client.getStats();
        assertThat(stats.values().iterator().next()).containsKey("get_hits").containsKey("curr_items");
        assertThat(client.getVersions().values()).containsExactly(MemcachedConnection.VERSION);
    }
}
