/**
 * How long a sweep takes: an experiment over many seeds, timed as {@code sdlab run} runs it.
 *
 * <p>A {@link sdlab.bench.sweep.SweepTimer} runs {@link sdlab.lab.sweep.Sweep#run} with the experiment's default
 * parameters over seeds {@code 1 .. seeds} on every core, then renders the JSON report, which is everything {@code
 * sdlab run EXPERIMENT --seeds S --json} does after its JVM has started: variants, claims, linearizability checks,
 * tallies and the report. Each round returns a {@link sdlab.bench.sweep.SweepRound}: its wall time, the CPU time of
 * the whole process over the same span (worker threads, the garbage collector and the compiler included) and a
 * fingerprint of the report, so that a reader sees every round measured the same result.
 *
 * <p>Round 1 runs in a JVM that has not compiled the sweep yet, as every CLI run does; later rounds show the
 * steady state. Issue 15 sets the goal: chapter 10's 1,000 seeds in at most 5 s on this project's 2-core machine.
 * The machine is shared, so the CPU time, divided by the cores, estimates what idle cores would give.
 */
package sdlab.bench.sweep;
