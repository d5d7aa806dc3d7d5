package sdlab.chapters.ledger;

import java.util.List;
import java.util.random.RandomGenerator;
import sdlab.ledger.LedgerClient;
import sdlab.sim.OperationGenerator;

/**
 * Chapter 1's workload: each client makes its transfers between two distinct accounts drawn
 * uniformly, amounts uniform from 1 to the largest, and then one audit. One generator serves one
 * run: it counts each process's operations. A real cluster's ledger run ({@code sdlab cluster ledger})
 * drives the same generator.
 */
public final class TransferGenerator implements OperationGenerator {
    private final int accounts;
    private final int amountMax;
    private final int transfersPerClient;
    private final int[] issued;

    public TransferGenerator(int accounts, int amountMax, int transfersPerClient, int clients) {
        this.accounts = accounts;
        this.amountMax = amountMax;
        this.transfersPerClient = transfersPerClient;
        this.issued = new int[clients];
    }

    @Override
    public Operation next(int process, RandomGenerator random) {
        if (issued[process]++ >= transfersPerClient) {
            return new Operation(LedgerClient.AUDIT, null, null);
        }
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        long amount = 1 + random.nextInt(amountMax);
        return new Operation(LedgerClient.TRANSFER, null, List.of(from, to, amount));
    }
}
