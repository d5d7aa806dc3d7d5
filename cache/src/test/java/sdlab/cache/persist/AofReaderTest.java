package sdlab.cache.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AofReaderTest {
    private static final byte[][][] COMMANDS = {
        argv("SELECT", "0"), argv("SET", "k", "v"), argv("RPUSH", "list", "a", "b", ""), argv("DEL", "k")
    };

    @Test
    void aCompleteFileReplaysEveryCommandInOrder() throws IOException {
        // A well-formed file is read to the end, command by command.
        byte[] file = encodeAll();
        List<String> seen = new ArrayList<>();
        AofLoadResult result = AofReader.read(new ByteArrayInputStream(file), a -> seen.add(join(a)));
        assertThat(result).isEqualTo(new AofLoadResult.Complete(4, file.length));
        assertThat(seen).containsExactly("SELECT 0", "SET k v", "RPUSH list a b ", "DEL k");
    }

    @Test
    void everyPossibleTornTailIsRecognisedAndCutAtTheLastCompleteCommand() throws IOException {
        // A crash may stop a write after any byte: each such prefix is a torn tail, never damage.
        byte[] file = encodeAll();
        List<Long> boundaries = boundaries();
        for (int length = 0; length < file.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(file, length);
            AofLoadResult result = AofReader.read(new ByteArrayInputStream(prefix), a -> {});
            long lastBoundary = lastBoundaryAtOrBefore(boundaries, length);
            if (boundaries.contains((long) length)) {
                assertThat(result).as("prefix %d", length).isInstanceOf(AofLoadResult.Complete.class);
            } else {
                assertThat(result)
                        .as("prefix %d", length)
                        .isEqualTo(new AofLoadResult.TruncatedTail(
                                boundaries.indexOf(lastBoundary), lastBoundary, length, false));
            }
        }
    }

    @Test
    void damageInTheMiddleIsCorruptionWithItsOffset() throws IOException {
        // A wrong byte where a command should be is damage: reported with where it is, not skipped.
        byte[] file = encodeAll();
        long secondCommand = boundaries().get(1);
        file[(int) secondCommand] = 'X';
        AofLoadResult result = AofReader.read(new ByteArrayInputStream(file), a -> {});
        assertThat(result).isInstanceOf(AofLoadResult.Corrupt.class);
        AofLoadResult.Corrupt corrupt = (AofLoadResult.Corrupt) result;
        assertThat(corrupt.commands()).isEqualTo(1);
        assertThat(corrupt.commandOffset()).isEqualTo(secondCommand);
        assertThat(corrupt.errorOffset()).isEqualTo(secondCommand);
        assertThat(corrupt.reason()).isEqualTo("expected '*', got 'X'");
    }

    @Test
    void aMissingCrlfOrBadLengthIsDamage() throws IOException {
        // Lengths that are not digits and bulk strings without their CRLF are damage too.
        String badLength = "*1\r\n$x\r\nPING\r\n";
        String noCrlf = "*1\r\n$4\r\nPINGXX*1\r\n$4\r\nPING\r\n";
        assertThat(AofReader.read(stream(badLength), a -> {})).isInstanceOf(AofLoadResult.Corrupt.class);
        assertThat(AofReader.read(stream(noCrlf), a -> {})).isInstanceOf(AofLoadResult.Corrupt.class);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] encodeAll() {
        GrowableBytes out = new GrowableBytes(64);
        for (byte[][] command : COMMANDS) {
            RespCommandWriter.write(out, command);
        }
        return out.toByteArray();
    }

    /** Offsets where a command starts, and the end of the file. */
    private static List<Long> boundaries() {
        List<Long> out = new ArrayList<>();
        long offset = 0;
        out.add(offset);
        for (byte[][] command : COMMANDS) {
            offset += RespCommandWriter.encode(command).length;
            out.add(offset);
        }
        return out;
    }

    private static long lastBoundaryAtOrBefore(List<Long> boundaries, long length) {
        long last = 0;
        for (long b : boundaries) {
            if (b <= length) {
                last = b;
            }
        }
        return last;
    }

    private static byte[][] argv(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static String join(byte[][] argv) {
        List<String> parts = new ArrayList<>();
        for (byte[] a : argv) {
            parts.add(new String(a, StandardCharsets.UTF_8));
        }
        return String.join(" ", parts);
    }
}
