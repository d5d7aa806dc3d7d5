package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sdlab.cache.memcached.Item;

/** Numbers are written as digits without a String: they must read as Long.toUnsignedString writes them. */
class MemcachedRepliesTest {
    @Test
    void unsignedNumbersAreWrittenAsLongToUnsignedStringWritesThem() {
        // Every power of ten and its neighbours, the unsigned extremes, and random values.
        SplittableRandom random = new SplittableRandom(11);
        long[] values = new long[200];
        int n = 0;
        for (long power = 1; n < 57; power *= 10) {
            values[n++] = power - 1;
            values[n++] = power;
            values[n++] = power + 1;
        }
        values[n++] = Long.MAX_VALUE;
        values[n++] = Long.MIN_VALUE;
        values[n++] = -1;
        values[n++] = Long.parseUnsignedLong("10000000000000000000");
        values[n++] = Long.parseUnsignedLong("9999999999999999999");
        while (n < values.length) {
            values[n++] = random.nextLong() >>> random.nextInt(64);
        }
        for (long value : values) {
            String expected = Long.toUnsignedString(value);
            ByteBuf out = Unpooled.buffer();
            MemcachedReplies.decimal(out, value);
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(expected);
            assertThat(MemcachedReplies.digits(value)).isEqualTo(expected.length());
            byte[] array = new byte[24];
            int end = MemcachedReplies.putDecimal(array, 2, value);
            assertThat(new String(array, 2, end - 2, StandardCharsets.US_ASCII)).isEqualTo(expected);
        }
    }

    @Test
    void aValueHeaderIsMemcachedsLine() {
        // VALUE <key> <flags> <bytes> [<cas>], the key's bytes as they came.
        byte[] header = new byte[MemcachedReplies.VALUE_HEADER_BYTES_MAX];
        byte[] key = "xx\u0010key".getBytes(StandardCharsets.ISO_8859_1);
        Item item = new Item(new byte[64], 4294967295L, 0, Long.MAX_VALUE, 0);

        int length = MemcachedReplies.valueHeader(header, key, 2, 4, item, true);

        assertThat(new String(header, 0, length, StandardCharsets.ISO_8859_1))
                .isEqualTo("VALUE \u0010key 4294967295 64 9223372036854775807\r\n");
    }
}
