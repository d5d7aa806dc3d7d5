package sdlab.bench.check;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A long register history with little concurrency, the shape of a long Jepsen run: a few
 * processes, each invoking its next operation soon after its last one completed, so that at most
 * {@code processes} operations overlap. Written as Jepsen's {@code history.edn} (a vector of maps
 * with {@code :index} and {@code :time}), so that other checkers can read the same file.
 *
 * <p>Valid by construction: every operation takes effect at its invocation (writes set the
 * register to a fresh value, reads return what it holds then). The invalid variant appends one
 * read, after everything else completed, of a value never written: the violation is at the very
 * end, so a checker must get through the whole history to find it.
 *
 * @param operations how many operations (the file has twice as many entries)
 * @param processes how many client processes
 * @param withViolation whether the last operation reads a value never written
 * @param seed the generator's seed: the same seed writes the same file
 */
public record LongHistory(int operations, int processes, boolean withViolation, long seed) {
    /** Reads outnumber writes, as in Jepsen's register workloads. */
    private static final double WRITE_SHARE = 0.4;

    public LongHistory {
        assert operations >= 1 && processes >= 1;
    }

    /** A name for the file: {@code register-100000-valid.edn}. */
    public String fileName() {
        return "register-" + operations + "-" + (withViolation ? "invalid" : "valid") + ".edn";
    }

    /** Writes the history to {@code file}. */
    public void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new Writer(out).run();
        }
    }

    /** The generator's state while it writes: one register, one pending operation per process at most. */
    private final class Writer {
        private final BufferedWriter out;
        private final SplittableRandom random = new SplittableRandom(seed);
        private final String[] pending = new String[processes];
        private final long[] pendingValue = new long[processes];
        private long register = -1; // -1 is nil
        private long nextValue;
        private long index;
        private int invoked;

        Writer(BufferedWriter out) {
            this.out = out;
        }

        void run() throws IOException {
            out.write("[");
            int ordinary = withViolation ? operations - 1 : operations;
            while (invoked < ordinary || anyPending()) {
                int p = random.nextInt(processes);
                if (pending[p] != null) {
                    complete(p);
                } else if (invoked < ordinary) {
                    invoke(p);
                }
            }
            if (withViolation) {
                entry(0, "invoke", "read", "nil");
                entry(0, "ok", "read", Long.toString(nextValue + 1_000_000));
            }
            out.write("]\n");
        }

        private void invoke(int p) throws IOException {
            invoked++;
            if (random.nextDouble() < WRITE_SHARE) {
                register = nextValue++;
                pending[p] = "write";
                pendingValue[p] = register;
                entry(p, "invoke", "write", Long.toString(register));
            } else {
                pending[p] = "read";
                pendingValue[p] = register;
                entry(p, "invoke", "read", "nil");
            }
        }

        private void complete(int p) throws IOException {
            entry(p, "ok", pending[p], pendingValue[p] < 0 ? "nil" : Long.toString(pendingValue[p]));
            pending[p] = null;
        }

        private boolean anyPending() {
            for (String f : pending) {
                if (f != null) {
                    return true;
                }
            }
            return false;
        }

        private void entry(int p, String type, String f, String value) throws IOException {
            out.write(index == 0 ? "{" : "\n {");
            out.write(":type :" + type + ", :f :" + f + ", :value " + value + ", :time " + index * 1000 + ", :process "
                    + p + ", :index " + index + "}");
            index++;
        }
    }
}
