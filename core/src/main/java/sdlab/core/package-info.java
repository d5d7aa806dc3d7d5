/**
 * The node model: what every mechanism in sdlab is written against.
 *
 * <p>A {@link sdlab.core.Node} is a deterministic event handler in the style of etcd's raft
 * and DSLabs: it is handed one event at a time (start, a message, a timer, a completed disk
 * sync) and reacts only through its {@link sdlab.core.NodeContext}: it sends messages, sets
 * timers, writes to its {@link sdlab.core.Disk}, reads its clock and draws from its seeded
 * random generator. It never touches a socket, a thread, the wall clock or a file itself.
 * That is what lets one class run in the deterministic simulator (virtual time, seeded
 * faults, replayable) and over real sockets.
 *
 * <p>Clients are the other kind of actor: a {@link sdlab.core.client.Client} turns workload
 * operations into messages and reports each operation's {@link sdlab.core.client.Outcome}:
 * ok, fail (certainly not applied) or unknown (may or may not have applied).
 *
 * <p>Persistence is an effect: a node that promises durability replies only after
 * {@link sdlab.core.Node#onSynced} tells it that its writes reached stable storage. A crash
 * before that loses the unsynced writes.
 */
package sdlab.core;
