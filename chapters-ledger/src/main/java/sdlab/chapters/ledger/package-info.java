/**
 * Chapter 1: which consistency model keeps a payment ledger's balances exact under concurrent
 * transfers. Every level of the {@code ledger} module meets every way of writing a transfer it
 * supports, under the same partitions and crashes per seed, and the ledger checker judges each run
 * from its history.
 */
package sdlab.chapters.ledger;
