package sdlab.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ledger run's shape, shared by its clients and its checker.
 *
 * @param accounts how many accounts ({@code a0 .. a<accounts-1>})
 * @param initialBalance each account's balance before any transfer
 * @param clients how many clients transfer (escrow splits budgets among them)
 * @param way how a transfer is written
 * @param conflictRetriesMax how often a compare-and-set transfer reads again after losing a race, per step
 * @param auditDelayMs how long a client waits after its last transfer before it reads every balance
 * @param bug a planted store bug, or {@link StoreBug#NONE}
 */
public record LedgerConfig(
        int accounts,
        long initialBalance,
        int clients,
        TransferWay way,
        int conflictRetriesMax,
        int auditDelayMs,
        StoreBug bug) {

    /** Mistakes in a store that the ledger's checker must catch. */
    public enum StoreBug {
        NONE,
        /** The store takes a compare-and-set as a plain write: the condition is silently dropped. */
        CONDITION_IGNORED,
        /**
         * The Raft state machine applies a transaction's writes without checking its conditions
         * ({@code RaftConfig.Bug.TXN_CONDITIONS_IGNORED}): an atomic transfer debits the payer
         * whatever it holds.
         */
        TXN_CONDITIONS_IGNORED
    }

    public LedgerConfig {
        Objects.requireNonNull(way, "way");
        Objects.requireNonNull(bug, "bug");
        if (accounts < 2 || clients < 1 || initialBalance < 0) {
            throw new IllegalArgumentException("a ledger needs two accounts, a client and no negative start, got "
                    + accounts + " accounts, " + clients + " clients, " + initialBalance);
        }
        if (conflictRetriesMax < 0 || auditDelayMs < 0) {
            throw new IllegalArgumentException("retries and the audit delay are not negative");
        }
    }

    /**
     * The keys an audit reads, in the order it reads them: every account's balance, or under escrow
     * every client's net change of every account (account by account). A store that no ledger run
     * has written holds none of them.
     */
    public List<String> auditedKeys() {
        List<String> keys = new ArrayList<>();
        for (int account = 0; account < accounts; account++) {
            if (way == TransferWay.ESCROW) {
                for (int process = 0; process < clients; process++) {
                    keys.add(escrowKey(account, process));
                }
            } else {
                keys.add(accountKey(account));
            }
        }
        return List.copyOf(keys);
    }

    /** The store key of account {@code account}. */
    static String accountKey(int account) {
        return "a" + account;
    }

    /**
     * The key beside an account's balance where a transfer made by transaction keeps the tag of
     * the last write (the balance itself is a number the state machine adds to).
     */
    static String tagKey(int account) {
        return "a" + account + ".tag";
    }

    /** The escrow key where client {@code process} keeps its net change of account {@code account}. */
    static String escrowKey(int account, int process) {
        return "a" + account + "#" + process;
    }

    /** One client's debit budget per account under escrow: an equal share of the starting balance. */
    long escrowBudget() {
        return initialBalance / clients;
    }
}
