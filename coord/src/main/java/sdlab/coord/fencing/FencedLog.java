package sdlab.coord.fencing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sdlab.core.Disk;

/**
 * The fenced storage's durable form: one line per applied write, fields separated by tabs, in
 * the order applied. The highest tokens, the applied keys and the current values are all
 * recomputed from it after a restart, so they can never disagree with the data.
 *
 * <p>A crash may leave a torn last line (a prefix without its line break); reading drops it, and
 * {@link #hasTornTail} tells the node to rewrite the file before it appends after it.
 */
public final class FencedLog {
    /** The file on the node's disk. */
    public static final String FILE = "fenced-writes";

    private static final int FIELDS = 6;

    private FencedLog() {}

    /** Every complete write in {@code disk}'s log, oldest first; empty if there is none. */
    public static List<AppliedWrite> read(Disk disk) {
        return decode(disk.read(FILE).orElse(new byte[0]));
    }

    /** Whether the log ends in a partial line that a crash tore. */
    static boolean hasTornTail(Disk disk) {
        Optional<byte[]> content = disk.read(FILE);
        return content.isPresent() && content.get().length > 0 && content.get()[content.get().length - 1] != '\n';
    }

    /** The log's complete lines only, as the bytes to rewrite it with. */
    static byte[] completeLines(List<AppliedWrite> writes) {
        StringBuilder text = new StringBuilder();
        for (AppliedWrite write : writes) {
            text.append(line(write));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(AppliedWrite write) {
        return line(write).getBytes(StandardCharsets.UTF_8);
    }

    static List<AppliedWrite> decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<AppliedWrite> writes = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            String[] fields = text.substring(start, end).split("\t", -1);
            if (fields.length != FIELDS) {
                throw new IllegalStateException("the fenced log's line " + (writes.size() + 1) + " has " + fields.length
                        + " fields, not " + FIELDS + ": the file is not this node's log");
            }
            writes.add(new AppliedWrite(
                    fields[0], Long.parseLong(fields[1]), fields[2], fields[3], fields[4], Long.parseLong(fields[5])));
            start = end + 1;
        }
        return writes;
    }

    /** A string can be a field if it is there and holds no tab or line break. */
    static void requireField(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null; use \"\" for none");
        }
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must hold no tab or line break, got '" + value + "'");
        }
    }

    private static String line(AppliedWrite write) {
        return write.resource()
                + '\t'
                + write.token()
                + '\t'
                + write.idempotencyKey()
                + '\t'
                + write.value()
                + '\t'
                + write.writer()
                + '\t'
                + write.appliedAtNanos()
                + '\n';
    }
}
