package sdlab.kv.causal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sdlab.core.Disk;

/**
 * A replica's write-ahead log on its disk: every write it applies, local or replicated, appended
 * before it becomes visible and made durable by a sync. A restarted replica replays it to rebuild
 * its store, its Lamport clock and the writes it still owes the others.
 *
 * <p>Each record is a length and then the write; a torn tail (an append cut short by a crash) is
 * recognised by a length running past the end, dropped, and cut from the file on recovery.
 *
 * <p>Format 2 (this one) writes each version's origin sequence number after its timestamp and
 * origin, and lives in its own file. A format-1 log ({@value #FORMAT_1_FILE}, from before sequence
 * numbers) cannot be read into it: its replicated writes do not say their origins' numbers, so a
 * replica that finds one refuses to start rather than guess, and says how to start afresh.
 */
final class CausalLog {
    static final String FILE = "causal.v2.log";
    static final String FORMAT_1_FILE = "causal.log";

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte STRING = 2;

    private CausalLog() {}

    static void append(Disk disk, CausalWrite write) {
        disk.append(FILE, frame(write));
    }

    /** The intact writes on {@code disk}, in log order; the file is cut back to them. */
    static List<CausalWrite> recover(Disk disk) {
        if (disk.read(FORMAT_1_FILE).isPresent()) {
            throw new IllegalStateException("this replica's disk holds " + FORMAT_1_FILE + ", a causal-store log from"
                    + " before per-origin sequence numbers, which this version cannot recover from; start the cluster"
                    + " afresh (sdlab cluster start causal --fresh)");
        }
        byte[] bytes = disk.read(FILE).orElse(new byte[0]);
        List<CausalWrite> writes = new ArrayList<>();
        int intactBytes = decode(bytes, writes);
        if (intactBytes < bytes.length) {
            disk.write(FILE, Arrays.copyOf(bytes, intactBytes));
        }
        return writes;
    }

    /** Decodes records into {@code writes} and returns how many bytes they took. */
    static int decode(byte[] bytes, List<CausalWrite> writes) {
        int offset = 0;
        while (bytes.length - offset >= Integer.BYTES) {
            int length = ((bytes[offset] & 0xff) << 24)
                    | ((bytes[offset + 1] & 0xff) << 16)
                    | ((bytes[offset + 2] & 0xff) << 8)
                    | (bytes[offset + 3] & 0xff);
            if (length < 0 || length > bytes.length - offset - Integer.BYTES) {
                break; // a torn tail
            }
            DataInputStream record =
                    new DataInputStream(new ByteArrayInputStream(bytes, offset + Integer.BYTES, length));
            writes.add(read(record));
            if (available(record) != 0) {
                throw new IllegalStateException("a log record held more than one write: the log is corrupt");
            }
            offset += Integer.BYTES + length;
        }
        return offset;
    }

    static byte[] frame(CausalWrite write) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeUTF(write.key());
            writeValue(out, write.value());
            writeVersion(out, write.version());
            out.writeInt(write.dependencies().size());
            for (Dependency dependency : write.dependencies().dependencies()) {
                out.writeUTF(dependency.key());
                writeVersion(out, dependency.version());
            }
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            new DataOutputStream(framed).writeInt(body.size());
            body.writeTo(framed);
            return framed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private static CausalWrite read(DataInputStream in) {
        try {
            String key = in.readUTF();
            Object value = readValue(in);
            Version version = readVersion(in);
            int count = in.readInt();
            List<Dependency> dependencies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                dependencies.add(new Dependency(in.readUTF(), readVersion(in)));
            }
            return new CausalWrite(key, value, version, new Context(dependencies));
        } catch (IOException e) {
            throw new IllegalStateException("a complete log record did not decode: the log is corrupt", e);
        }
    }

    private static int available(DataInputStream record) {
        try {
            return record.available();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(NULL);
            case Long number -> {
                out.writeByte(LONG);
                out.writeLong(number);
            }
            case String text -> {
                out.writeByte(STRING);
                out.writeUTF(text);
            }
            default -> throw new IllegalArgumentException("not storable: " + value);
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case NULL -> null;
            case LONG -> in.readLong();
            case STRING -> in.readUTF();
            default -> throw new IOException("unknown value type " + type);
        };
    }

    private static void writeVersion(DataOutputStream out, Version version) throws IOException {
        out.writeLong(version.lamport());
        out.writeUTF(version.origin());
        out.writeLong(version.seq());
    }

    private static Version readVersion(DataInputStream in) throws IOException {
        return new Version(in.readLong(), in.readUTF(), in.readLong());
    }
}
