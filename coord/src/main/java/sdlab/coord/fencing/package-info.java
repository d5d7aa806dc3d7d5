/**
 * A fenced storage node: the resource that a lock or a leader lease protects, which accepts a
 * write only with a fencing token at least as high as the highest it has accepted for that
 * resource, and optionally only once per idempotency key.
 *
 * <h2>What it follows</h2>
 *
 * <p>Martin Kleppmann's "How to do distributed locking" (2016) and chapter 8 of <i>Designing
 * Data-Intensive Applications</i>: a lock service hands out a number that grows with every grant
 * (ZooKeeper's czxid of the lock znode, etcd's revision, a lease epoch), the holder sends it with
 * every write, and the storage refuses a number lower than one it has already seen. A holder that
 * paused past its lease, or was cut off from the lock service but not from the storage, then
 * cannot overwrite its successor's work. Idempotency keys follow the practice of payment APIs
 * (Stripe's {@code Idempotency-Key}): a key the storage has applied is answered as a duplicate
 * and changes nothing.
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <ul>
 *   <li>With token checks on, once a write with token {@code t} is acknowledged for a resource, no
 *       write with a lower token is ever applied to it, across crashes: the highest token is
 *       recovered from the same synced log as the data.
 *   <li>Equal tokens pass (at least as high, not strictly higher): the holder of one grant may
 *       write many times. Two writes under the same grant are therefore not told apart; that is
 *       what idempotency keys are for.
 *   <li>With keys on, a key is applied at most once among the last {@link FencedState#KEYS_MAX}
 *       keys; older ones are forgotten, as real stores expire theirs after a retention window.
 *   <li>Every answer (written, stale token, duplicate key) is sent only after a disk sync that
 *       covers every write made before the decision, so an acknowledged write survives a crash and
 *       a refusal never rests on a write that a crash could undo.
 *   <li>The token protects only writes that pass through this node. A side effect the holder
 *       makes elsewhere (an email, a call to another service) is not fenced: that is the
 *       condition under which fencing works, and chapter 14 measures it.
 * </ul>
 *
 * <p>{@link FencedStore} is the node; {@link FencedState} makes its decisions and is what a real
 * server would call too; {@link FencedLog} is its on-disk form; {@link FencingPolicy} says which
 * checks are on (none, for the "plain" storage that the options without fencing write to).
 */
package sdlab.coord.fencing;
