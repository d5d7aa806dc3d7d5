/**
 * A partitioned, append-only log with idempotent and transactional producers, as pure node code: one broker
 * ({@link sdlab.txlog.LogBroker}) holds the partitions of its topics and the transaction coordinator.
 *
 * <h2>What it follows</h2>
 *
 * <ul>
 *   <li>Kafka's log: topics split into partitions, each an append-only sequence of records with offsets, a high
 *       watermark below which a record is readable, and a last stable offset (LSO) below which no transaction is
 *       still open.
 *   <li>KIP-98 (exactly-once delivery and transactional messaging): producer ids and epochs, per-partition sequence
 *       numbers checked against the producer's last five batches (a retried batch is answered with its original
 *       offset, a gap is refused as out of order), a transaction coordinator whose state (Empty, Ongoing,
 *       PrepareCommit or PrepareAbort, CompleteCommit or CompleteAbort) lives in a durable log, commit and abort
 *       markers written as control records into every partition a transaction touched, fencing of an older epoch,
 *       transaction timeouts that abort, offsets committed within a transaction (AddOffsetsToTxn,
 *       TxnOffsetCommit) that become the group's only when it commits, and the two isolation levels of a fetch: read_uncommitted up to the high
 *       watermark, read_committed up to the LSO with the aborted-transactions index.
 *   <li>Kafka's classic consumer-group protocol ({@code GroupCoordinator}): join, sync, heartbeat and
 *       leave, rebalances into numbered generations whose leader (a consumer) assigns the partitions, session
 *       expiry, and committed offsets per group.
 * </ul>
 *
 * <h2>What it guarantees</h2>
 *
 * <p>A producer's retried batch is written once. A fenced producer (an older epoch) can neither write nor end a
 * transaction. The coordinator acknowledges a state change only after it is synced to its state log. A
 * read_committed fetch never returns a record of an aborted or still open transaction, nor a marker.
 *
 * <h2>What it does not do yet</h2>
 *
 * <p>This is the first slice: one broker, no replication (so the high watermark equals the log end), partition logs
 * kept in memory (the broker does not come back from a crash with its records), no retention, committed offsets kept in
 * memory only; Kafka's wire protocol is the {@code log-server} module's. The broker's {@code Fetch} filters aborted
 * records and markers for a read_committed reader itself; its {@code ReadLog} answers as Kafka's broker does, with
 * every record and the aborted-transactions list, and lets the client skip them. What the reader sees is the same.
 */
package sdlab.txlog;
