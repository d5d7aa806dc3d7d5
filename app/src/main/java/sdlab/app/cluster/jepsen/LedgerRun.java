package sdlab.app.cluster.jepsen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import sdlab.chapters.ledger.BankCheck;
import sdlab.chapters.ledger.TransferGenerator;
import sdlab.check.history.JsonHistoryWriter;
import sdlab.check.ledger.LedgerReport;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.core.client.Outcome;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.ledger.LedgerChecker;
import sdlab.ledger.LedgerClient;
import sdlab.ledger.LedgerConfig;
import sdlab.ledger.LedgerStore;
import sdlab.ledger.LedgerVerdict;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;
import sdlab.sim.OperationGenerator;

/**
 * Chapter 1's ledger scenario against a running real cluster: the chapter's {@link LedgerClient}s,
 * each wrapping the store client its consistency level uses ({@link LedgerStore}), make the
 * chapter's transfers ({@link TransferGenerator}) concurrently over TCP while an optional nemesis
 * breaks the cluster; once every client has made its transfers the nemesis stops and repairs what
 * it broke, and then each client audits every balance, after the chapter's audit delay. The history is written as JSON lines and judged
 * by the chapter's own checkers: {@link LedgerChecker} and the Jepsen-bank {@link BankCheck}.
 *
 * <p>The cluster is the user's: the run neither starts nor stops it, and refuses one whose store
 * already holds the accounts, since an earlier run's balances would mix into the audit.
 */
public final class LedgerRun {
    /** How long the clients may take to connect to the nodes that are up. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);

    /** A bound on a run that hangs; each operation is bounded on its own far below it. */
    private static final Duration RUN_LIMIT = Duration.ofHours(1);

    /** How long the freshness check waits for one read: longer than the store clients' own give-up. */
    private static final long READ_WAIT_SECONDS = 30;

    private final LedgerRunSettings settings;
    private final ProcessCluster cluster;
    private final Class<? extends Message> family;
    private final String description;
    private final Consumer<String> progress;

    /**
     * @param family the cluster's message family
     * @param description the cluster's store, as its mechanism describes it
     */
    public LedgerRun(
            LedgerRunSettings settings,
            ProcessCluster cluster,
            Class<? extends Message> family,
            String description,
            Consumer<String> progress) {
        this.settings = settings;
        this.cluster = cluster;
        this.family = family;
        this.description = description;
        this.progress = progress;
    }

    /**
     * Runs the transfers and the audits, writes the history and checks it.
     *
     * @throws IllegalStateException when the store already holds the accounts or cannot be read: nothing was run
     */
    public LedgerRunResult run() throws IOException, InterruptedException {
        LedgerConfig config = settings.config();
        LedgerStore store = LedgerStore.of(settings.level(), cluster.nodes().size());
        if (!store.nodes().equals(cluster.nodes())) {
            throw new IllegalStateException("the cluster's nodes " + cluster.nodes() + " are not the "
                    + settings.level().label() + " store's " + store.nodes());
        }
        refuseIfUsed(store);
        HistoryRecorder history = new HistoryRecorder(System.nanoTime());
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        List<ClientHost> clients = connect(store, history);
        Nemesis nemesis = new Nemesis(
                cluster,
                settings.nemesis(),
                settings.nemesisInterval().toNanos(),
                deadline,
                settings.seed() ^ 0x6e656d65L,
                history,
                progress);
        List<ClientWorker> workers = workers(clients, history, deadline);
        try {
            Thread nemesisThread = Thread.ofPlatform().name("nemesis").start(nemesis);
            progress.accept("running " + clients.size() + " clients of " + settings.transfersPerClient()
                    + " transfers each, " + config.way().label() + ", nemesis "
                    + (settings.nemesis().isEmpty() ? "none" : names(settings.nemesis())));
            runAll(workers, "transfers", history);
            // The audits read a whole cluster after every transfer, as the chapter's do after every fault has healed.
            nemesis.endNow();
            nemesisThread.join();
            progress.accept("[%6.1fs] transfers over, faults repaired; auditing after %d ms"
                    .formatted(history.elapsedSeconds(), config.auditDelayMs()));
            workers.forEach(worker -> worker.allowMore(1));
            runAll(workers, "audit", history);
        } finally {
            nemesis.endNow(); // already so when all went well; on an interruption, the faults must not outlive the run
            clients.forEach(ClientHost::close);
        }
        return check(history.ops(), nemesis.events());
    }

