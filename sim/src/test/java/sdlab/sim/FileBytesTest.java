package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBytesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void appendsOfAnySizeReadBackInOrder(long seed) {
        // Appends smaller than, equal to and larger than a chunk, whole and partial, across
        // chunk boundaries: the file reads back as the bytes appended, and so does a copy.
        SplittableRandom random = new SplittableRandom(seed);
        byte[] start = bytes(random, random.nextInt(100));
        FileBytes file = FileBytes.of(start);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(start);
        for (int i = 0; i < 300; i++) {
            byte[] more = bytes(random, random.nextInt(random.nextBoolean() ? 50 : 20_000));
            int count = random.nextInt(more.length + 1);
            file.append(more, count);
            expected.write(more, 0, count);
        }
        FileBytes copy = file.copy();
        file.append(new byte[] {1}, 1);

        assertThat(copy.toArray()).isEqualTo(expected.toByteArray());
        assertThat(copy.length()).isEqualTo(expected.size());
        assertThat(file.length()).isEqualTo(expected.size() + 1);
    }

    private static byte[] bytes(SplittableRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
