/**
 * A payment ledger on replicated stores at several consistency levels, and the invariants that
 * judge it.
 *
 * <p>Accounts hold balances in a replicated store chosen per run ({@link ConsistencyLevel}):
 * linearizable (the Raft store of {@code consensus}, ReadIndex reads, compare-and-set), causal
 * (the COPS-style store of {@code kv.causal}, every client on its own replica), session-token
 * (the same causal store, any replica per operation, the client's context carried as a version
 * token), session (the Dynamo-style store of {@code kv} with R = W = 1, every client sticking to
 * one coordinator) or eventual (the same store, any coordinator per operation, last writer wins).
 * Nothing here replicates data itself: {@link LedgerClient} wraps the store's own client and
 * turns a transfer into the store operations an application would issue ({@link TransferWay}):
 * read then write, compare-and-set with retry, per-client escrow budgets, a multi-key
 * transaction built on the client from what it read, or one server-side transaction that moves
 * the money (the state machine checks the payer's balance and computes both new ones).
 *
 * <p>{@link LedgerChecker} judges a run from its history alone, never from the store: money
 * created or destroyed, negative balances, double spends (two acknowledged debits computed from
 * the same balance) and stale balance reads. Every written balance carries a unique tag, so a
 * debit names exactly the write it read.
 *
 * <p>Not here yet: a real cluster.
 */
package sdlab.ledger;
