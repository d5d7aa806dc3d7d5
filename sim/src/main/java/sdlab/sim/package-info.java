/**
 * The deterministic simulator: nodes and clients written against {@link sdlab.core.NodeContext}
 * run here on one thread, in virtual time, over a simulated network and simulated disks, with
 * faults injected on a schedule, and every run can be replayed exactly from its seed.
 *
 * <h2>What it models</h2>
 *
 * <p>Time is a number that jumps from one event to the next: a priority queue ordered by
 * (virtual time, sequence number) holds message arrivals, timers, disk syncs, faults and
 * workload steps, and the loop takes them one by one. Nothing waits for real time, so an
 * hour of a cluster's life takes a fraction of a second. The network ({@link
 * sdlab.sim.NetworkConfig}) gives each message a latency drawn from a distribution (constant,
 * uniform, exponential, log-normal) and may lose, duplicate or hold back (reorder) it.
 * Partitions, symmetric or one-way, and clogged links cut chosen directed links; messages to a
 * crashed node are dropped; a paused node's events wait until it resumes, as in a long
 * garbage-collection stop. Disks ({@link sdlab.sim.DiskConfig}) keep what was written in two
 * views: what reads see at once and what a completed sync made durable; a crash keeps only
 * the second, optionally with a torn tail of the last appends. Each node's clock may be offset
 * and drift. Crashing a node throws its object away; the restart builds a fresh one from its
 * factory, which must recover from its disk.
 *
 * <h2>What determinism means here</h2>
 *
 * <p>A run is a pure function of its seed and its inputs (nodes, clients, network and disk
 * settings, fault plan, workload). Every random choice comes from a generator derived from
 * the seed by name, one per node, per client's network draws, per disk and per workload
 * process, so adding a client does not change what an existing node draws. Ties in time are
 * broken by the order in which events were scheduled. Only {@link java.lang.StrictMath} is
 * used for sampling, and no hash-ordered iteration decides what happens next. Every event is
 * folded into a 64-bit trace hash, always on and cheap, so two runs of one seed can be
 * compared in one number; the full trace ({@link sdlab.sim.TraceEvent}) is kept only when
 * asked for. When a run fails, the exception names the seed that replays it.
 *
 * <h2>Where the ideas come from</h2>
 *
 * <p>FoundationDB showed that a whole distributed database can be tested by running all of it
 * in a single-threaded simulation with injected faults, and that a failing seed is then a
 * reproducible bug report rather than a flaky test. TigerBeetle's VOPR applies the same idea
 * with a seeded simulator that explores partitions, crashes and storage faults as fast as a
 * CPU allows. Swarm testing, as used there, varies which kinds of fault a run may contain,
 * which is what {@link sdlab.sim.FaultPlan#random} does per seed. The vocabulary of faults
 * (majority/minority and one-way partitions, isolating a node, pauses, clock skew) follows
 * the nemeses of Jepsen and Maelstrom, and the workload follows their split into generator,
 * client and history: the simulator records a Jepsen-shaped history of invocations and
 * ok/fail/info completions for the checkers to judge.
 *
 * <p>What it does not model: bandwidth and message size, CPU time spent by handlers (a
 * handler takes zero virtual time), disk capacity and corruption of synced data, and faults
 * of clients, which never crash.
 */
package sdlab.sim;
