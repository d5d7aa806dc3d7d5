/**
 * Kafka's wire protocol in front of the txlog broker: {@code sdlab node log}, a single broker that the unmodified Kafka
 * Java client (kafka-clients 4.x) produces to and consumes from.
 *
 * <h2>How it is built</h2>
 *
 * <p>The broker is {@link sdlab.txlog.LogBroker}, the same pure node the chapters run in the simulator, on one Netty
 * event loop ({@link sdlab.txlog.server.BrokerHost}) that also carries the client connections. A connection
 * ({@code KafkaConnection}) takes size-prefixed frames, reads the request header (v2: flexible versions with tagged fields),
 * and hands the body to one class per API, which decodes it, asks the node through {@code NodeCalls}, and encodes the
 * node's answer. Answers leave in request order, as Kafka promises.
 *
 * <p>A broker of a cluster ({@code sdlab cluster start log}) is the same node in the runtime's {@code NodeHost}, which
 * carries its replication messages to the other brokers and the controller; {@link sdlab.txlog.server.ClusterKafkaDoor}
 * puts the same door on that node's loop ({@code HostedBroker}). Metadata then lists every broker and names each
 * partition's leader as the node knows it, and FindCoordinator places each group or transactional id on one broker
 * ({@code KafkaBrokers}).
 *
 * <h2>What the node decides, and what the door does</h2>
 *
 * <p>The node assigns offsets, checks each idempotent producer's epoch and sequence (a retried batch gets its original
 * offset back, a gap is refused with OUT_OF_ORDER_SEQUENCE_NUMBER), hands out producer ids, and keeps the high
 * watermark and last stable offset that Fetch and ListOffsets report. Its group coordinator decides group membership,
 * generations, leaders and rebalances, and keeps committed offsets. The door checks that a record batch is whole
 * (CRC-32C, v2 format) and reads its header, but never opens the records: each batch is stored in the node as the
 * producer sent it and returned with its base offset rewritten, the one field outside the CRC. A fetch gets the log
 * as Kafka's broker sends it (markers as control batches, aborted records with the aborted-transactions list for
 * read_committed, cut at the last stable offset), and kafka-clients does the filtering.
 *
 * <h2>What it serves</h2>
 *
 * <p>ApiVersions v3-4, Metadata v12, InitProducerId v4, Produce v9, ListOffsets v7 (earliest and latest) and Fetch v12
 * (full fetches, no sessions); for consumer groups over the classic protocol, FindCoordinator v4, JoinGroup v6,
 * SyncGroup v4, Heartbeat v4, LeaveGroup v4, OffsetCommit v8 and OffsetFetch v8; for transactional producers,
 * AddPartitionsToTxn v3, AddOffsetsToTxn v3, EndTxn v3 and TxnOffsetCommit v3. A request for an API or version not listed closes its connection, as Kafka does.
 *
 * <h2>What it does not do yet</h2>
 *
 * <p>Transactions "v2" (KIP-890), topics created on first use, offsets
 * looked up by timestamp, a fetch woken early by a write (an empty fetch waits out its {@code max_wait_ms}, at most 500
 * ms), persistence of the records and committed offsets across restarts, the new consumer protocol
 * (KIP-848, {@code group.protocol=consumer}) and static membership; in a cluster, replicated coordinators.
 */
package sdlab.txlog.server;
