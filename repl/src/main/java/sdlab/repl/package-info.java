/**
 * A replicated store with one primary and replicas, as pure node code: the primary appends each write to its log
 * and syncs it, ships the log to its replicas, which append it to a relay log, sync it and apply it; a client hears
 * "committed" when the mode says.
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
 *   <li>Failover here is one step ({@link sdlab.repl.FailoverOperator}): promote the most advanced replica and point
 *       the rest at it. It does not fence the old primary, and an old primary that comes back does not discard what
 *       it had not replicated; a replica found ahead of a newly promoted primary (one that did not answer in time)
 *       is ignored by it rather than rewound. Those, and health checks with leases, are later work.
 *   <li>A replica reads from its applied state: it may be stale, unless the read waits for a position.
 * </ul>
 */
package sdlab.repl;
