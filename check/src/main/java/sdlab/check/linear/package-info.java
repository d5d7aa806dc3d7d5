/**
 * Linearizability checking: is there an order of a history's operations, each placed between
 * its invocation and its completion, that a sequential model accepts?
 *
 * <p>The search is the Wing–Gong algorithm (Wing and Gong, "Testing and verifying concurrent
 * objects", 1993) with Lowe's memoisation of (linearized set, model state) configurations (Lowe,
 * "Testing for linearizability", Concurrency and Computation 2017) and the linked list of call
 * and return events that Porcupine (Athalye, 2017) uses; {@link sdlab.check.linear.WglSearch}
 * describes it. Keys are independent objects, and linearizability is local (Herlihy and Wing,
 * 1990), so each key is searched alone. Reads are placed greedily, which prunes most of the
 * search for read-heavy histories without changing any verdict.
 *
 * <p>What it guarantees: VALID comes with a witness order, INVALID with the longest linearizable
 * prefix per key and the operations that could not be placed after it, and a search that runs
 * out of steps, time or memory ({@link sdlab.check.linear.CheckLimits}) answers UNKNOWN, never
 * a guess. Failed operations certainly had no effect and are dropped; operations with unknown
 * outcome (info, or no completion) may take effect at any time after their invocation, or
 * never. Checking is NP-complete in general, so some histories (many concurrent unknown writes)
 * can only be answered UNKNOWN within a limit.
 *
 * <p>What it does not do: it checks one object model per history (mixed workloads need one
 * check per model), and it compares values by equality, so writes need not be unique but
 * distinct writes of equal values are indistinguishable, as in every such checker. Models:
 * {@link sdlab.check.linear.Models}.
 */
package sdlab.check.linear;
