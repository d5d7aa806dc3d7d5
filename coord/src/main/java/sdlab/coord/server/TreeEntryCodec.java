package sdlab.coord.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.Op;
import sdlab.core.NodeId;

/**
 * {@link TreeEntry}s as the bytes of Raft's Apply entries. A log entry was written by this code
 * and checksummed by Raft's log, so bytes that do not decode mean a bug, not bad input: decoding
 * throws.
 */
final class TreeEntryCodec {
    private static final byte CREATE_SESSION = 'S';
    private static final byte WRITE = 'W';
    private static final byte CLOSE_SESSION = 'X';
    private static final byte BARRIER = 'B';
    private static final byte DELETE_CONTAINER = 'D';

    private static final byte CREATE = 'c';
    private static final byte DELETE = 'd';
    private static final byte SET_DATA = 's';
    private static final byte CHECK = 'k';
    private static final byte MULTI = 'm';
    private static final byte CLOSE = 'x';
    private static final byte REMOVE_CONTAINER = 'r';

    private TreeEntryCodec() {}

    static byte[] encode(TreeEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (entry) {
                case TreeEntry.CreateSession e -> {
                    out.writeByte(CREATE_SESSION);
                    origin(out, e.origin());
                    bytes(out, e.password());
                    out.writeInt(e.timeoutMs());
                }
                case TreeEntry.Write e -> {
                    out.writeByte(WRITE);
                    origin(out, e.origin());
                    out.writeLong(e.session());
                    out.writeLong(e.timeMs());
                    op(out, e.op());
                }
                case TreeEntry.CloseSession e -> {
                    out.writeByte(CLOSE_SESSION);
                    origin(out, e.origin());
                    out.writeLong(e.session());
                    out.writeLong(e.timeMs());
                }
                case TreeEntry.Barrier e -> {
                    out.writeByte(BARRIER);
                    origin(out, e.origin());
                }
                case TreeEntry.DeleteContainer e -> {
                    out.writeByte(DELETE_CONTAINER);
                    string(out, e.path());
                    out.writeLong(e.timeMs());
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static TreeEntry decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            TreeEntry entry =
                    switch (in.readByte()) {
                        case CREATE_SESSION -> new TreeEntry.CreateSession(origin(in), bytes(in), in.readInt());
                        case WRITE -> new TreeEntry.Write(origin(in), in.readLong(), in.readLong(), op(in));
                        case CLOSE_SESSION -> new TreeEntry.CloseSession(origin(in), in.readLong(), in.readLong());
                        case BARRIER -> new TreeEntry.Barrier(origin(in));
                        case DELETE_CONTAINER -> new TreeEntry.DeleteContainer(string(in), in.readLong());
                        default -> throw new IllegalStateException("not a coordination entry");
                    };
            if (in.available() != 0) {
                throw new IllegalStateException("bytes after a coordination entry");
            }
            return entry;
        } catch (IOException e) {
            throw new IllegalStateException("a coordination entry that does not decode: " + e, e);
        }
    }

    private static void op(DataOutputStream out, Op op) throws IOException {
        switch (op) {
            case Op.Create c -> {
                out.writeByte(CREATE);
                string(out, c.path());
                bytes(out, c.data());
                out.writeByte(c.mode().ordinal());
                out.writeLong(c.ttlMs());
            }
            case Op.Delete d -> {
                out.writeByte(DELETE);
                string(out, d.path());
                out.writeInt(d.version());
            }
            case Op.SetData s -> {
                out.writeByte(SET_DATA);
                string(out, s.path());
                bytes(out, s.data());
                out.writeInt(s.version());
            }
            case Op.Check c -> {
                out.writeByte(CHECK);
                string(out, c.path());
                out.writeInt(c.version());
            }
            case Op.Multi m -> {
                out.writeByte(MULTI);
                out.writeInt(m.ops().size());
                for (Op.InMulti inner : m.ops()) {
                    op(out, inner);
                }
            }
            case Op.CloseSession c -> out.writeByte(CLOSE);
            case Op.DeleteContainer d -> {
                out.writeByte(REMOVE_CONTAINER);
                string(out, d.path());
            }
        }
    }

    private static Op op(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case CREATE -> new Op.Create(string(in), bytes(in), CreateMode.values()[in.readByte()], in.readLong());
            case DELETE -> new Op.Delete(string(in), in.readInt());
            case SET_DATA -> new Op.SetData(string(in), bytes(in), in.readInt());
            case CHECK -> new Op.Check(string(in), in.readInt());
            case MULTI -> {
                int count = in.readInt();
                List<Op.InMulti> ops = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ops.add((Op.InMulti) op(in));
                }
                yield new Op.Multi(ops);
            }
            case CLOSE -> new Op.CloseSession();
            case REMOVE_CONTAINER -> new Op.DeleteContainer(string(in));
            default -> throw new IllegalStateException("not a znode operation");
        };
    }

    private static void origin(DataOutputStream out, TreeEntry.Origin origin) throws IOException {
        out.writeBoolean(origin != null);
        if (origin != null) {
            string(out, origin.server().name());
            out.writeLong(origin.life());
            out.writeLong(origin.proposal());
        }
    }

    private static TreeEntry.Origin origin(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new TreeEntry.Origin(NodeId.of(string(in)), in.readLong(), in.readLong());
    }

    /** A path as UTF-8 bytes: a path may be longer than writeUTF's 64 KiB. */
    private static void string(DataOutputStream out, String text) throws IOException {
        bytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] utf8 = bytes(in);
        if (utf8 == null) {
            throw new IllegalStateException("a path that is null");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A byte string; null (ZooKeeper's data may be null) as length -1. */
    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < -1 || length > in.available()) {
            throw new IllegalStateException("a byte string longer than its entry");
        }
        return in.readNBytes(length);
    }
}
