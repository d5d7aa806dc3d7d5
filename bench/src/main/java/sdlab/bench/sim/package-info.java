/**
 * How fast the simulator runs: simulated message deliveries and events per second of wall
 * time, and how many times faster than real time a run goes.
 *
 * <p>A {@link sdlab.bench.sim.SimWorkload} is one fixed-size run of chapter 10's quorum store
 * (5 nodes, closed-loop clients, log-normal latency, no faults, no trace). {@link
 * sdlab.bench.sim.SimThroughput} repeats fresh runs of it, first for a warm-up it throws away,
 * then for the measured time, and returns a {@link sdlab.bench.sim.SimMeasurement}: the sums
 * of the measured runs, from which every rate is derived, so the figures of one report always
 * describe the same runs. Two workloads are built in: {@code quorum}, chapter 10's shape with
 * clients that think between operations (its virtual/wall ratio is the one an experiment
 * sees), and {@code message-heavy}, 64 clients without think time (its deliveries per second
 * measure the simulator and the node code, not idle virtual time).
 *
 * <p>Issue 2 sets the targets: 2,000,000 deliveries per second on one core and 1,000 times
 * real time. The simulator is single-threaded by design, so one run uses one core; the JVM's
 * garbage collector and compiler threads use others if there are any.
 */
package sdlab.bench.sim;
