package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.kv.causal.CausalMessages.CausalMessage;
import sdlab.kv.causal.CausalMessages.Get;
import sdlab.kv.causal.CausalMessages.GetOk;
import sdlab.kv.causal.CausalMessages.Put;
import sdlab.kv.causal.CausalMessages.PutOk;
import sdlab.kv.causal.CausalMessages.Refused;
import sdlab.kv.causal.CausalMessages.Replicate;
import sdlab.kv.causal.CausalMessages.ReplicateAck;
import sdlab.kv.causal.CausalWrite;
import sdlab.kv.causal.Context;
import sdlab.kv.causal.Version;
import sdlab.runtime.wire.MessageCodec;

/**
 * The causal store's messages cross the real runtime's codec as they are (no wire twin): each type, with an empty
 * context and with one of several dependencies, text and number values and the nil of a key never written, encodes and
 * decodes to an equal message; and the codec knows no type of the family that this test leaves out.
 */
class CausalWireRoundTripTest {
    private static final MessageCodec<CausalMessage> CODEC = MessageCodec.of(CausalMessage.class);
    private static final Version X1 = new Version(1, "n1", 1);
    private static final Version Y4 = new Version(4, "n2", 2);
    /** A client that wrote x, then read a concurrent x and a y: its next write depends on all three. */
    private static final Context SEVERAL =
            Context.afterWrite("x", X1).afterRead("y", Y4).afterRead("x", new Version(3, "n3", 1));

    static Stream<CausalMessage> messages() {
        return Stream.of(
                new Put(1, "x", 42L, Context.EMPTY),
                new Put(2, "y", "text", SEVERAL),
                new Put(3, "", null, SEVERAL),
                new Get(4, "x", Context.EMPTY),
                new Get(5, "y", SEVERAL),
                new PutOk(6, Y4),
                new GetOk(7, "text", X1),
                new GetOk(8, 7L, Y4),
                new GetOk(9, null, null),
                new Refused(10, "context not applied in time"),
                new Replicate(new CausalWrite("x", 42L, X1, Context.EMPTY)),
                new Replicate(new CausalWrite("y", "text", new Version(9, "n3", 3), SEVERAL)),
                new ReplicateAck(Y4));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageComesBackAsItWas(CausalMessage message) throws Exception {
        assertThat(CODEC.decode(CODEC.encode(message))).isEqualTo(message);
    }

    @Test
    void theTestCoversEveryTypeTheCodecCarries() {
        List<Class<?>> tested =
                messages().<Class<?>>map(CausalMessage::getClass).distinct().toList();

        assertThat(CODEC.messageTypes()).containsExactlyInAnyOrderElementsOf(tested);
        assertThat(SEVERAL.size()).isEqualTo(3);
    }
}
