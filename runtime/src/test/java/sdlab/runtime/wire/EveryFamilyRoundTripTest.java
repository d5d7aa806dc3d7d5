package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.runtime.host.ControlMessages.Control;
import sdlab.runtime.host.ControlMessages.FaultsSet;
import sdlab.runtime.host.ControlMessages.SetFaults;
import sdlab.runtime.host.ControlMessages.Status;
import sdlab.runtime.host.ControlMessages.StatusRequest;
import sdlab.runtime.net.Handshake;
import sdlab.runtime.net.NetworkFaults;

/**
 * Every message type of every family that travels between real processes survives the wire:
 * the quorum store's and Raft's node messages and the handshake, each record below each root
 * (found apart from the codec) generated from seeds; and the operators' control messages, built
 * by hand, since their faults accept only rates between 0 and 1.
 */
class EveryFamilyRoundTripTest {
    /** Families whose records accept any generated value of their component types. */
    private static final List<Class<?>> FAMILIES = List.of(QuorumMessage.class, RaftMessage.class, Handshake.class);

    private static final int SEEDS_PER_TYPE = 10;

    static Stream<Arguments> everyTypeOfEveryFamily() {
        return FAMILIES.stream().flatMap(family -> MessageGenerator.recordsBelow(family).stream()
                .flatMap(type -> Stream.iterate(1L, seed -> seed + 1)
                        .limit(SEEDS_PER_TYPE)
                        .map(seed -> Arguments.of(family.getSimpleName(), type.getSimpleName(), family, type, seed))));
    }

    @ParameterizedTest(name = "{0}: {1} seed {4}")
    @MethodSource("everyTypeOfEveryFamily")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void decodesToAnEqualMessage(String familyName, String typeName, Class<?> family, Class<?> type, long seed)
            throws Exception {
        MessageCodec codec = MessageCodec.of(family);
        Object message = validMessage(type, seed);

        assertThat(codec.decode(codec.encode(message))).as("seed %d", seed).isEqualTo(message);
        assertThat(codec.messageTypes()).contains(type);
    }

    @org.junit.jupiter.api.Test
    void everyControlMessageDecodesToAnEqualMessage() throws Exception {
        MessageCodec<Control> codec = MessageCodec.of(Control.class);
        NetworkFaults faults =
                new NetworkFaults(List.of(NodeId.of("n2")), List.of(NodeId.of("n2"), NodeId.of("n3")), 150, 0.25);
        List<Control> messages = List.of(
                new StatusRequest(1),
                new SetFaults(2, faults),
                new SetFaults(3, NetworkFaults.NONE),
                new FaultsSet(4),
                new Status(
                        5,
                        "n1",
                        4242,
                        true,
                        61_000,
                        List.of("n2", "n3"),
                        faults,
                        10,
                        20,
                        Map.of("n2", 7L, "c1", 13L),
                        3,
                        true));

        for (Control message : messages) {
            assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
        }
        assertThat(codec.messageTypes())
                .containsExactlyInAnyOrderElementsOf(MessageGenerator.recordsBelow(Control.class));
    }

    /**
     * A generated message its record accepts: the generator draws values of every kind the wire
     * carries, and some records refuse some (Raft stores no booleans), so draws that a record's
     * own checks refuse are skipped.
     */
    private static Object validMessage(Class<?> type, long seed) {
        AssertionError refused = null;
        for (long draw = 0; draw < 100; draw++) {
            try {
                return new MessageGenerator(seed * 1_000 + draw).record(type);
            } catch (AssertionError e) {
                refused = e;
            }
        }
        throw refused;
    }
}
