package sdlab.bench.coord;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The operations the bench offers, each issued through the ZooKeeper client's asynchronous API.
 * {@code create} makes new PERSISTENT nodes (a write that grows the tree), {@code setData}
 * overwrites nodes of a fixed working set (a write of constant size), {@code getData} reads them.
 */
public enum CoordOp {
    CREATE("create"),
    SET_DATA("setData"),
    GET_DATA("getData");

    private final String wireName;

    CoordOp(String wireName) {
        this.wireName = wireName;
    }

    /** The name the ZooKeeper API gives the operation, as {@code --ops} takes it. */
    public String wireName() {
        return wireName;
    }

    /** The operation called {@code name}, if any. */
    public static Optional<CoordOp> named(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    /** Every operation's name, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(CoordOp::wireName).toList();
    }

    /**
     * Issues the {@code n}-th request of session {@code session}; {@code done} gets ZooKeeper's
     * result code on the session's event thread.
     */
    void issue(ZooKeeper zk, PhasePaths paths, int session, long n, byte[] value, IntConsumer done) {
        switch (this) {
            case CREATE ->
                zk.create(
                        paths.createDir() + "/s" + session + "-" + n,
                        value,
                        ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT,
                        (rc, path, ctx, name) -> done.accept(rc),
                        null);
            case SET_DATA ->
                zk.setData(paths.workingSetNode(session, n), value, -1, (rc, path, ctx, stat) -> done.accept(rc), null);
            case GET_DATA ->
                zk.getData(
                        paths.workingSetNode(session, n), false, (rc, path, ctx, data, stat) -> done.accept(rc), null);
        }
    }
}
