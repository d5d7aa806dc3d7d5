/**
 * Raft (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm", 2014, and
 * Ongaro's thesis, 2014) as pure node code, replicating a small key-value store: put and cas of
 * null, Long or String values under string keys, multi-key transactions, and reads.
 *
 * <p>What is here:
 *
 * <ul>
 *   <li>Leader election with randomised timeouts drawn from the node's seeded generator, a
 *       pre-vote round that does not raise terms (thesis §9.6), and check-quorum: a leader that
 *       has not heard from a majority within the longest election timeout steps down.
 *   <li>Log replication with batching and pipelining, and the current-term commit rule: a
 *       leader commits by counting replicas only entries of its own term (§5.4.2); a new leader
 *       appends a no-op to commit its term.
 *   <li>Durability before promises: term, vote and log are appended to one file and synced
 *       before anything that depends on them is said: a vote is granted in {@code onSynced}, an
 *       AppendEntries succeeds once its entries are synced, a leader counts its own entries once
 *       they are synced. Recovery replays the file and tolerates a torn tail.
 *   <li>Snapshots and log compaction (§7): a node whose log holds more than {@code
 *       snapshotLogEntriesMax} applied entries snapshots its state machine (data and sessions)
 *       at its next tick; the snapshot is written and synced before a new log file generation
 *       starts after it, and the old generation is deleted only once the new one is synced
 *       ({@link sdlab.consensus.raft.PersistentState}). A follower that needs compacted entries
 *       gets the snapshot in InstallSnapshot chunks ({@code snapshotChunkBytes} each, one
 *       acknowledged before the next), installs the whole durably before answering the last, and
 *       keeps its log after the snapshot only if it holds the snapshot's last entry. A leader
 *       postpones compaction (up to twice the usual length) while a follower in touch still lacks
 *       the entries it would drop.
 *   <li>Linearizable reads by ReadIndex (thesis §6.4): no log entry, one heartbeat round; or, as
 *       an option, by lease (§6.4.1): no message at all while a heartbeat round that a majority
 *       acknowledged began less than the shortest election timeout ago, shortened by the clock
 *       drift bound. Followers then refuse votes (not only pre-votes) for the shortest election
 *       timeout after hearing a leader, and after their own start (§4.2.3).
 *   <li>Client sessions (thesis §6.3): a retried write carries the same sequence number and is
 *       applied once; its cached result answers the retry.
 *   <li>Multi-key transactions in the style of etcd's Txn ({@link sdlab.consensus.raft.Command.Txn}):
 *       conditions on several keys (equals, absent, a number of at least n), then writes (set,
 *       delete, add n computed by the state machine) applied all or none, in one log entry and
 *       so serializable; the answer names the first failed condition and what every key held.
 *   <li>Membership changes one server at a time (thesis §4.1): an administrator's {@code
 *       AddServer} or {@code RemoveServer} to the leader becomes a {@link
 *       sdlab.consensus.raft.Command.ChangeMembers} entry with the whole new configuration.
 *       Every server goes by the latest configuration in its log, committed or not, from the
 *       moment it is appended ({@link sdlab.consensus.raft.RaftLog}; a truncation rolls it back);
 *       every majority it counts (commit, check-quorum, ReadIndex, votes) is one of it. The leader
 *       answers once the change commits; it refuses a change while another is uncommitted, or one
 *       that would remove the last member; and it holds a change until an entry of its own term
 *       is committed (the fix for the bug Ongaro reported on raft-dev in 2015; {@link
 *       sdlab.consensus.raft.MembershipChanges}). A removed leader leads without counting itself
 *       until its removal commits, then steps down. A node outside its configuration (added but
 *       not yet contacted, or removed) never stands for election. The configuration is part of
 *       the snapshot and of the log file's Base record, so a restart or an InstallSnapshot
 *       restores it.
 *   <li>{@link sdlab.consensus.raft.RaftInvariants}: election safety, log matching, leader
 *       completeness and state-machine safety, checked after every event of a simulated run, and
 *       membership: at most one uncommitted configuration change in any log, no leader once its
 *       removal is committed, no change of a leader's term before an entry of that term commits.
 * </ul>
 *
 * <p>What it guarantees: committed writes survive any minority of crashes and any partition;
 * reads and writes through {@link sdlab.consensus.raft.RaftClient} are linearizable; a write
 * the client gave up on (unknown) may still apply, but at most once. Progress needs a majority
 * that can talk to each other and a leader that stays up for a few heartbeats.
 *
 * <p>What lease reads do not guarantee: they are linearizable only while no clock runs faster or
 * slower than {@code clockDriftPpmMax} allows; ReadIndex needs no such assumption.
 *
 * <p>What it does not do yet, and where it would go: joint consensus (changes of more than one
 * server at once); non-voting learners that catch up before they join (a new server votes, and
 * counts in majorities, from the moment its change is appended, so adding a server that is far
 * behind can stall commits until it catches up: {@code MembershipChanges} would append the change
 * only once the new server's match index is close to the leader's); telling a removed follower it
 * was removed (the leader stops sending to it at once; pre-vote and leader stickiness keep it from
 * disrupting the others, but it may keep asking for pre-votes); lease reads across membership
 * changes are not analysed separately (a lease counts acknowledgements from the current
 * configuration's members, whose majorities overlap the previous one's); session expiry in the
 * key-value machine (sessions are kept forever; the coordination service expires its own).
 *
 * <p>Planted bugs ({@link sdlab.consensus.raft.RaftConfig.Bug}): committing an earlier term's
 * entry by counting replicas (figure 8), granting a vote before it is synced, a lease without the
 * drift bound, and a membership change before the leader has committed an entry of its term.
 */
package sdlab.consensus.raft;
