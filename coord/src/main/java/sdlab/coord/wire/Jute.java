package sdlab.coord.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sdlab.coord.tree.Stat;

/** The bounds ZooKeeper puts on Jute data, and the two shared records (Stat, ACL) as Jute lays them out. */
final class Jute {
    /**
     * ZooKeeper's {@code jute.maxbuffer} default: the largest packet its server ({@code
     * NIOServerCnxn.readLength}) and its client ({@code ClientCnxnSocket.readLength}) accept.
     */
    static final int FRAME_BYTES_MAX = 0xfffff;

    /**
     * The largest string or buffer {@code BinaryInputArchive} accepts: {@code jute.maxbuffer} plus
     * {@code zookeeper.jute.maxbuffer.extrasize}, which defaults to {@code jute.maxbuffer} again.
     * Inside a bounded frame it only matters for a record decoded on its own.
     */
    static final int FIELD_BYTES_MAX = 0xfffff + 0xfffff;

    private Jute() {}

    /** Stat: czxid, mzxid, ctime, mtime (longs), version, cversion, aversion (ints), ephemeralOwner (long), dataLength, numChildren (ints), pzxid (long). */
    static Stat readStat(JuteReader in) throws WireException {
        return new Stat(
                in.readLong("Stat.czxid"),
                in.readLong("Stat.mzxid"),
                in.readLong("Stat.ctime"),
                in.readLong("Stat.mtime"),
                in.readInt("Stat.version"),
                in.readInt("Stat.cversion"),
                in.readInt("Stat.aversion"),
                in.readLong("Stat.ephemeralOwner"),
                in.readInt("Stat.dataLength"),
                in.readInt("Stat.numChildren"),
                in.readLong("Stat.pzxid"));
    }

    static void writeStat(JuteWriter out, Stat stat) {
        out.writeLong(stat.czxid())
                .writeLong(stat.mzxid())
                .writeLong(stat.ctimeMs())
                .writeLong(stat.mtimeMs())
                .writeInt(stat.version())
                .writeInt(stat.cversion())
                .writeInt(stat.aversion())
                .writeLong(stat.ephemeralOwner())
                .writeInt(stat.dataLength())
                .writeInt(stat.numChildren())
                .writeLong(stat.pzxid());
    }

    /** ACL: perms (int), then Id: scheme, id (ustrings). */
    static Acl readAcl(JuteReader in) throws WireException {
        return new Acl(in.readInt("ACL.perms"), in.readString("Id.scheme"), in.readString("Id.id"));
    }

    static void writeAcl(JuteWriter out, Acl acl) {
        out.writeInt(acl.perms()).writeString(acl.scheme()).writeString(acl.id());
    }

    static List<Acl> readAcls(JuteReader in, String field) throws WireException {
        return in.readVector(field, Jute::readAcl);
    }

    static List<String> readStrings(JuteReader in, String field) throws WireException {
        return in.readVector(field, reader -> reader.readString(field + " element"));
    }

    /**
     * An unmodifiable copy that keeps what Jute can carry: a null vector (-1) stays null and null
     * elements stay, so that decoding and encoding again gives the same bytes.
     */
    /**
     * Bytes as a record's toString shows them: their content, not the array's identity hash, so
     * that a simulated run's trace (which prints messages) is the same in every JVM.
     */
    static String show(byte[] bytes) {
        return bytes == null ? "null" : java.util.HexFormat.of().formatHex(bytes);
    }

    static <T> List<T> copyOf(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
