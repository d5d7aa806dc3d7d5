package sdlab.chapters.ledger;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/** The knobs a user can turn in chapter 1, with defaults sized for many seeds per second. */
final class LedgerParams {
    private LedgerParams() {}

    /** Which faults the random per-seed fault plan may draw. */
    enum Faults {
        NONE,
        PARTITIONS,
        CRASHES,
        MIXED
    }

    static final Param<Integer> NODES = Param.integer(
            "nodes",
            "replicas of the store (Raft members, causal-store sites, or quorum-store nodes with N = all)",
            3,
            3,
            7);
    static final Param<Integer> CLIENTS = Param.integer("clients", "clients transferring money concurrently", 4, 2, 32);
    static final Param<Integer> TRANSFERS_PER_CLIENT =
            Param.integer("transfers-per-client", "transfers each client makes, one at a time", 25, 1, 10_000);
    static final Param<Integer> ACCOUNTS =
            Param.integer("accounts", "accounts the transfers move money between", 3, 2, 1_000);
    static final Param<Integer> INITIAL_BALANCE =
            Param.integer("initial-balance", "each account's balance at the start", 100, 1, 1_000_000);
    static final Param<Integer> AMOUNT_MAX =
            Param.integer("amount-max", "largest transfer; amounts are uniform from 1", 30, 1, 1_000_000);
    static final Param<Duration> LATENCY = Param.duration(
            "latency",
            "median one-way network latency (log-normal)",
            Duration.ofMillis(2),
            Duration.ofMillis(1),
            Duration.ofSeconds(1));
    static final Param<Faults> FAULTS = Param.choice(
            "faults", "faults drawn per seed: partitions, crashes with restarts, or both", Faults.class, Faults.MIXED);

    static final Param<Boolean> CLOCK_SKEW = Param.flag(
            "clock-skew",
            "also skew node clocks; the quorum store's last-writer-wins timestamps then order writes wrongly",
            false);

    static final List<Param<?>> ALL = List.of(
            NODES, CLIENTS, TRANSFERS_PER_CLIENT, ACCOUNTS, INITIAL_BALANCE, AMOUNT_MAX, LATENCY, FAULTS, CLOCK_SKEW);
}
