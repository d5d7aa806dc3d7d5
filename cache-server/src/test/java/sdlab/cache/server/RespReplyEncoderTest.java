package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.cache.BulkStrings;
import sdlab.cache.Reply;

class RespReplyEncoderTest {
    private static String encode(Reply reply, int protocol) {
        ByteBuf out = Unpooled.buffer(4);
        RespReplyEncoder.encode(reply, protocol, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String bulkText(int length) {
        char[] text = new char[length];
        Arrays.fill(text, 'x');
        return new String(text);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 9, 10, 99, 100, 1023, 1024, 1025, 70_000})
    void aBulkStringIsItsLengthLineThenItsBytesWhateverItsLength(int length) {
        // Short bulks use pre-encoded headers and long ones are written digit by digit: both must frame alike, and the
        // buffer must grow as needed from a tiny start.
        String text = bulkText(length);
        assertThat(encode(new Reply.Bulk(text.getBytes(StandardCharsets.ISO_8859_1)), 2))
                .isEqualTo("$" + length + "\r\n" + text + "\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 600, 1023, 1024, 2000})
    void anArrayIsItsCountLineThenEachElement(int count) {
        // LRANGE's shape: many short bulks under one header.
        List<Reply> items = new ArrayList<>();
        StringBuilder expected = new StringBuilder("*" + count + "\r\n");
        for (int i = 0; i < count; i++) {
            String value = "v" + i;
            items.add(new Reply.Bulk(value.getBytes(StandardCharsets.US_ASCII)));
            expected.append('$')
                    .append(value.length())
                    .append("\r\n")
                    .append(value)
                    .append("\r\n");
        }
        assertThat(encode(new Reply.Array(items), 2)).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 600, 1023, 1024, 2000})
    void anArrayOfBareStringsIsFramedExactlyAsTheSameArrayOfBulkReplies(int count) {
        // LRANGE answers with BulkStrings, which the encoder writes from the byte arrays directly: the bytes on the
        // wire must be those of the general path, whatever the lengths (short ones use pre-encoded headers).
        byte[][] strings = new byte[count][];
        List<Reply> bulks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            strings[i] = bulkText(i % 3 == 0 ? i : 1500 + i).getBytes(StandardCharsets.US_ASCII);
            bulks.add(new Reply.Bulk(strings[i]));
        }
        for (int protocol = 2; protocol <= 3; protocol++) {
            assertThat(encode(BulkStrings.reply(strings), protocol))
                    .isEqualTo(encode(new Reply.Array(bulks), protocol));
        }
        assertThat(BulkStrings.reply(strings).items()).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 9, 10, 255, 256, 999, 1000, 123_456_789, -1, -10, -256, Long.MAX_VALUE, Long.MIN_VALUE})
    void anIntegerIsItsDecimalDigits(long value) {
        assertThat(encode(new Reply.Int(value), 2)).isEqualTo(":" + value + "\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void setsAndPushesKeepTheirOwnTypeByteUnderResp3AndBecomeArraysUnderResp2(int protocol) {
        // Only array headers are pre-encoded: a RESP3 set must still start with '~' and a push with '>'.
        List<Reply> two = List.of(new Reply.Bulk(new byte[] {'a'}), new Reply.Bulk(new byte[] {'b'}));
        String elements = "$1\r\na\r\n$1\r\nb\r\n";
        assertThat(encode(new Reply.Set(two), protocol)).isEqualTo((protocol == 3 ? "~2\r\n" : "*2\r\n") + elements);
        assertThat(encode(new Reply.Push(two), protocol)).isEqualTo((protocol == 3 ? ">2\r\n" : "*2\r\n") + elements);
    }
}
