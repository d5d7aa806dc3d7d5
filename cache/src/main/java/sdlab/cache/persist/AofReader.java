package sdlab.cache.persist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an append-only file of RESP commands and tells a torn tail from damage.
 *
 * <p>A crash in the middle of an append leaves a prefix of the last command: the file simply
 * ends early. That is a {@link AofLoadResult.TruncatedTail}, safe to cut off. Anything else that
 * is not a well-formed command (a wrong type byte, a bad length, a missing CRLF) means the file
 * was damaged, and every command after the damage would be lost by skipping it: that is
 * {@link AofLoadResult.Corrupt}, with the offset, for a person to look at. This is the
 * distinction Redis makes between {@code aof-load-truncated} and "Bad file format".
 *
 * <p>A transaction is logged as a {@code MULTI ... EXEC} block and applied whole: its commands
 * are held back until the EXEC is read. A file that ends inside a block, torn or not, lost the
 * end of that transaction, so the whole block is dropped and counts as the torn tail (Redis's
 * "Revert incomplete MULTI/EXEC transaction"). An EXEC outside a block is skipped, as Redis's
 * loader ignores the error it causes.
 */
public final class AofReader {
    /** Redis's {@code proto-max-bulk-len}. */
    public static final long BULK_BYTES_MAX = 512L * 1024 * 1024;
    /** Redis's limit on the number of arguments of one command. */
    public static final long ARGS_MAX = 1024 * 1024;

    private static final int EOF = -1;
    private static final int DIGITS_MAX = 19;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long offset;

    private AofReader(InputStream in) {
        this.in = in;
    }

    /** Reads every complete command from {@code in}, in order, handing each to {@code onCommand}. */
    public static AofLoadResult read(InputStream in, Consumer<byte[][]> onCommand) throws IOException {
        return new AofReader(in).readAll(onCommand);
    }

    private AofLoadResult readAll(Consumer<byte[][]> onCommand) throws IOException {
        long commands = 0;
        List<byte[][]> block = null;
        long blockStart = 0;
        while (true) {
            long start = offset;
            try {
                byte[][] argv = readCommand();
                if (argv == null) {
                    if (block != null) {
                        return new AofLoadResult.TruncatedTail(commands, blockStart, offset, true);
                    }
                    return new AofLoadResult.Complete(commands, offset);
                }
                if (isCommand(argv, "MULTI")) {
                    if (block != null) {
                        throw new Damage(start, "MULTI inside a MULTI block");
                    }
                    block = new ArrayList<>();
                    blockStart = start;
                } else if (isCommand(argv, "EXEC")) {
                    if (block != null) {
                        block.forEach(onCommand);
                        commands += block.size();
                        block = null;
                    }
                } else if (block != null) {
                    block.add(argv);
                } else {
                    onCommand.accept(argv);
                    commands++;
                }
            } catch (Torn torn) {
                long fileBytes = offset + drainRemaining();
                return block != null
                        ? new AofLoadResult.TruncatedTail(commands, blockStart, fileBytes, true)
                        : new AofLoadResult.TruncatedTail(commands, start, fileBytes, false);
            } catch (Damage damage) {
                long commandOffset = block != null ? blockStart : start;
                return new AofLoadResult.Corrupt(commands, commandOffset, damage.offset, damage.getMessage());
            }
        }
    }

    private static boolean isCommand(byte[][] argv, String name) {
        return argv.length == 1 && new String(argv[0], StandardCharsets.US_ASCII).equalsIgnoreCase(name);
    }

    /** The next command, or null at a clean end of file. */
    private byte[][] readCommand() throws IOException, Torn, Damage {
        int first = next();
        if (first == EOF) {
            return null;
        }
        if (first != '*') {
            throw new Damage(offset - 1, "expected '*', got " + describe(first));
        }
        long count = readNumber();
        if (count < 1 || count > ARGS_MAX) {
            throw new Damage(offset, "invalid argument count " + count);
        }
        byte[][] argv = new byte[(int) count][];
        for (int i = 0; i < count; i++) {
            int marker = nextOrTorn();
            if (marker != '$') {
                throw new Damage(offset - 1, "expected '$', got " + describe(marker));
            }
            long length = readNumber();
            if (length < 0 || length > BULK_BYTES_MAX) {
                throw new Damage(offset, "invalid bulk length " + length);
            }
            argv[i] = readBytes((int) length);
            expectCrlf();
        }
        return argv;
    }

    /** Digits up to CRLF. */
    private long readNumber() throws IOException, Torn, Damage {
        long value = 0;
        int digits = 0;
        while (true) {
            int b = nextOrTorn();
            if (b == '\r') {
                if (nextOrTorn() != '\n') {
                    throw new Damage(offset - 1, "expected LF after CR");
                }
                if (digits == 0) {
                    throw new Damage(offset, "missing number");
                }
                return value;
            }
            if (b < '0' || b > '9' || ++digits > DIGITS_MAX) {
                throw new Damage(offset - 1, "expected a digit, got " + describe(b));
            }
            value = value * 10 + (b - '0');
        }
    }

    private byte[] readBytes(int length) throws IOException, Torn {
        byte[] out = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (position == limit && !fill()) {
                throw new Torn();
            }
            int n = Math.min(length - filled, limit - position);
            System.arraycopy(buffer, position, out, filled, n);
            position += n;
            offset += n;
            filled += n;
        }
        return out;
    }

    private void expectCrlf() throws IOException, Torn, Damage {
        if (nextOrTorn() != '\r' || nextOrTorn() != '\n') {
            throw new Damage(offset - 1, "expected CRLF after the bulk string");
        }
    }

    private int nextOrTorn() throws IOException, Torn {
        int b = next();
        if (b == EOF) {
            throw new Torn();
        }
        return b;
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        offset++;
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private long drainRemaining() throws IOException {
        long remaining = limit - position;
        position = limit;
        long n;
        while ((n = in.read(buffer, 0, buffer.length)) > 0) {
            remaining += n;
        }
        return remaining;
    }

    private static String describe(int b) {
        return b >= ' ' && b < 127 ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    /** The file ended inside a command. */
    private static final class Torn extends Exception {
        private static final long serialVersionUID = 1L;

        Torn() {
            super(null, null, false, false);
        }
    }

    /** The file holds something that is not a command. */
    private static final class Damage extends Exception {
        private static final long serialVersionUID = 1L;
        private final long offset;

        Damage(long offset, String reason) {
            super(reason, null, false, false);
            this.offset = offset;
        }
    }
}
