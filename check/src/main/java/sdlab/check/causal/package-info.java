/**
 * Causal consistency for key-value histories: reads respect the happens-before order of writes.
 *
 * <p>Causal consistency (Ahamad, Neiger, Burns, Kohli and Hutto, "Causal memory: definitions,
 * implementation, and programming", 1995) is what systems such as COPS and MongoDB's causal
 * sessions promise: if a write could have influenced another — through a process's own order or
 * through a read of its value — every process that sees the second sees the first too. It is
 * weaker than linearizability (real time does not matter) and stronger than the session
 * guarantees taken one by one.
 *
 * <p>{@link sdlab.check.causal.CausalConsistency} builds the happens-before graph from process
 * order and reads-from edges and flags reads that returned a value overwritten in their causal
 * past, reads on a happens-before cycle, and reads of values nobody wrote. It checks the
 * "causal visibility" part of causal consistency, the part a key-value history with unique
 * writes can show; convergence of concurrent writes is not checked.
 */
package sdlab.check.causal;
