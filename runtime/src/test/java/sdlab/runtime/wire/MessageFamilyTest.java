package sdlab.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.kv.quorum.QuorumMessages.ReadOk;

/**
 * The component types the quorum store does not use (enum, double, byte[], Map, nested sealed
 * interfaces, recursive records) round-trip too, and a family that uses a type the format does
 * not carry is refused when its codec is built, naming the component.
 */
class MessageFamilyTest {
    enum Color {
        RED,
        GREEN
    }

    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(int side) implements Shape {}

    record Tree(String label, List<Tree> children) {}

    sealed interface Sample permits Everything, Blob, Nested {}

    sealed interface Nested extends Sample permits Leaf {}

    record Leaf(Color color) implements Nested {}

    record Everything(
            boolean flag,
            int count,
            long id,
            double ratio,
            Color color,
            NodeId node,
            Optional<Shape> shape,
            List<Shape> shapes,
            Map<String, Long> totals,
            Tree tree,
            String maybe)
            implements Sample {}

    record Blob(byte[] bytes) implements Sample {}

    sealed interface Broken permits WithSet {}

    record WithSet(Set<String> names) implements Broken {}

    private static final MessageCodec<Sample> CODEC = MessageCodec.of(Sample.class);

    @Test
    void everySupportedComponentTypeRoundTrips() throws Exception {
        Sample sample = new Everything(
                true,
                -3,
                Long.MIN_VALUE,
                -0.0,
                Color.GREEN,
                NodeId.of("n1"),
                Optional.of(new Circle(Double.NaN)),
                List.of(new Square(4), new Circle(1.5)),
                Map.of("a", 1L, "b", 2L),
                new Tree("root", List.of(new Tree("leaf", List.of()))),
                null);

        assertThat(CODEC.decode(CODEC.encode(sample))).isEqualTo(sample);
        assertThat(CODEC.decode(CODEC.encode(new Leaf(Color.RED)))).isEqualTo(new Leaf(Color.RED));
        assertThat(CODEC.messageTypes()).containsExactlyInAnyOrder(Everything.class, Blob.class, Leaf.class);
    }

    @Test
    void generatedSamplesRoundTrip() throws Exception {
        for (long seed = 1; seed <= 50; seed++) {
            Everything sample = (Everything) new MessageGenerator(seed).record(Everything.class);
            assertThat(CODEC.decode(CODEC.encode(sample))).as("seed %d", seed).isEqualTo(sample);
        }
    }

    @Test
    void byteArraysRoundTripByContent() throws Exception {
        byte[] bytes = {0, 1, (byte) 0xff};
        Blob decoded = (Blob) CODEC.decode(CODEC.encode(new Blob(bytes)));
        assertThat(decoded.bytes()).containsExactly(bytes);
    }

    @Test
    void anEnumConstantUnknownToTheReaderIsRefused() {
        byte[] frame = CODEC.encode(new Leaf(Color.RED));
        frame[frame.length - 1] = 'X'; // "RED" becomes "REX"
        assertThatThrownBy(() -> CODEC.decode(frame))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("has no constant named 'REX'");
    }

    @Test
    void aFamilyWithAnUnsupportedComponentIsRefusedWhenItsCodecIsBuilt() {
        assertThatThrownBy(() -> MessageCodec.of(Broken.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WithSet.names")
                .hasMessageContaining("Optional, List and Map");
    }

    @Test
    void aMessageTheFormatCannotCarryIsAProgrammerErrorWhenEncoded() {
        Everything withNullElement = new Everything(
                false,
                1,
                2,
                3,
                Color.RED,
                NodeId.of("n1"),
                Optional.empty(),
                Arrays.asList(new Square(1), null),
                Map.of(),
                new Tree("t", List.of()),
                "s");

        assertThatThrownBy(() -> CODEC.encode(withNullElement))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("List<MessageFamilyTest.Shape> holds a null element");
        assertThatThrownBy(() -> MessageCodec.of(QuorumMessage.class).encode(new ReadOk(1, 2.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not java.lang.Double");
    }

    @Test
    void aRootThatIsNotASealedInterfaceIsRefused() {
        assertThatThrownBy(() -> MessageCodec.of(Circle.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a sealed interface");
    }
}
