package sdlab.cache.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MULTI ... EXEC blocks in the append-only file are applied whole or not at all. */
class AofTransactionBlockTest {
    private static final String BEFORE = "SET a 1";
    private static final String[] BLOCK = {"MULTI", "SET b 2", "INCR a", "EXEC"};
    private static final String AFTER = "DEL a";

    @Test
    void aCompleteBlockIsAppliedWithoutItsMultiAndExec() throws IOException {
        // The reader hands over the block's commands, in order, once the EXEC is read.
        byte[] file = encode(all());
        List<String> seen = new ArrayList<>();
        AofLoadResult result = AofReader.read(new ByteArrayInputStream(file), a -> seen.add(join(a)));
        assertThat(result).isEqualTo(new AofLoadResult.Complete(4, file.length));
        assertThat(seen).containsExactly("SET a 1", "SET b 2", "INCR a", "DEL a");
    }

    @Test
    void everyCutInsideTheBlockDropsTheWholeBlock() throws IOException {
        // A crash after any byte past MULTI, even right after a complete "INCR a": nothing of the block is applied,
        // and the valid part ends where MULTI starts. (A cut inside MULTI itself is an ordinary torn command.)
        byte[] before = encode(List.of(BEFORE));
        byte[] withBlock = encode(List.of(BEFORE, BLOCK[0], BLOCK[1], BLOCK[2], BLOCK[3]));
        int multiEnd = encode(List.of(BEFORE, BLOCK[0])).length;
        for (int length = multiEnd; length < withBlock.length; length++) {
            List<String> seen = new ArrayList<>();
            AofLoadResult result =
                    AofReader.read(new ByteArrayInputStream(Arrays.copyOf(withBlock, length)), a -> seen.add(join(a)));
            assertThat(result)
                    .as("cut at %d", length)
                    .isEqualTo(new AofLoadResult.TruncatedTail(1, before.length, length, true));
            assertThat(seen).as("cut at %d", length).containsExactly("SET a 1");
        }
        AofLoadResult whole = AofReader.read(new ByteArrayInputStream(withBlock), a -> {});
        assertThat(whole).isEqualTo(new AofLoadResult.Complete(3, withBlock.length));
    }

    @Test
    void aTornCommandAfterTheBlockKeepsTheBlock() throws IOException {
        // The torn tail is only the last, incomplete command when the block before it is complete.
        byte[] file = encode(all());
        int cut = file.length - 3;
        List<String> seen = new ArrayList<>();
        AofLoadResult result =
                AofReader.read(new ByteArrayInputStream(Arrays.copyOf(file, cut)), a -> seen.add(join(a)));
        assertThat(result).isInstanceOf(AofLoadResult.TruncatedTail.class);
        assertThat(((AofLoadResult.TruncatedTail) result).insideTransaction()).isFalse();
        assertThat(seen).containsExactly("SET a 1", "SET b 2", "INCR a");
    }

    @Test
    void aNestedMultiIsDamageAndAStrayExecIsSkipped() throws IOException {
        // Neither is ever written; a nested MULTI means the file is not ours, an EXEC alone is harmless.
        byte[] nested = encode(List.of("MULTI", "SET a 1", "MULTI", "EXEC"));
        assertThat(AofReader.read(new ByteArrayInputStream(nested), a -> {})).isInstanceOf(AofLoadResult.Corrupt.class);
        List<String> seen = new ArrayList<>();
        byte[] stray = encode(List.of("SET a 1", "EXEC", "SET b 2"));
        assertThat(AofReader.read(new ByteArrayInputStream(stray), a -> seen.add(join(a))))
                .isEqualTo(new AofLoadResult.Complete(2, stray.length));
        assertThat(seen).containsExactly("SET a 1", "SET b 2");
    }

    private static List<String> all() {
        List<String> commands = new ArrayList<>();
        commands.add(BEFORE);
        commands.addAll(List.of(BLOCK));
        commands.add(AFTER);
        return commands;
    }

    private static byte[] encode(List<String> commands) {
        StringBuilder out = new StringBuilder();
        for (String command : commands) {
            String[] args = command.split(" ");
            out.append('*').append(args.length).append("\r\n");
            for (String arg : args) {
                out.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String join(byte[][] argv) {
        List<String> parts = new ArrayList<>();
        for (byte[] arg : argv) {
            parts.add(new String(arg, StandardCharsets.UTF_8));
        }
        return String.join(" ", parts);
    }
}
