package sdlab.bench.coord;

/**
 * A coordination service the bench loads through the ZooKeeper client: a real ZooKeeper
 * ensemble, sdlab's node or cluster, or one already running elsewhere. Closing stops whatever
 * the bench started and nothing else.
 */
public interface Ensemble extends AutoCloseable {
    /** The servers' client addresses, {@code host:port} separated by commas, as ZooKeeper's client takes them. */
    String connectString();

    /** One line saying what runs: product, version, node count, durability. */
    String describe();

    @Override
    void close();
}
