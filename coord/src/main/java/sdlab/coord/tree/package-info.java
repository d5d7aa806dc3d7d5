/**
 * ZooKeeper's data model as a pure, deterministic state machine: the tree of znodes that a
 * coordination service replicates, with ZooKeeper's Stat rules, error codes, path rules,
 * watches and multi, and nothing that reads a clock or a socket.
 *
 * <h2>What it follows</h2>
 *
 * <p>Apache ZooKeeper 3.9: the server's {@code DataTree} (what each transaction changes),
 * {@code PrepRequestProcessor} (what each is checked for, and in which order), {@code
 * WatchManager} (which watches fire), {@code ContainerManager} (which containers and TTL nodes
 * are due for removal), {@code DataNode.copyStat} (what a Stat reports) and {@code
 * PathUtils.validatePath} (which paths are valid). The classes here are written anew from those
 * rules; none of ZooKeeper's code is copied.
 *
 * <h2>The rules, briefly</h2>
 *
 * <ul>
 *   <li>A create sets czxid = mzxid = pzxid = its zxid, ctime = mtime = its time, versions 0.
 *       The parent's pzxid becomes the zxid and its child-create counter grows by one; the
 *       parent's mzxid, mtime and version do not change.
 *   <li>A delete sets the parent's pzxid; it does not touch the counter. The parent's reported
 *       cversion is {@code 2 * creates - numChildren}, so it grows by one for every child
 *       create and every child delete, while sequential names ({@code %010d} of the counter)
 *       never repeat.
 *   <li>setData adds one to version and sets mzxid and mtime. Versioned deletes, setData and
 *       checks fail with BADVERSION; -1 matches any version.
 *   <li>Ephemeral nodes belong to the creating session, cannot have children
 *       (NOCHILDRENFOREPHEMERALS) and go when the session closes or expires, in one zxid.
 *       Container and TTL nodes report ephemeralOwner 0.
 *   <li>A multi is all or nothing; a failed one reports OK for the operations before the one
 *       that failed, its code, and RUNTIMEINCONSISTENCY for the rest.
 *   <li>Watches fire as the package-private {@code Watches} describes; the tree returns the events,
 *       addressed to sessions, and the server delivers them.
 * </ul>
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <p>Two trees that apply the same transactions in the same order are in the same state and
 * encode to the same bytes; the tree refuses a zxid that is not greater than the last. It does
 * not order anything itself: the zxid, the time and the session of each transaction come from
 * the leader. It has no ACLs (aversion stays 0, setACL is not here), no quotas, no sessions
 * (their timeouts are the leader's business; the tree only applies the close) and no wire
 * protocol. Children are returned sorted, one of the orders ZooKeeper might return.
 */
package sdlab.coord.tree;
