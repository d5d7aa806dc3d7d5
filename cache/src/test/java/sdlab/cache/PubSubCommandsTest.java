package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pub/sub in the engine: subscription events, delivery to channel and pattern subscribers, subscribed mode. */
class PubSubCommandsTest {
    private final EngineFixture f = new EngineFixture();
    private final ClientSession listener = f.engine.newSession();
    private final List<String> received = new ArrayList<>();

    PubSubCommandsTest() {
        listener.setPushSink(reply -> received.add(Replies.text(reply)));
    }

    private String byListener(String command) {
        String[] words = command.split(" ");
        byte[][] argv = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            argv[i] = words[i].getBytes(StandardCharsets.UTF_8);
        }
        return Replies.text(f.engine.execute(listener, argv));
    }

    @Test
    void eachSubscriptionIsAnsweredWithItsOwnEventAndRunningCount() {
        // SUBSCRIBE a b: two events, counts 1 and 2; a pattern adds to the same count.
        assertThat(byListener("SUBSCRIBE a b"))
                .isEqualTo(">[\"subscribe\", \"a\", (integer) 1] >[\"subscribe\", \"b\", (integer) 2]");
        assertThat(byListener("PSUBSCRIBE news.*")).isEqualTo(">[\"psubscribe\", \"news.*\", (integer) 3]");
        assertThat(byListener("UNSUBSCRIBE a")).isEqualTo(">[\"unsubscribe\", \"a\", (integer) 2]");
        assertThat(byListener("UNSUBSCRIBE")).isEqualTo(">[\"unsubscribe\", \"b\", (integer) 1]");
        assertThat(byListener("PUNSUBSCRIBE")).isEqualTo(">[\"punsubscribe\", \"news.*\", (integer) 0]");
        assertThat(byListener("UNSUBSCRIBE")).isEqualTo(">[\"unsubscribe\", (nil), (integer) 0]");
    }

    @Test
    void publishReachesChannelAndPatternSubscribersAndCountsThem() {
        // One client on the channel and on a matching pattern gets the message twice, as in Redis.
        byListener("SUBSCRIBE news.tech");
        byListener("PSUBSCRIBE news.*");
        assertThat(f.run("PUBLISH news.tech hello")).isEqualTo("(integer) 2");
        assertThat(received)
                .containsExactly(
                        ">[\"message\", \"news.tech\", \"hello\"]",
                        ">[\"pmessage\", \"news.*\", \"news.tech\", \"hello\"]");
        assertThat(f.run("PUBLISH sports x")).isEqualTo("(integer) 0");
        assertThat(f.run("PUBSUB CHANNELS")).isEqualTo("[\"news.tech\"]");
        assertThat(f.run("PUBSUB NUMSUB news.tech other"))
                .isEqualTo("[\"news.tech\", (integer) 1, \"other\", (integer) 0]");
        assertThat(f.run("PUBSUB NUMPAT")).isEqualTo("(integer) 1");
    }

    @Test
    void aResp2ClientInSubscribedModeMayOnlySubscribePingAndQuit() {
        // Redis's rule for RESP2, whose replies could not be told from messages otherwise.
        byListener("SUBSCRIBE a");
        assertThat(byListener("GET k"))
                .isEqualTo("(error) ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT"
                        + " / RESET are allowed in this context");
        assertThat(byListener("PING")).isEqualTo("[\"pong\", \"\"]");
        byListener("UNSUBSCRIBE");
        assertThat(byListener("GET k")).isEqualTo("(nil)");
    }

    @Test
    void aResp3ClientMayRunAnyCommandWhileSubscribed() {
        // RESP3 tells pushes from replies, so there is no subscribed mode.
        byListener("HELLO 3");
        byListener("SUBSCRIBE a");
        assertThat(byListener("GET k")).isEqualTo("(nil)");
        assertThat(byListener("PING")).isEqualTo("PONG");
    }

    @Test
    void aClosedSessionReceivesNothingMore() {
        // The server calls closeSession when the socket goes away: subscriptions go with it.
        byListener("SUBSCRIBE a");
        f.engine.closeSession(listener);
        assertThat(f.run("PUBLISH a x")).isEqualTo("(integer) 0");
        assertThat(received).isEmpty();
        assertThat(f.run("PUBSUB CHANNELS")).isEqualTo("[]");
    }
}
