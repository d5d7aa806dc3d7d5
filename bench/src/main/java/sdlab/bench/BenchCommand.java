package sdlab.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sdlab bench}: the project's own speed, measured on this machine. {@code sim} measures
 * the simulator (deliveries per second, virtual over wall time), {@code sweep} times an experiment's sweep over many
 * seeds as {@code sdlab run} runs it, {@code check} times the
 * linearizability checker on Porcupine's oracle histories beside Porcupine's own times, {@code txn}
 * times the transactional anomaly checker on generated histories beside Elle's published figure. {@code
 * cache} and {@code gateway} run the real nodes beside redis-server, memcached and nginx under
 * the peers' own load tools, {@code tls} reconnects real TLS clients to the gateway, and {@code
 * limiters} times the rate limiters against Bucket4j; each prints sdlab's figure, the peer's and
 * their ratio from the same run. {@code coord} ({@link CoordCommand}) runs the coordination
 * service beside a ZooKeeper ensemble, and {@code repl} ({@link ReplCommand}) the replicated store's commit
 * latency per mode beside MariaDB's and PostgreSQL's replication; the app registers both, with the sdlab clusters
 * they can start.
 *
 * <p>Register it as a subcommand: {@code cli.addSubcommand("bench", new BenchCommand())}. For
 * the detailed, statistically careful figures, run the JMH benchmarks of {@code
 * sdlab.bench.jmh} instead.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Benchmarks of sdlab itself: the simulator's speed (sim), the checker's against Porcupine"
                        + " (check), the transactional anomaly checker beside Elle's published figure (txn), an experiment's sweep over many seeds (sweep), the real nodes side by side with their peers (cache: redis-server and memcached;"
                        + " gateway: nginx), TLS reconnects against the gateway (tls) and the rate limiters against"
                        + " Bucket4j (limiters), and token imbalance and routing cost of the sharded store (shard); from the full sdlab command, also the coordination service beside ZooKeeper (coord) and replication's commit latency per mode beside MariaDB and PostgreSQL (repl). Figures depend on the machine and its load; each report says both.",
        subcommands = {
            SimCommand.class,
            SweepCommand.class,
            CheckCommand.class,
            TxnCommand.class,
            CacheCommand.class,
            GatewayCommand.class,
            TlsCommand.class,
            LimitersCommand.class,
            ShardCommand.class
        })
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The command object; picocli fills in its spec. */
    public BenchCommand() {
        // Subcommands are declared in the annotation.
    }

    /**
     * Runs {@code bench} on its own, without the rest of the CLI:
     * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) sdlab.bench.BenchCommand sim}.
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
