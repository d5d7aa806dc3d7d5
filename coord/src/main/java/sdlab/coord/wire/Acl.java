package sdlab.coord.wire;

/**
 * One entry of a znode's ACL as ZooKeeper's {@code org.apache.zookeeper.data.ACL} carries it: the
 * permission bits (READ 1, WRITE 2, CREATE 4, DELETE 8, ADMIN 16) for an {@code Id} of a scheme
 * and an id, {@code world:anyone} for the open ACL. The tree does not enforce ACLs; the codec
 * carries them so that requests decode whole.
 */
public record Acl(int perms, String scheme, String id) {
    /** {@code ZooDefs.Ids.OPEN_ACL_UNSAFE}'s one entry: every permission for anyone. */
    public static final Acl OPEN_UNSAFE = new Acl(31, "world", "anyone");
}
