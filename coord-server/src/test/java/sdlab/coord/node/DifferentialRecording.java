package sdlab.coord.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.Stat;

/**
 * What one server answered to a scripted sequence of operations, as lines that can be compared
 * with another server's: every outcome (an error code, or a result with its Stats normalized) and
 * every watch event, in order.
 *
 * <p>Stats lose what two servers cannot share, their absolute zxids and times, and keep what they
 * must share: versions, the ephemeral owner (as the session that owns it, or the raw value for a
 * container or TTL marker), data length, child count, whether mtime equals ctime, and the zxids as
 * labels {@code z1, z2, ...} given in the order each value is first seen. The labels keep every
 * equality between zxids (a node's mzxid is its czxid until it is set; the nodes of one multi share
 * one zxid; a pzxid moves when a child comes or goes) without the numbers themselves.
 */
final class DifferentialRecording {
    /** A Stat with the path it describes, so the line says which node it was. */
    record PathStat(String path, Stat stat) {}

    /** A result the recording prints as it is, like a children list the script sorted. */
    record Plain(String text) {}

    private final List<String> lines = new ArrayList<>();
    private final Map<Long, String> zxidLabels = new HashMap<>();
    private final Map<Long, String> sessionNames = new HashMap<>();

    void nameSession(long sessionId, String name) {
        sessionNames.put(sessionId, name);
    }

    /** One step's outcome: its normalized result, or the error code it failed with. */
    void outcome(String label, Object result) {
        lines.add(label + " -> " + normalize(result));
    }

    void failure(String label, KeeperException failure) {
        String results = failure.getResults() == null ? "" : " results=" + normalize(failure.getResults());
        lines.add(label + " -> " + failure.code() + results);
    }

    void event(String session, String event) {
        lines.add("  event " + session + ": " + event);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private String normalize(Object result) {
        return switch (result) {
            case null -> "null";
            case byte[] bytes -> "'" + new String(bytes, StandardCharsets.UTF_8) + "'";
            case PathStat stat -> stat.path() + normalizeStat(stat.stat());
            case Stat stat -> normalizeStat(stat);
            case OpResult op -> normalizeOp(op);
            case List<?> list -> list.stream().map(this::normalize).toList().toString();
            case Plain plain -> plain.text();
            default -> result.toString();
        };
    }

    private String normalizeOp(OpResult op) {
        return switch (op) {
            case OpResult.CreateResult create ->
                "create(" + create.getPath() + (create.getStat() == null ? "" : normalizeStat(create.getStat())) + ")";
            case OpResult.SetDataResult set -> "setData(" + normalizeStat(set.getStat()) + ")";
            case OpResult.DeleteResult ignored -> "delete";
            case OpResult.CheckResult ignored -> "check";
            case OpResult.ErrorResult error -> "error(" + KeeperException.Code.get(error.getErr()) + ")";
            default -> op.getClass().getSimpleName();
        };
    }

    private String normalizeStat(Stat stat) {
        return "{c=" + zxid(stat.getCzxid()) + " m=" + zxid(stat.getMzxid()) + " p=" + zxid(stat.getPzxid())
                + (stat.getMtime() == stat.getCtime() ? " mtime=ctime" : " mtime!=ctime")
                + " v=" + stat.getVersion() + " cv=" + stat.getCversion() + " av=" + stat.getAversion()
                + " owner=" + owner(stat.getEphemeralOwner()) + " len=" + stat.getDataLength()
                + " kids=" + stat.getNumChildren() + "}";
    }

    private String zxid(long zxid) {
        return zxidLabels.computeIfAbsent(zxid, z -> "z" + (zxidLabels.size() + 1));
    }

    private String owner(long ephemeralOwner) {
        if (ephemeralOwner == 0) {
            return "none";
        }
        return sessionNames.getOrDefault(ephemeralOwner, "0x" + Long.toHexString(ephemeralOwner));
    }
}
