/**
 * Transactional anomaly checking in the style of Elle (Kingsbury and Alvaro, "Elle: Inferring
 * Isolation Anomalies from Experimental Observations", VLDB 2020), with the anomalies named after
 * Adya ("Weak Consistency: A Generalized Theory and Optimistic Implementations for Distributed
 * Transactions", MIT PhD thesis, 1999).
 *
 * <h2>What goes in</h2>
 *
 * A history of transactions ({@link sdlab.check.txn.TxnHistory}): Jepsen's {@code :txn}
 * operations whose values are micro-operations, read from JSON or EDN as Jepsen and elle-cli
 * write them. Two workloads: list-append ({@code [:append k v]}, {@code [:r k [v ...]]}), where
 * each read shows the order of the appends it saw, and rw-register ({@code [:w k v]}, {@code
 * [:r k v]}), where a read shows only the last write. Written values are unique per key, so a
 * read names its writer.
 *
 * <h2>How</h2>
 *
 * <ol>
 *   <li>Infer data dependencies between transactions: ww (one installed the version after the
 *       other's), wr (one read the other's version), rw (one read the version the other
 *       replaced). List-append infers them exactly for every key whose reads agree ({@link
 *       sdlab.check.txn.ListAppendInference}); rw-register infers wr exactly and ww/rw only from
 *       the initial state and from writes that follow reads ({@link
 *       sdlab.check.txn.RegisterInference}).
 *   <li>Add process order and real-time order ({@link sdlab.check.txn.SessionEdges}), the latter
 *       reduced through a frontier so that it stays linear in the history's length.
 *   <li>Find strongly connected components (iterative Tarjan, {@link
 *       sdlab.check.txn.Components}) and, inside each, short cycles of each kind ({@link
 *       sdlab.check.txn.CycleSearch}): G0, G1c, G-single, G2-item, each also as a -process or
 *       -realtime variant when the cycle needs those orders.
 *   <li>Report the anomalies that are not cycles, found along the way: G1a (aborted read), G1b
 *       (intermediate read), internal and future-read (a transaction contradicts itself),
 *       incompatible-order and duplicate-elements (a key's reads do not form one order),
 *       dirty-update, lost-update.
 *   <li>Say which consistency models the anomalies rule out ({@link
 *       sdlab.check.txn.ConsistencyModels}).
 * </ol>
 *
 * <h2>What it guarantees and what it does not</h2>
 *
 * Every anomaly reported is real, given the history (each edge is explained by the values read
 * or by the history's order) and, for rw-register, two assumptions Elle makes too: registers
 * start as nil, and a transaction's write of a key installs a version after the one it read of
 * that key. Not every anomaly is found: appends of unknown outcome that no read shows, and the
 * order of blind register writes, give no edges, so cycles through them are missed; G-single is
 * searched with a bounded number of attempts per component (a miss there shows up as G2-item).
 * For list-append histories whose outcomes are all known (ok or fail), the verdict "serializable
 * or not" is exact: the tests compare it with a brute-force search over all serial orders. Unlike Elle, this checker does not infer version orders from an assumption that keys
 * are linearizable or sequential, does not check predicates (G2 beyond items), and does not
 * report G-nonadjacent or the cycle search's timeouts: its searches always finish.
 */
package sdlab.check.txn;
