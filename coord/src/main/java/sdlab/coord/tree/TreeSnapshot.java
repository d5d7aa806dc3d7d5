package sdlab.coord.tree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * The tree's snapshot format: deterministic (nodes in path order, so one state always gives
 * the same bytes) and checked (a CRC-32 over everything before it).
 *
 * <pre>
 * "SDZT" version:int lastZxid:long count:int
 * count x { path:(length:int, UTF-8 bytes) data:(length:int, -1 for none; bytes) czxid ctime mzxid mtime:long
 *           version childCreates:int ephemeralOwner pzxid:long }
 * crc32:long
 * </pre>
 *
 * Children, ephemerals by session, containers and TTL nodes are not stored: they follow from
 * the paths and the ephemeral owners, and are rebuilt on decode.
 */
final class TreeSnapshot {

    private static final int MAGIC = 0x53445a54; // "SDZT"
    private static final int VERSION = 2;

    record Decoded(long lastZxid, Nodes nodes) {}

    private TreeSnapshot() {}

    static byte[] encode(long lastZxid, Nodes nodes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(lastZxid);
            out.writeInt(nodes.size());
            for (Map.Entry<String, ZNode> entry : nodes.all().entrySet()) {
                writeNode(out, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + Long.BYTES)
                .put(body)
                .putLong(crc.getValue())
                .array();
    }

    private static void writeNode(DataOutputStream out, String path, ZNode node) throws IOException {
        // Length and UTF-8 bytes, not writeUTF: a znode's path may be longer than its 64 KiB.
        byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
        if (node.data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(node.data.length);
            out.write(node.data);
        }
        out.writeLong(node.czxid);
        out.writeLong(node.ctimeMs);
        out.writeLong(node.mzxid);
        out.writeLong(node.mtimeMs);
        out.writeInt(node.version);
        out.writeInt(node.childCreates);
        out.writeLong(node.ephemeralOwner);
        out.writeLong(node.pzxid);
    }

    static Decoded decode(byte[] snapshot) throws IOException {
        if (snapshot.length < 4 + 4 + 8 + 4 + Long.BYTES) {
            throw new IOException("snapshot too short: " + snapshot.length + " bytes");
        }
        int bodyLength = snapshot.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(snapshot, 0, bodyLength);
        DataInputStream checksum = new DataInputStream(new ByteArrayInputStream(snapshot, bodyLength, Long.BYTES));
        if (checksum.readLong() != crc.getValue()) {
            throw new IOException("snapshot checksum mismatch: corrupted or truncated");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot, 0, bodyLength));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a znode tree snapshot (bad magic)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unknown snapshot version " + version + "; this build reads " + VERSION);
        }
        long lastZxid = in.readLong();
        int count = in.readInt();
        Nodes nodes = new Nodes();
        for (int i = 0; i < count; i++) {
            readNode(in, nodes);
        }
        if (in.available() != 0 || nodes.get(PathRules.ROOT) == null) {
            throw new IOException("snapshot has trailing bytes or no root");
        }
        return new Decoded(lastZxid, nodes);
    }

    private static void readNode(DataInputStream in, Nodes nodes) throws IOException {
        int pathBytes = in.readInt();
        if (pathBytes < 1 || pathBytes > in.available()) {
            throw new IOException("a path of " + pathBytes + " bytes in a snapshot with " + in.available() + " left");
        }
        String path = new String(in.readNBytes(pathBytes), StandardCharsets.UTF_8);
        int length = in.readInt();
        if (length < -1 || length > in.available()) {
            throw new IOException("bad data length " + length + " at " + path);
        }
        byte[] data = length == -1 ? null : in.readNBytes(length);
        ZNode node = new ZNode(
                data,
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readLong(),
                new TreeSet<>());
        if (!PathRules.isValid(path) || nodes.get(path) != null) {
            throw new IOException("bad or repeated path " + path);
        }
        if (!PathRules.ROOT.equals(path)) {
            ZNode parent = nodes.get(PathRules.parent(path));
            if (parent == null) {
                throw new IOException("node " + path + " before its parent");
            }
            parent.children.add(PathRules.name(path));
        }
        nodes.add(path, node);
    }
}
