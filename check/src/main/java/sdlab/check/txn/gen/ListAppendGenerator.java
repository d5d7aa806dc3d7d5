package sdlab.check.txn.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.txn.MicroOp;
import sdlab.check.txn.Txn;
import sdlab.check.txn.TxnHistory;
import sdlab.check.txn.TxnModel;

/**
 * Generates list-append histories from a simulated store, seeded: the same configuration and
 * seed give the same history. Clients (processes) run concurrently: at each step one random
 * process invokes a transaction, applies it, or completes it. In the atomic store a transaction
 * takes effect at one instant between its invocation and its completion, so the history is
 * strict serializable; in the interleaved store each micro-operation applies at its own step,
 * with no isolation at all, which makes every kind of anomaly possible. Keys rotate as in
 * Jepsen's workload: a key takes a bounded number of appends, then a fresh key replaces it, which
 * keeps reads short however long the history.
 *
 * <p>A transaction that fails never applies in the atomic store (in the interleaved one, what it
 * applied stays: dirty writes). One whose outcome is unknown applies or not at random; its
 * process is then retired and a new process id takes its place, as Jepsen does.
 */
public final class ListAppendGenerator {
    /**
     * @param txns how many transactions
     * @param processes how many run at once
     * @param keysActive how many keys are in use at a time
     * @param appendsPerKeyMax appends a key takes before it is replaced
     * @param opsPerTxnMax micro-operations per transaction (1 to this)
     * @param failPercent transactions that fail
     * @param infoPercent transactions whose outcome is unknown
     * @param interleaved micro-operations apply one at a time, with no isolation
     * @param finalRead after the others, one more transaction (on a process of its own) reads
     *     every key, as Jepsen's final reads do, so that every applied append is seen
     */
    public record Config(
            int txns,
            int processes,
            int keysActive,
            int appendsPerKeyMax,
            int opsPerTxnMax,
            int failPercent,
            int infoPercent,
            boolean interleaved,
            boolean finalRead) {
        /** A strict serializable store with some failed and unknown transactions. */
        public static Config serializable(int txns, int processes) {
            return new Config(txns, processes, 8, 32, 4, 3, 2, false, false);
        }
    }

    private final Config config;
    private final SplittableRandom random;
    private final List<Txn> txns = new ArrayList<>();
    private final List<String> keyNames = new ArrayList<>();
    private final List<long[]> lists = new ArrayList<>();
    private final int[] listLength;
    private final int[] appendsPlanned;
    private final int[] activeKeys;
    private final Client[] clients;
    private int entries;
    private int nextProcess;

    private ListAppendGenerator(Config config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
        int keysMax = config.keysActive()
                + config.txns() * config.opsPerTxnMax() / Math.max(1, config.appendsPerKeyMax())
                + 1;
        this.listLength = new int[keysMax];
        this.appendsPlanned = new int[keysMax];
        this.activeKeys = new int[config.keysActive()];
        for (int i = 0; i < activeKeys.length; i++) {
            activeKeys[i] = newKey();
        }
        this.clients = new Client[config.processes()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new Client(nextProcess++);
        }
    }

    /** A history of {@code config.txns()} transactions from the store, for this seed. */
    public static TxnHistory generate(Config config, long seed) {
        return new ListAppendGenerator(config, seed).run();
    }

    private TxnHistory run() {
        int invoked = 0;
        int running = 0;
        while (invoked < config.txns() || running > 0) {
            Client c = clients[random.nextInt(clients.length)];
            if (c.plan == null) {
                if (invoked < config.txns()) {
                    c.invoke(invoked++);
                    running++;
                }
            } else if (c.step()) {
                running--;
            }
        }
        if (config.finalRead()) {
            readEverything(invoked);
        }
        Txn[] byId = new Txn[txns.size()];
        txns.forEach(t -> byId[t.id()] = t);
        return new TxnHistory(TxnModel.LIST_APPEND, Arrays.asList(byId), keyNames);
    }

    private void readEverything(int id) {
        List<MicroOp> reads = new ArrayList<>(keyNames.size());
        for (int key = 0; key < keyNames.size(); key++) {
            reads.add(new MicroOp.Read(key, read(key)));
        }
        int invokeIndex = entries++;
        txns.add(new Txn(id, nextProcess++, Status.OK, reads, invokeIndex, entries++));
    }

    private int newKey() {
        keyNames.add(Integer.toString(keyNames.size()));
        lists.add(new long[4]);
        return keyNames.size() - 1;
    }

    /** A random active key for an append, replacing keys that have taken their share. */
    private int keyForAppend() {
        int slot = random.nextInt(activeKeys.length);
        if (appendsPlanned[activeKeys[slot]] >= config.appendsPerKeyMax()) {
            activeKeys[slot] = newKey();
        }
        appendsPlanned[activeKeys[slot]]++;
        return activeKeys[slot];
    }

    private long[] read(int key) {
        return Arrays.copyOf(lists.get(key), listLength[key]);
    }

    private void append(int key, long value) {
        long[] list = lists.get(key);
        if (listLength[key] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            lists.set(key, list);
        }
        list[listLength[key]++] = value;
    }

    /** One client process and the transaction it runs. */
    private final class Client {
        int process;
        List<MicroOp> plan;
        MicroOp[] done;
        int id;
        int invokeIndex;
        int applied;
        Status outcome;
        boolean applies;

        Client(int process) {
            this.process = process;
        }

        void invoke(int txnId) {
            int size = 1 + random.nextInt(config.opsPerTxnMax());
            plan = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                if (random.nextBoolean()) {
                    int key = keyForAppend();
                    plan.add(new MicroOp.Append(key, appendsPlanned[key]));
                } else {
                    plan.add(new MicroOp.Read(activeKeys[random.nextInt(activeKeys.length)], null));
                }
            }
            done = new MicroOp[size];
            id = txnId;
            invokeIndex = entries++;
            applied = 0;
            int roll = random.nextInt(100);
            outcome = roll < config.failPercent()
                    ? Status.FAIL
                    : roll < config.failPercent() + config.infoPercent() ? Status.UNKNOWN : Status.OK;
            applies =
                    outcome == Status.OK || (outcome == Status.UNKNOWN && random.nextBoolean()) || config.interleaved();
        }

        /** Advances the transaction by one step; true when it completed. */
        boolean step() {
            if (applied < plan.size() && applies) {
                int until = config.interleaved() ? applied + 1 : plan.size();
                while (applied < until) {
                    done[applied] = apply(plan.get(applied));
                    applied++;
                }
                if (outcome != Status.UNKNOWN || applied < plan.size()) {
                    return false;
                }
            }
            complete();
            return true;
        }

        private MicroOp apply(MicroOp op) {
            return switch (op) {
                case MicroOp.Append a -> {
                    append(a.key(), a.value());
                    yield a;
                }
                case MicroOp.Read r -> new MicroOp.Read(r.key(), read(r.key()));
                case MicroOp.Write w -> throw new AssertionError("list-append has no register writes");
            };
        }

        private void complete() {
            boolean ok = outcome == Status.OK;
            int completeIndex = outcome == Status.UNKNOWN ? Operation.NEVER : entries++;
            txns.add(new Txn(id, process, outcome, ok ? Arrays.asList(done) : plan, invokeIndex, completeIndex));
            plan = null;
            if (outcome == Status.UNKNOWN) {
                process = nextProcess++;
            }
        }
    }
}
