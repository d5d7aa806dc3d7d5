package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lettuce, unchanged, as its users write it: RESP3 by default (it opens with HELLO 3),
 * transactions with WATCH, scripts by SHA with the NOSCRIPT fallback, pub/sub on its own
 * connection, and databases chosen per connection.
 */
class LettuceTest {
    @TempDir
    static Path dir;

    private static RunningServer node;
    private static RedisClient client;

    @BeforeAll
    static void start() throws Exception {
        node = RunningServer.start(dir);
        client = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(node.port())
                .withTimeout(Duration.ofSeconds(5))
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.shutdown();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aWatchedTransactionCommitsOrIsDiscardedWhenAnotherClientWrites() {
        try (StatefulRedisConnection<String, String> first = client.connect();
                StatefulRedisConnection<String, String> second = client.connect()) {
            RedisCommands<String, String> a = first.sync();
            a.set("balance", "10");
            a.watch("balance");
            int balance = Integer.parseInt(a.get("balance"));
            a.multi();
            a.set("balance", Integer.toString(balance - 3));
            a.incr("spent");
            TransactionResult committed = a.exec();
            assertThat(committed.wasDiscarded()).isFalse();
            assertThat(committed.<Long>get(1)).isEqualTo(1L);
            assertThat(a.get("balance")).isEqualTo("7");

            a.watch("balance");
            second.sync().set("balance", "100");
            a.multi();
            a.set("balance", "0");
            assertThat(a.exec().wasDiscarded()).isTrue();
            assertThat(a.get("balance")).isEqualTo("100");
        }
    }

    @Test
    void scriptsRunByShaAndAnUnknownShaIsNoscript() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String script = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
            String sha = redis.scriptLoad(script);
            assertThat(redis.digest(script)).isEqualTo(sha);
            Long value = redis.evalsha(sha, ScriptOutputType.INTEGER, new String[] {"counter"}, "5");
            assertThat(value).isEqualTo(5L);
            assertThat(redis.scriptExists(sha, "0000000000000000000000000000000000000000"))
                    .containsExactly(true, false);
            redis.scriptFlush();
            assertThatThrownBy(() -> redis.evalsha(sha, ScriptOutputType.INTEGER, new String[] {"counter"}, "5"))
                    .isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessageStartingWith("NOSCRIPT");
            List<Object> pair =
                    redis.eval("return {KEYS[1], ARGV[1]}", ScriptOutputType.MULTI, new String[] {"k"}, "v");
            assertThat(pair).containsExactly("k", "v");
        }
    }

    @Test
    void aSubscriberGetsWhatIsPublishedOnChannelsAndPatterns() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
                StatefulRedisConnection<String, String> publisher = client.connect()) {
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + "=" + message);
                }

                @Override
                public void message(String pattern, String channel, String message) {
                    received.add(pattern + ":" + channel + "=" + message);
                }
            });
            subscriber.sync().subscribe("news");
            subscriber.sync().psubscribe("sport.*");
            assertThat(publisher.sync().publish("news", "hello")).isEqualTo(1L);
            assertThat(publisher.sync().publish("sport.tennis", "ace")).isEqualTo(1L);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("news=hello");
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("sport.*:sport.tennis=ace");
            assertThat(publisher.sync().pubsubNumsub("news")).containsEntry("news", 1L);
            subscriber.sync().unsubscribe("news");
            assertThat(publisher.sync().publish("news", "gone")).isZero();
        }
    }

    @Test
    void eachConnectionKeepsTheDatabaseItSelected() {
        try (StatefulRedisConnection<String, String> zero = client.connect();
                StatefulRedisConnection<String, String> five = client.connect()) {
            five.sync().select(5);
            five.sync().set("where", "five");
            zero.sync().set("where", "zero");
            assertThat(five.sync().get("where")).isEqualTo("five");
            assertThat(zero.sync().get("where")).isEqualTo("zero");
            assertThat(zero.sync().move("where", 6)).isTrue();
            five.sync().swapdb(5, 6);
            assertThat(five.sync().get("where")).isEqualTo("zero");
        }
    }
}
