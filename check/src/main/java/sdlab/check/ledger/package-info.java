/**
 * Bank-ledger invariants: money is conserved, no balance goes negative, and every transfer is
 * applied at most once.
 *
 * <p>Jepsen's bank workload (Kingsbury, "Jepsen: bank" tests of Galera, TiDB and others) checks
 * that concurrent transfers between accounts never change the total; this package adds the two
 * failures a payment ledger cares about as much: overdrafts and double application of a retried
 * transfer. {@link sdlab.check.ledger.Ledger} judges each read of balances or of ledger entries
 * on its own, so the checker is linear in the history and needs no search.
 *
 * <p>What it proves and what it does not: every violation it reports is certain (a duplicate is
 * shown by an entries read, or by a balance no single application of the transfers begun could
 * produce). A transfer applied twice whose effect stays within the reachable range and whose
 * ledger is never read is not detected: that needs the entries read.
 */
package sdlab.check.ledger;
