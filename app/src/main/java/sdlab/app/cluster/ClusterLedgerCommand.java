package sdlab.app.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.app.cluster.jepsen.LedgerRun;
import sdlab.app.cluster.jepsen.LedgerRunResult;
import sdlab.app.cluster.jepsen.LedgerRunSettings;
import sdlab.app.cluster.jepsen.NemesisKind;
import sdlab.chapters.ledger.LedgerScenario;
import sdlab.chapters.quorum.QuorumClusterMechanism;
import sdlab.lab.DurationText;
import sdlab.ledger.ConsistencyLevel;
import sdlab.ledger.LedgerConfig;
import sdlab.ledger.TransferWay;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.ProcessCluster;

/** {@code sdlab cluster ledger}: chapter 1's transfers against the running cluster, judged by the chapter's checkers. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = {
            "Run chapter 1's payment ledger against the running cluster (raft, quorum or causal): concurrent clients move"
                    + " money"
                    + " between accounts the chosen way, over TCP, while an optional nemesis breaks the cluster; then"
                    + " every client audits the balances. The history is checked by the chapter's ledger checker"
                    + " (double spends, the total, stale reads) and its Jepsen-bank checker.",
            "The store must not hold the accounts yet: run it on a cluster started with --fresh.",
            "",
            "  sdlab cluster start raft --nodes 3 --fresh",
            "  sdlab cluster ledger --way atomic --clients 4 --transfers 25 --nemesis partition,kill"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the ledger stayed exact: no double spend, the total unchanged, nothing for either checker",
            "1:a checker found a violation",
            "2:bad input, a store that already holds the accounts, or no audit could read every balance"
        })
final class ClusterLedgerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterDirectory dir;

    @Option(
            names = "--way",
            required = true,
            paramLabel = "WAY",
            description = "how a transfer is written: read-then-write, cas-retry, escrow, txn-retry or atomic"
                    + " (cas-retry, txn-retry and atomic need the raft cluster)")
    String way;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "on a quorum cluster: session (each client sticks to one coordinator) or eventual (any"
                    + " coordinator per operation; the default); on a causal cluster: causal (each client on its own"
                    + " replica; the default) or session-token (any replica, which waits for the client's version"
                    + " token); raft is linearizable")
    String level;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(
            names = "--transfers",
            defaultValue = "25",
            description = "transfers per client (default: ${DEFAULT-VALUE})")
    int transfers;

    @Option(names = "--accounts", defaultValue = "3", description = "accounts (default: ${DEFAULT-VALUE})")
    int accounts;

    @Option(
            names = "--initial",
            defaultValue = "100",
            description = "each account's balance at the start (default: ${DEFAULT-VALUE})")
    long initial;

    @Option(
            names = "--amount-max",
            defaultValue = "30",
            description = "largest transfer; amounts are uniform from 1 (default: ${DEFAULT-VALUE})")
    int amountMax;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "transfers per second over all clients; 0: each client goes as fast as the store answers"
                    + " (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--nemesis",
            defaultValue = "none",
            split = ",",
            description = "faults while the transfers run: partition, one-way, kill, pause, loss, or none"
                    + " (default: ${DEFAULT-VALUE})")
    List<String> nemesis;

    @Option(
            names = "--nemesis-interval",
            defaultValue = "3s",
            description = "length of each quiet period and each fault (default: ${DEFAULT-VALUE})")
    String nemesisInterval;

    @Option(
            names = "--audit-delay",
            defaultValue = "3s",
            description = "how long the clients wait before they audit, once every client has made its transfers and"
                    + " the nemesis has repaired what it broke (default: ${DEFAULT-VALUE})")
    String auditDelay;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the transfers and the nemesis's choices")
    long seed;

    @Option(
            names = "--history",
            paramLabel = "PATH",
            description = "where the history goes, as JSON lines (default: DIR/ledger-history.jsonl)")
    Path historyFile;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try (ProcessCluster cluster = AttachedCluster.open(spec.commandLine(), dir)) {
            ClusterMechanism mechanism = ClusterMechanisms.of(cluster.layout());
            LedgerRunSettings settings = settings(cluster, mechanism);
            LedgerRun run = new LedgerRun(settings, cluster, mechanism.family(), mechanism.describe(), line -> {
                err.println("sdlab: " + line);
                err.flush();
            });
            LedgerRunResult result;
            try {
                result = run.run();
            } catch (IllegalStateException e) {
                err.println("sdlab: " + e.getMessage());
                err.flush();
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? LedgerRunJson.of(result) : LedgerRunText.of(result));
            out.flush();
            return result.exitCode();
        }
    }

    private LedgerRunSettings settings(ProcessCluster cluster, ClusterMechanism mechanism) {
        try {
            TransferWay transferWay = parseWay();
            ConsistencyLevel storeLevel = level(mechanism);
            if (transferWay.needsConditionalWrites() && !storeLevel.conditionalWrites()) {
                throw new IllegalArgumentException("the " + mechanism.name()
                        + " store has no compare-and-set and no transactions, so it cannot run --way "
                        + transferWay.label()
                        + "; use read-then-write or escrow here, or a raft cluster (sdlab cluster start raft)");
            }
            if (clients < 1 || clients > 64 || transfers < 1) {
                throw new IllegalArgumentException("--clients takes 1 to 64 and --transfers at least 1");
            }
            LedgerConfig config = new LedgerConfig(
                    accounts,
                    initial,
                    clients,
                    transferWay,
                    LedgerScenario.CONFLICT_RETRIES_MAX,
                    Math.toIntExact(DurationText.parseOption("--audit-delay", auditDelay)
                            .toMillis()),
                    LedgerConfig.StoreBug.NONE);
            return new LedgerRunSettings(
                    config,
                    storeLevel,
                    transfers,
                    amountMax,
                    rate,
                    NemesisKind.parseAll(nemesis),
                    DurationText.parseOption("--nemesis-interval", nemesisInterval),
                    seed,
                    // Unique to this run: its clients' names must not be an earlier run's (see LedgerRunSettings).
                    Long.toString(System.currentTimeMillis(), 36),
                    historyFile != null
                            ? historyFile.toAbsolutePath()
                            : cluster.directory().resolve("ledger-history.jsonl"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private TransferWay parseWay() {
        return Arrays.stream(TransferWay.values())
                .filter(w -> w.label().equals(way.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no way '" + way + "'; use one of "
                        + String.join(
                                ", ",
                                Arrays.stream(TransferWay.values())
                                        .map(TransferWay::label)
                                        .toList())));
    }

    /**
     * The consistency level the cluster's store gives: Raft is linearizable; the quorum store is session or eventual
     * by how its clients pick coordinators, as chapter 1 runs it; the causal store is causal with each client on its own
     * replica, or session-token with any replica holding a request until the client's token is applied there (how a
     * client talks to the replicas is the client's choice: the replicas serve both).
     */
    private ConsistencyLevel level(ClusterMechanism mechanism) {
        String asked = level == null ? null : level.strip().toLowerCase(Locale.ROOT);
        return switch (mechanism.name()) {
            case RaftClusterMechanism.NAME -> {
                if (asked != null && !asked.equals(ConsistencyLevel.LINEARIZABLE.label())) {
                    throw new IllegalArgumentException(
                            "the raft store is linearizable; --level " + level + " is for a quorum cluster");
                }
                yield ConsistencyLevel.LINEARIZABLE;
            }
            case QuorumClusterMechanism.NAME -> {
                if (asked == null || asked.equals(ConsistencyLevel.EVENTUAL.label())) {
                    yield ConsistencyLevel.EVENTUAL;
                }
                if (asked.equals(ConsistencyLevel.SESSION.label())) {
                    yield ConsistencyLevel.SESSION;
                }
                throw new IllegalArgumentException(
                        "a quorum cluster runs the ledger at --level session or eventual, not '" + level + "'");
            }
            case CausalClusterMechanism.NAME -> {
                if (asked == null || asked.equals(ConsistencyLevel.CAUSAL.label())) {
                    yield ConsistencyLevel.CAUSAL;
                }
                if (asked.equals(ConsistencyLevel.SESSION_TOKEN.label())) {
                    yield ConsistencyLevel.SESSION_TOKEN;
                }
                throw new IllegalArgumentException(
                        "a causal cluster runs the ledger at --level causal or session-token, not '" + level + "'");
            }
            default ->
                throw new IllegalArgumentException(
                        "the ledger runs on a raft, a quorum or a causal cluster; the one in " + dir.path() + " runs "
                                + mechanism.name());
        };
    }
}
