/**
 * How fast the linearizability checker is against Porcupine, on Porcupine's own test histories.
 *
 * <p>{@link sdlab.bench.check.OracleFolder} finds {@code ../shared/oracles/porcupine} beside the
 * repository; {@link sdlab.bench.check.OracleHistories} lists its histories (the etcd logs,
 * checked as a cas-register, with their verdicts from {@code etcd/VERDICTS.txt}, and the
 * key-value files, checked per key) with Porcupine's times from {@code PORCUPINE-TIMES.txt}
 * ({@link sdlab.bench.check.PorcupineTimes}); {@link sdlab.bench.check.OracleTimer} checks each
 * in-process, after a warm-up, and keeps the median of several runs.
 *
 * <p>The comparison is as fair as the data allows: both checkers in-process, parsing excluded on
 * both sides, the same machine kind. It is not a same-run comparison (Porcupine's figures were
 * taken once, on an idle machine), and Porcupine prints two decimals of a second, so only the
 * histories it needs 5 ms or more for give a per-history ratio; the total compares the sums.
 */
package sdlab.bench.check;
