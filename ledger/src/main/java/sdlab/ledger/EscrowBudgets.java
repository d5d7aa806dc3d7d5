package sdlab.ledger;

/** One client's escrow: what it may still debit from each account, and its net change of each. */
final class EscrowBudgets {
    private final int process;
    private final long[] budget;
    private final long[] netChange;

    EscrowBudgets(int process, int accounts, long budgetEach) {
        this.process = process;
        this.budget = new long[accounts];
        this.netChange = new long[accounts];
        java.util.Arrays.fill(budget, budgetEach);
    }

    int process() {
        return process;
    }

    boolean covers(int account, long amount) {
        return budget[account] >= amount;
    }

    void move(int from, int to, long amount) {
        assert covers(from, amount);
        budget[from] -= amount;
        netChange[from] -= amount;
        budget[to] += amount;
        netChange[to] += amount;
    }

    long netChange(int account) {
        return netChange[account];
    }
}
