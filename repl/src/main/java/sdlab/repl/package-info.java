/**
 * A replicated store with one primary and replicas, as pure node code: the primary appends each write to its log
 * and syncs it, ships the log to its replicas, which append it to a relay log, sync it and apply it; a client hears
 * "committed" when the mode says. Two other arrangements reuse the same log, roles and messages: two or more primaries
 * that each take writes and ship them to the others ({@link sdlab.repl.ActiveActiveNode}), and a cold standby that is
 * not running, restored from an archive of the primary's log when it must take over ({@link sdlab.repl.ColdStandby},
 * {@link sdlab.repl.ArchiveNode}).
 *
 * <h2>What it follows</h2>
 *
 * <ul>
 *   <li>MySQL and MariaDB replication: the binary log, a replica's relay log and its applier; semi-synchronous
 *       replication with {@code rpl_semi_sync_master_wait_point} ({@code AFTER_COMMIT}, MariaDB's default, and
 *       {@code AFTER_SYNC}, MySQL's "lossless" default since 5.7), {@code rpl_semi_sync_master_wait_for_slave_count},
 *       and {@code rpl_semi_sync_master_timeout}, after which the primary falls back to asynchronous and switches
 *       back once a replica catches up, counted as {@code Rpl_semi_sync_master_status}, {@code _yes_tx},
 *       {@code _no_tx} and {@code _no_times}. A semi-sync replica acknowledges an event once it has
 *       written and flushed it to its relay log, as MySQL's replica does.
 *   <li>PostgreSQL's {@code synchronous_commit} levels with synchronous standbys: {@code remote_write} (the standby
 *       wrote the WAL, not flushed), {@code on} (flushed) and {@code remote_apply} (replayed, visible to its readers),
 *       with {@code ANY n} standbys and no timeout: a commit waits for as long as it takes.
 *   <li>{@code Seconds_Behind_Source}, and the receive lag it cannot see ({@link sdlab.repl.ReplicaLag}); reads that
 *       wait for a position as {@code WAIT_FOR_EXECUTED_GTID_SET} or an LSN wait do.
 *   <li>Two MySQL servers replicating from each other, each shipping only the events it originated, with
 *       last-writer-wins on reads as pglogical's {@code last_update_wins} resolves conflicts.
 *   <li>PostgreSQL's WAL archiving ({@code archive_command} with {@code archive_timeout}) and a restore from a base
 *       backup and the archived WAL after it, for a standby that is started only when it is needed.
 * </ul>
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <ul>
 *   <li>Every acknowledgement follows the syncs it promises: the primary's own, and where the mode waits, the
 *       replicas' relay-log syncs ({@code remote_write} promises only that a replica wrote it). So with semi-sync
 *       {@code AFTER_SYNC} and one acknowledgement, a crash of the primary loses no acknowledged commit provided the
 *       most advanced replica is promoted and semi-sync had not fallen back.
 *   <li>{@code AFTER_COMMIT} lets readers on the primary see a commit before any replica has it; if the primary
 *       then dies, they saw a write that is lost. {@code AFTER_SYNC} shows a commit only once it is acknowledged.
 *   <li>The semi-sync timeout silently makes the primary asynchronous: commits acknowledged while it is off can be
 *       lost. Synchronous modes never fall back; their clients time out instead (an unknown outcome).
 *   <li>Failover comes in two forms. {@link sdlab.repl.FailoverOperator} is one step: promote the most advanced
 *       replica once the primary stops answering, with no fencing, for crash experiments where the old primary stays
 *       down. {@link sdlab.repl.FailoverManager} watches the primary with a {@link sdlab.repl.HealthCheck} (a TCP port
 *       answered by the host's kernel, {@link sdlab.repl.PortListener}; a heartbeat write through the primary; or
 *       the primary's lease at a {@link sdlab.repl.LeaseNode}), promotes the most advanced of the nodes that answer
 *       (or waits for enough of them), and keeps telling every other node who the primary is. A replica added
 *       later ({@link sdlab.repl.JoinOperator}) is registered with the manager before it joins and is a candidate
 *       from then on; the manager waits for one answer more for each ({@link sdlab.repl.CandidateSet} says why).
 *       A replica still loading its snapshot answers but is never promoted; if its primary is replaced meanwhile,
 *       it starts the snapshot again from the node the manager names. The primary writes each replica that joins it
 *       into its role file before sending the snapshot, so that it still ships to it and counts it after a restart.
 *   <li>A primary that holds a lease stops taking writes when it cannot renew it in time (its TTL less the drift
 *       margin); the lease service hands it on only after the TTL and the margin. With fencing, every shipment
 *       carries the lease's token, a replica follows the highest token it has seen and refuses older ones, and a
 *       commit waits for a replica: a deposed primary's writes are refused by token. Without fencing, a primary
 *       that took a write before a long pause still commits it when it resumes.
 *   <li>A node that starts to follow a new primary discards what it holds beyond the point where that primary's
 *       history began (the {@code epochStartPosition} of its shipments), and reports how much: a deposed primary
 *       loses the writes it took after it was replaced. Acknowledged writes survive a failover only where the
 *       commit waited for a replica and the promotion heard from enough replicas to include one that holds them.
 *   <li>A replica reads from its applied state: it may be stale, unless the read waits for a position.
 *   <li>Active-active primaries acknowledge a write after their own sync and ship it afterwards, so two clients can
 *       be told they wrote one key at two primaries at once; every primary ends with the newest value once it holds
 *       every log, and the older write is shadowed without anyone being told. A primary that was down catches up on
 *       the others' logs, and they on its.
 *   <li>A cold standby loses what its primary had not archived when it stopped: up to one archive timeout of
 *       acknowledged writes, more if the archive was behind. It takes writes only once started and restored, and a
 *       primary it replaced goes cold rather than replicating from it. The archive takes segments from one source
 *       at a time: the primary at the start, then the last node restored from it.
 * </ul>
 */
package sdlab.repl;
