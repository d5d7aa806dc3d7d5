package sdlab.coord.tree;

/**
 * A znode's metadata exactly as ZooKeeper's {@code org.apache.zookeeper.data.Stat} reports it.
 *
 * @param czxid the zxid of the transaction that created the node
 * @param mzxid the zxid of the last setData (the create's zxid until then)
 * @param ctimeMs the leader's time of the create
 * @param mtimeMs the leader's time of the last setData
 * @param version the number of setData calls since the create
 * @param cversion changes to the children: creates plus deletes (ZooKeeper stores the creates
 *     and reports {@code 2 * creates - numChildren})
 * @param aversion changes to the ACL; always 0 here (setACL is not implemented)
 * @param ephemeralOwner the owning session of an ephemeral node, else 0 (also 0 for container
 *     and TTL nodes, as ZooKeeper reports them)
 * @param dataLength bytes of data
 * @param numChildren children now
 * @param pzxid the zxid of the last child create or delete (the create's zxid until then)
 */
public record Stat(
        long czxid,
        long mzxid,
        long ctimeMs,
        long mtimeMs,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        int dataLength,
        int numChildren,
        long pzxid) {}
