/**
 * A partitioned, replicated, append-only log with idempotent and transactional producers, as pure node code: a broker
 * ({@link sdlab.txlog.LogBroker}) holds its replicas of the partitions of its topics, the transaction coordinator and
 * the group coordinator; standalone it leads every partition alone, in a group a controller
 * ({@link sdlab.txlog.LogController}) elects each partition's leader.
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
 *       markers written as control records into every partition a transaction touched (by the coordinator where
 *       its broker leads, by the other leaders on its WriteTxnMarker, sent again until each is confirmed), fencing of an older epoch,
 *       transaction timeouts that abort, offsets committed within a transaction (AddOffsetsToTxn,
 *       TxnOffsetCommit) that become the group's only when it commits, and the two isolation levels of a fetch: read_uncommitted up to the high
 *       watermark, read_committed up to the LSO with the aborted-transactions index.
 *   <li>Kafka's replication: a leader per partition in a numbered leader epoch, followers that fetch from it
 *       (each fetch carries the follower's log end), an in-sync set that drops a follower behind for longer than
 *       {@code replica.lag.time.max} and takes it back once caught up, changed only with the controller's consent
 *       (AlterPartition), a high watermark at the lowest log end of the in-sync set, {@code acks} 0, 1 and all with
 *       {@code min.insync.replicas}, elections from the in-sync set (or, unclean, from outside it), and followers of a
 *       new leader that truncate their divergent suffix by the leader-epoch cache (KIP-101, KIP-279). A leader holds
 *       a follower's fetch that finds nothing new for up to {@code replica.fetch.wait.max.ms} and answers it as soon
 *       as records arrive; the controller moves each partition's leadership back to its preferred replica once that
 *       one is in sync again ({@code auto.leader.rebalance.enable}).
 *   <li>Retention by bytes and by age ({@code retention.bytes}, {@code retention.ms}): whole batches leave the front
 *       of the log and the log start offset moves; a fetch below it is out of range.
 *   <li>Kafka's classic consumer-group protocol ({@code GroupCoordinator}): join, sync, heartbeat and
 *       leave, rebalances into numbered generations whose leader (a consumer) assigns the partitions, session
 *       expiry, and committed offsets per group.
 * </ul>
 *
 * <h2>What it guarantees</h2>
 *
 * <p>With {@code acks=all}, an acknowledged record is on every in-sync replica, and a clean election keeps it; a
 * consumer reads nothing above the high watermark. A producer's retried batch is written once, also when the retry
 * goes to a new leader, since followers rebuild the producer state from the batches they copy. A fenced producer (an older epoch) can neither write nor end a
 * transaction. The coordinator acknowledges a state change only after it is synced to its state log. A
 * read_committed fetch never returns a record of an aborted or still open transaction, nor a marker.
 *
 * <h2>What it does not do yet</h2>
 *
 * <p>Partition logs are kept in memory (a broker does not come back from a crash with its records, so a restarted
 * broker leaves every in-sync set and copies the log again), committed offsets too; the controller does not fail
 * over; a transaction coordinator's state is not replicated to other brokers; Kafka's wire protocol is the {@code log-server} module's. The broker's {@code Fetch} filters aborted
 * records and markers for a read_committed reader itself; its {@code ReadLog} answers as Kafka's broker does, with
 * every record and the aborted-transactions list, and lets the client skip them. What the reader sees is the same.
 */
package sdlab.txlog;
