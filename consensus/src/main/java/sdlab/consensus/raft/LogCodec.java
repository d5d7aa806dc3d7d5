package sdlab.consensus.raft;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import sdlab.core.NodeId;

/**
 * Turns {@link LogRecord}s into bytes and back. Each record is framed as {@code <payload length:
 * int><CRC-32 of the payload: int><payload>}, so a torn tail (a crash in the middle of an
 * unsynced append, which can leave any prefix of it) shows as an incomplete frame or a wrong
 * checksum and ends the valid log there; nothing in it was ever acknowledged.
 */
final class LogCodec {
    /** A frame longer than this is not one we wrote: treat it as the end of the valid log. */
    static final int FRAME_BYTES_MAX = 16 * 1024 * 1024;

    private static final int HEADER_BYTES = 8;
    private static final byte VOTE = 'V';
    private static final byte ENTRY = 'E';
    private static final byte BASE = 'B';
    private static final byte SNAPSHOT = 'S';
    private static final byte NO_OP = 'N';
    private static final byte PUT = 'P';
    private static final byte CAS = 'C';
    private static final byte CHANGE_MEMBERS = 'M';
    private static final byte APPLY = 'A';
    private static final byte TXN = 'T';
    private static final byte VALUE_EQUALS = '=';
    private static final byte ABSENT = '0';
    private static final byte AT_LEAST = '>';
    private static final byte SET_VALUE = 's';
    private static final byte ADD = '+';
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte STRING = 2;

    private LogCodec() {}

    /**
     * The records in a file's bytes up to the first incomplete or damaged frame, and where that
     * is; {@code ends.get(i)} is where record {@code i} ends.
     */
    record Decoded(List<LogRecord> records, List<Integer> ends, int validBytes) {}

    static byte[] encode(LogRecord record) {
        return frame(payload(record));
    }

    /** A snapshot file's bytes: one frame, so that a damaged file is recognised as such. */
    static byte[] encodeSnapshot(Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(SNAPSHOT);
            out.writeLong(snapshot.lastIndex());
            out.writeLong(snapshot.lastTerm());
            out.writeInt(snapshot.data().size());
            for (var entry : snapshot.data().entrySet()) {
                writeString(out, entry.getKey());
                value(out, entry.getValue());
            }
            out.writeInt(snapshot.sessions().size());
            for (var entry : snapshot.sessions().entrySet()) {
                writeString(out, entry.getKey());
                out.writeLong(entry.getValue().lastSequence());
                result(out, entry.getValue().result());
            }
            members(out, snapshot.members());
            bytes(out, snapshot.application());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return frame(bytes.toByteArray());
    }