    private LedgerRunResult check(List<Op> ops, List<String> nemesisEvents) throws IOException {
        Files.writeString(settings.historyFile(), JsonHistoryWriter.lines(ops), StandardCharsets.UTF_8);
        progress.accept("wrote " + ops.size() + " history entries to " + settings.historyFile() + "; checking");
        LedgerConfig config = settings.config();
        History history = new History(ops);
        LedgerVerdict verdict = LedgerChecker.check(history, config);
        LedgerReport bank = BankCheck.check(history, config.accounts(), config.initialBalance());
        return new LedgerRunResult(description, settings, verdict, bank, nemesisEvents, settings.historyFile());
    }

    /** The chapter's ledger clients, on the run's clock, each around a new store client of the level. */
    private List<ClientHost> connect(LedgerStore store, HistoryRecorder history) throws InterruptedException {
        List<ClientHost> clients = new ArrayList<>();
        for (int i = 1; i <= settings.config().clients(); i++) {
            Client ledger = new LedgerClient(store.clients().next(), settings.config());
            clients.add(host("c" + i, new RunClockClient(ledger, history::now), settings.seed() + i));
        }
        for (ClientHost client : clients) {
            awaitConnected(client);
        }
        return clients;
    }

    /**
     * Reads every key the audit will read and refuses the run if one holds a value: an earlier run's
     * balances would be taken for this run's, and its tags or sessions for this run's too.
     */
    private void refuseIfUsed(LedgerStore store) throws InterruptedException {
        try (ClientHost reader = host("check", store.clients().next(), settings.seed())) {
            awaitConnected(reader);
            for (String key : settings.config().auditedKeys()) {
                Outcome outcome = read(reader, key);
                if (!(outcome instanceof Outcome.Ok ok)) {
                    throw new IllegalStateException("could not read " + key + " to check that the store is fresh ("
                            + outcome + "); is the cluster up? see 'sdlab cluster status'");
                }
                if (ok.value() != null) {
                    throw new IllegalStateException("the store already holds " + key + " = " + ok.value()
                            + " from an earlier ledger run; start the cluster afresh (sdlab cluster stop, then"
                            + " sdlab cluster start ... --fresh) or use another --dir");
                }
            }
        }
    }

    private static Outcome read(ClientHost reader, String key) throws InterruptedException {
        try {
            return reader.invoke(0, "read", key, null).get(READ_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.fail("no answer: " + e);
        }
    }

    private ClientHost host(String name, Client client, long seed) {
        // The run's tag keeps the names, and with them the store's client sessions, apart from every other run's.
        return ClientHost.start(
                NodeId.of(name + "-" + settings.runTag()), cluster.addresses(), client, family, seed, line -> {});
    }

    private void awaitConnected(ClientHost client) throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        while (!client.connectedTo(cluster.running()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** One worker per client, each to stop after its transfers; the chapter's generator then hands out its audit. */
    private List<ClientWorker> workers(List<ClientHost> clients, HistoryRecorder history, long deadline) {
        OperationGenerator workload = new TransferGenerator(
                settings.config().accounts(), settings.amountMax(), settings.transfersPerClient(), clients.size());
        List<ClientWorker> workers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            workers.add(new ClientWorker(
                    i,
                    clients.size(),
                    clients.get(i),
                    workload,
                    history,
                    deadline,
                    settings.pauseNanos(),
                    settings.transfersPerClient(),
                    settings.seed() * 31 + i));
        }
        return workers;
    }

    /** Runs one phase of every worker at once and waits for all of them, with a line every five seconds. */
    private void runAll(List<ClientWorker> workers, String phase, HistoryRecorder history) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            threads.add(
                    Thread.ofPlatform().name("ledger-" + phase + "-" + (i + 1)).start(workers.get(i)));
        }
        for (Thread thread : threads) {
            while (!thread.join(Duration.ofSeconds(5))) {
                progress.accept("[%6.1fs] %d history entries"
                        .formatted(history.elapsedSeconds(), history.ops().size()));
            }
        }
    }

    private static String names(List<NemesisKind> kinds) {
        return String.join(",", kinds.stream().map(NemesisKind::cliName).toList());
    }
}
