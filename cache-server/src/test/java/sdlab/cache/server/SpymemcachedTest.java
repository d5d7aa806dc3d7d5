package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.CASResponse;
import net.spy.memcached.CASValue;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spymemcached, unchanged, against the memcached port: bulk gets of thousands of keys, cas,
 * counters, touch. (Its text protocol has no get-and-touch; {@code gat} is in the differential test.)
 */
class SpymemcachedTest {
    @TempDir
    Path dir;

    @Test
    void bulkGetsOfThousandsOfKeysCasCountersAndTouchWork() throws Exception {
        // getBulk of 5,000 keys goes out as one long get line, which the port once refused (issue 11).
        try (RunningServer node = RunningServer.start(dir, b -> b.memcachedPort(0))) {
            MemcachedClient client =
                    new MemcachedClient(new InetSocketAddress("127.0.0.1", node.server.memcachedPort()));
            try {
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    keys.add("key:" + i);
                    if (i % 2 == 0) {
                        client.set("key:" + i, 0, "value-" + i);
                    }
                }
                client.set("last", 0, "x").get(5, TimeUnit.SECONDS);
                Map<String, Object> found = client.getBulk(keys);
                assertThat(found)
                        .hasSize(2_500)
                        .containsEntry("key:42", "value-42")
                        .doesNotContainKey("key:43");

                CASValue<Object> versioned = client.gets("key:0");
                assertThat(client.cas("key:0", versioned.getCas(), "changed")).isEqualTo(CASResponse.OK);
                assertThat(client.cas("key:0", versioned.getCas(), "stale")).isEqualTo(CASResponse.EXISTS);
                assertThat(client.get("key:0")).isEqualTo("changed");

                assertThat(client.incr("counter", 5, 10)).isEqualTo(10L);
                assertThat(client.incr("counter", 5)).isEqualTo(15L);
                assertThat(client.decr("counter", 20)).isZero();
                assertThat(client.touch("key:2", 100).get(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                client.shutdown(5, TimeUnit.SECONDS);
            }
        }
    }
}
