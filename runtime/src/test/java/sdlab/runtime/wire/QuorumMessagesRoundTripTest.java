package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.kv.quorum.LwwTimestamp;
import sdlab.kv.quorum.QuorumMessages.HandoffAck;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.kv.quorum.QuorumMessages.ReadOk;
import sdlab.kv.quorum.QuorumMessages.ReadReply;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.Versioned;

/**
 * Every message of the quorum store survives the wire: a generated instance of each record
 * below {@code QuorumMessage}, found by walking the sealed hierarchy apart from the codec, is
 * encoded and decoded back to an equal value. A new message type joins these tests by itself,
 * and fails them if the codec cannot carry it.
 *
 * <p>Chapter messages (chapters-kv, -traffic, -cache) are not covered here: chapters depend on
 * {@code lab}, and the runtime must not depend on them.
 */
class QuorumMessagesRoundTripTest {
    private static final MessageCodec<QuorumMessage> CODEC = MessageCodec.of(QuorumMessage.class);
    private static final int SEEDS_PER_TYPE = 20;

    static Stream<Arguments> everyMessageTypeAndSeed() {
        return MessageGenerator.recordsBelow(QuorumMessage.class).stream()
                .flatMap(type -> Stream.iterate(1L, seed -> seed + 1)
                        .limit(SEEDS_PER_TYPE)
                        .map(seed -> Arguments.of(type.getSimpleName(), type, seed)));
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("everyMessageTypeAndSeed")
    void everyMessageTypeDecodesToAnEqualMessage(String name, Class<?> type, long seed) throws Exception {
        QuorumMessage message = (QuorumMessage) new MessageGenerator(seed).record(type);

        QuorumMessage decoded = CODEC.decode(CODEC.encode(message));

        assertThat(decoded).as("seed %d", seed).isEqualTo(message);
    }

    @Test
    void theCodecKnowsExactlyTheRecordsOfTheSealedHierarchy() {
        assertThat(CODEC.messageTypes())
                .containsExactlyInAnyOrderElementsOf(MessageGenerator.recordsBelow(QuorumMessage.class))
                .contains(HandoffAck.class);
    }

    @Test
    void absentValuesSurviveTheWire() throws Exception {
        OpId op = new OpId(3, 4);
        List<QuorumMessage> messages = List.of(
                new Write(1, "k", null),
                new ReadOk(2, null),
                new ReadReply(op, Optional.empty(), false),
                new ReadReply(op, Optional.of(new Versioned(null, new LwwTimestamp(-5, "n1"))), true),
                new ReadOk(3, Arrays.asList(null, 1L, List.of("a", 2), true)));

        for (QuorumMessage message : messages) {
            assertThat(CODEC.decode(CODEC.encode(message))).isEqualTo(message);
        }
    }
}