    /** The snapshot in a snapshot file's bytes, or empty if they are not one whole, undamaged frame. */
    static Optional<Snapshot> decodeSnapshot(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            return Optional.empty();
        }
        int length = readInt(bytes, 0);
        if (length != bytes.length - HEADER_BYTES) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, length);
        if ((int) crc.getValue() != readInt(bytes, 4)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    parseSnapshot(new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES, length))));
        } catch (IOException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    private static Snapshot parseSnapshot(DataInputStream in) throws IOException {
        if (in.readByte() != SNAPSHOT) {
            throw new IllegalArgumentException("not a snapshot");
        }
        long lastIndex = in.readLong();
        long lastTerm = in.readLong();
        SortedMap<String, Object> data = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            data.put(readString(in), value(in));
        }
        SortedMap<String, KvStateMachine.Session> sessions = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String session = readString(in);
            long sequence = in.readLong();
            sessions.put(session, new KvStateMachine.Session(sequence, result(in)));
        }
        List<NodeId> members = members(in);
        byte[] application = bytes(in);
        if (in.available() != 0) {
            throw new IllegalArgumentException("trailing bytes after a snapshot");
        }
        return new Snapshot(lastIndex, lastTerm, data, sessions, members, application);
    }

    private static byte[] frame(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(HEADER_BYTES + payload.length);
        try (DataOutputStream out = new DataOutputStream(frame)) {
            out.writeInt(payload.length);
            out.writeInt((int) crc.getValue());
            out.write(payload);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return frame.toByteArray();
    }

    static Decoded decode(byte[] bytes) {
        List<LogRecord> records = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int position = 0;
        while (bytes.length - position >= HEADER_BYTES) {
            int length = readInt(bytes, position);
            int checksum = readInt(bytes, position + 4);
            int start = position + HEADER_BYTES;
            if (length < 0 || length > FRAME_BYTES_MAX || length > bytes.length - start) {
                break;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, start, length);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            try {
                records.add(parse(bytes, start, length));
            } catch (IOException | IllegalArgumentException damaged) {
                break;
            }
            position = start + length;
            ends.add(position);
        }
        return new Decoded(records, ends, position);
    }

    private static byte[] payload(LogRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (record) {
                case LogRecord.Vote vote -> {
                    out.writeByte(VOTE);
                    out.writeLong(vote.term());
                    writeString(
                            out,
                            vote.votedFor() == null ? null : vote.votedFor().name());
                }
                case LogRecord.Entry entry -> {
                    out.writeByte(ENTRY);
                    out.writeLong(entry.index());
                    out.writeLong(entry.entry().term());
                    command(out, entry.entry().command());
                }
                case LogRecord.Base base -> {
                    out.writeByte(BASE);
                    out.writeLong(base.index());
                    out.writeLong(base.term());
                    members(out, base.members());
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void command(DataOutputStream out, Command command) throws IOException {
        switch (command) {
            case Command.NoOp noOp -> out.writeByte(NO_OP);
            case Command.ChangeMembers change -> {
                out.writeByte(CHANGE_MEMBERS);
                members(out, change.members());
            }
            case Command.Put put -> {
                out.writeByte(PUT);
                session(out, put);
                writeString(out, put.key());
                value(out, put.value());
            }
            case Command.Apply apply -> {
                out.writeByte(APPLY);
                bytes(out, apply.payload());
            }
            case Command.Cas cas -> {
                out.writeByte(CAS);
                session(out, cas);
                writeString(out, cas.key());
                value(out, cas.expected());
                value(out, cas.value());
            }
            case Command.Txn txn -> {
                out.writeByte(TXN);
                session(out, txn);
                out.writeInt(txn.conditions().size());
                for (Command.Condition condition : txn.conditions()) {
                    condition(out, condition);
                }
                out.writeInt(txn.writes().size());
                for (Command.Mutation write : txn.writes()) {
                    mutation(out, write);
                }
            }
        }
    }

    private static void session(DataOutputStream out, Command.Write write) throws IOException {
        writeString(out, write.session());
        out.writeLong(write.sequence());
    }

    private static void condition(DataOutputStream out, Command.Condition condition) throws IOException {
        switch (condition) {
            case Command.ValueEquals equals -> {
                out.writeByte(VALUE_EQUALS);
                writeString(out, equals.key());
                value(out, equals.expected());
            }
            case Command.Absent absent -> {
                out.writeByte(ABSENT);
                writeString(out, absent.key());
            }
            case Command.AtLeast atLeast -> {
                out.writeByte(AT_LEAST);
                writeString(out, atLeast.key());
                out.writeLong(atLeast.minimum());
            }
        }
    }

    private static void mutation(DataOutputStream out, Command.Mutation mutation) throws IOException {
        switch (mutation) {
            case Command.SetValue set -> {
                out.writeByte(SET_VALUE);
                writeString(out, set.key());
                value(out, set.value());
            }
            case Command.Add add -> {
                out.writeByte(ADD);
                writeString(out, add.key());
                out.writeLong(add.delta());
            }
        }
    }

    /** A session's cached result: ok, the value after, and for a transaction the failed condition and the keys before. */
    private static void result(DataOutputStream out, KvStateMachine.Result result) throws IOException {
        out.writeBoolean(result.ok());
        value(out, result.value());
        out.writeInt(result.failedCondition());
        out.writeInt(result.before().size());
        for (Command.KeyValue pair : result.before()) {
            writeString(out, pair.key());
            value(out, pair.value());
        }
    }

    private static KvStateMachine.Result result(DataInputStream in) throws IOException {
        boolean ok = in.readBoolean();
        Object value = value(in);
        int failedCondition = in.readInt();
        int count = count(in);
        List<Command.KeyValue> before = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            before.add(new Command.KeyValue(requiredString(in), value(in)));
        }
        return new KvStateMachine.Result(ok, value, failedCondition, before);
    }

    private static void value(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(NULL);
            case Long number -> {
                out.writeByte(LONG);
                out.writeLong(number);
            }
            case String text -> {
                out.writeByte(STRING);
                writeString(out, text);
            }
            default ->
                throw new IllegalArgumentException(
                        "cannot store a " + value.getClass().getName());
        }
    }

    private static void members(DataOutputStream out, List<NodeId> members) throws IOException {
        out.writeInt(members.size());
        for (NodeId member : members) {
            writeString(out, member.name());
        }
    }

    private static List<NodeId> members(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IllegalArgumentException("more members than bytes");
        }
        List<NodeId> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            if (name == null) {
                throw new IllegalArgumentException("a member without a name");
            }
            members.add(NodeId.of(name));
        }
        return members;
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a byte string longer than its record");
        }
        return in.readNBytes(length);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static LogRecord parse(byte[] bytes, int start, int length) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, start, length));
        LogRecord record =
                switch (in.readByte()) {
                    case VOTE -> {
                        long term = in.readLong();
                        String votedFor = readString(in);
                        yield new LogRecord.Vote(term, votedFor == null ? null : NodeId.of(votedFor));
                    }
                    case ENTRY -> {
                        long index = in.readLong();
                        long term = in.readLong();
                        yield new LogRecord.Entry(index, new LogEntry(term, command(in)));
                    }
                    case BASE -> new LogRecord.Base(in.readLong(), in.readLong(), members(in));
                    default -> throw new IllegalArgumentException("unknown record kind");
                };
        if (in.available() != 0) {
            throw new IllegalArgumentException("trailing bytes after a record");
        }
        return record;
    }

    private static Command command(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case NO_OP -> new Command.NoOp();
            case CHANGE_MEMBERS -> new Command.ChangeMembers(members(in));
            case PUT -> new Command.Put(readString(in), in.readLong(), readString(in), value(in));
            case CAS -> new Command.Cas(readString(in), in.readLong(), readString(in), value(in), value(in));
            case TXN -> txn(in);
            case APPLY -> new Command.Apply(bytes(in));
            default -> throw new IllegalArgumentException("unknown command kind");
        };
    }

    private static Command.Txn txn(DataInputStream in) throws IOException {
        String session = readString(in);
        long sequence = in.readLong();
        int conditionCount = count(in);
        List<Command.Condition> conditions = new ArrayList<>(conditionCount);
        for (int i = 0; i < conditionCount; i++) {
            conditions.add(
                    switch (in.readByte()) {
                        case VALUE_EQUALS -> new Command.ValueEquals(requiredString(in), value(in));
                        case ABSENT -> new Command.Absent(requiredString(in));
                        case AT_LEAST -> new Command.AtLeast(requiredString(in), in.readLong());
                        default -> throw new IllegalArgumentException("unknown condition kind");
                    });
        }
        int writeCount = count(in);
        List<Command.Mutation> writes = new ArrayList<>(writeCount);
        for (int i = 0; i < writeCount; i++) {
            writes.add(
                    switch (in.readByte()) {
                        case SET_VALUE -> new Command.SetValue(requiredString(in), value(in));
                        case ADD -> new Command.Add(requiredString(in), in.readLong());
                        default -> throw new IllegalArgumentException("unknown write kind");
                    });
        }
        return new Command.Txn(session, sequence, conditions, writes);
    }

    /** A count of parts that follow; each takes at least one byte, so a larger count is damage. */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IllegalArgumentException("more parts than bytes");
        }
        return count;
    }

    private static String requiredString(DataInputStream in) throws IOException {
        String text = readString(in);
        if (text == null) {
            throw new IllegalArgumentException("a key without a name");
        }
        return text;
    }

    private static Object value(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case NULL -> null;
            case LONG -> in.readLong();
            case STRING -> readString(in);
            default -> throw new IllegalArgumentException("unknown value kind");
        };
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a string longer than its record");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24)
                | ((bytes[at + 1] & 0xff) << 16)
                | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }
}
