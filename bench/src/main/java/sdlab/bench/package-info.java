/**
 * {@code sdlab bench}: the project measuring its own speed, from the command line.
 *
 * <p>{@link sdlab.bench.BenchCommand} is the picocli command the {@code sdlab} launcher
 * registers as {@code sdlab bench}; it also runs on its own through its {@code main}. Its
 * subcommands are thin: {@code sim} drives {@link sdlab.bench.sim.SimThroughput} over the
 * workloads of {@link sdlab.bench.sim.SimWorkload}, {@code check} drives {@link
 * sdlab.bench.check.OracleTimer} over the Porcupine oracle histories, and each prints a table
 * or JSON. Progress goes to standard error, at most a line a second.
 *
 * <p>Figures here are wall-clock measurements on whatever machine runs them, and machines of
 * this project are often shared with builds: every report therefore states the cores and the
 * load average, and the simulator report also gives the thread's CPU time, which says what an
 * idle core would have done. For statistically careful figures (forks, iterations, error
 * bars), use the JMH benchmarks of {@code sdlab.bench.jmh}; their javadoc shows the command.
 *
 * <p>Nothing in this module is part of a deterministic run: it may read clocks, which the
 * simulator and the checkers never do.
 */
package sdlab.bench;
