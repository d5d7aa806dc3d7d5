package sdlab.resp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The door's request decoder reads what redis-cli and client libraries send (RESP arrays, also pipelined and split
 * across packets) and what people type (inline commands), and turns input that breaks the protocol into one error
 * with Redis's wording, after which it reads nothing more.
 */
class RespRequestDecoderTest {
    private static final int BULK_BYTES_MAX = 16 * 1024;

    @Test
    void readsArraysInlineCommandsAndPipelines() {
        List<RespRequest> requests =
                decode("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nvalue\r\nGET k\r\n*1\r\n$4\r\nPING\r\n");

        assertThat(requests)
                .containsExactly(
                        new RespRequest.Command(List.of("SET", "k", "value")),
                        new RespRequest.Command(List.of("GET", "k")),
                        new RespRequest.Command(List.of("PING")));
    }

    @Test
    void aRequestSplitAcrossPacketsIsReadOnceWhole() {
        EmbeddedChannel channel = new EmbeddedChannel(new RespRequestDecoder(BULK_BYTES_MAX));
        String request = "*2\r\n$3\r\nGET\r\n$10\r\n0123456789\r\n";
        for (int i = 0; i < request.length(); i++) {
            channel.writeInbound(Unpooled.copiedBuffer(request.substring(i, i + 1), StandardCharsets.UTF_8));
        }

        assertThat(drain(channel)).containsExactly(new RespRequest.Command(List.of("GET", "0123456789")));
    }

    @Test
    void emptyLinesAreIgnoredAsRedisDoes() {
        assertThat(decode("\r\n\r\nPING\r\n")).containsExactly(new RespRequest.Command(List.of("PING")));
    }

    static List<Arguments> malformedInputs() {
        return List.of(
                Arguments.of("*x\r\n", "invalid multibulk length"),
                Arguments.of("*1\r\n+GET\r\n", "expected '$', got '+'"),
                Arguments.of("*1\r\n$-3\r\n", "invalid bulk length"),
                Arguments.of("*1\r\n$abc\r\n", "invalid bulk length"),
                Arguments.of("*1\r\n$99999\r\n", "bulk length 99999 above this door's limit of 16384 bytes"),
                Arguments.of("*2000\r\n", "invalid multibulk length (this door takes at most 1024 arguments)"),
                Arguments.of("*1\r\n$3\r\nGETXX\r\n", "a bulk string of 3 bytes must end with CR LF"),
                Arguments.of("SET \"a b\" c\r\n", "quoted inline arguments are not supported here; send a RESP array"));
    }

    @ParameterizedTest
    @MethodSource("malformedInputs")
    void malformedInputBecomesOneProtocolErrorAndNothingAfterIt(String input, String reason) {
        List<RespRequest> requests = decode(input + "PING\r\n");

        assertThat(requests).containsExactly(new RespRequest.Malformed(reason));
    }

    @Test
    void anEndlessLineIsCutOffAtTheBound() {
        String line = "x".repeat(RespRequestDecoder.LINE_BYTES_MAX + 1);

        assertThat(decode(line)).containsExactly(new RespRequest.Malformed("too big inline request"));
    }

    private static List<RespRequest> decode(String input) {
        EmbeddedChannel channel = new EmbeddedChannel(new RespRequestDecoder(BULK_BYTES_MAX));
        channel.writeInbound(Unpooled.copiedBuffer(input, StandardCharsets.UTF_8));
        return drain(channel);
    }

    private static List<RespRequest> drain(EmbeddedChannel channel) {
        List<RespRequest> requests = new ArrayList<>();
        for (Object next = channel.readInbound(); next != null; next = channel.readInbound()) {
            requests.add((RespRequest) next);
        }
        return requests;
    }
}
