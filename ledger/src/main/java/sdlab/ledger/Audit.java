package sdlab.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdlab.core.client.Outcome;

/**
 * Reads every balance once the transfers are over: every account key, or under escrow every
 * client's net change of every account, summed onto the start. A read that fails is tried again,
 * a bounded number of times. Its {@code ok} value is {@code {startedAtNanos, balances}}.
 */
final class Audit implements LedgerTask {
    /** The key of the audit's start time in its result. */
    public static final String STARTED_AT = "startedAtNanos";
    /** The key of the balances in its result. */
    public static final String BALANCES = "balances";

    private static final int READ_ATTEMPTS_MAX = 20;

    private final LedgerConfig config;
    private final List<String> keys = new ArrayList<>();
    private final long[] balances;
    private int index;
    private int failures;
    private long startedNanos;

    Audit(LedgerConfig config) {
        this.config = config;
        this.balances = new long[config.accounts()];
        for (int account = 0; account < config.accounts(); account++) {
            balances[account] = config.initialBalance();
            if (config.way() == TransferWay.ESCROW) {
                for (int process = 0; process < config.clients(); process++) {
                    keys.add(LedgerConfig.escrowKey(account, process));
                }
            } else {
                keys.add(LedgerConfig.accountKey(account));
            }
        }
    }

    @Override
    public Step start(long nowNanos) {
        startedNanos = nowNanos;
        return new Step.Call("read", keys.get(0), null);
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        if (!(outcome instanceof Outcome.Ok ok)) {
            return ++failures > READ_ATTEMPTS_MAX
                    ? new Step.Done(Outcome.fail("could not read " + keys.get(index)))
                    : new Step.Call("read", keys.get(index), null);
        }
        add(ok.value());
        if (++index < keys.size()) {
            return new Step.Call("read", keys.get(index), null);
        }
        List<Long> result = new ArrayList<>();
        for (long balance : balances) {
            result.add(balance);
        }
        return new Step.Done(Outcome.ok(Map.of(STARTED_AT, startedNanos, BALANCES, List.copyOf(result))));
    }

    private void add(Object stored) {
        int account = config.way() == TransferWay.ESCROW ? index / config.clients() : index;
        if (config.way() == TransferWay.ESCROW) {
            balances[account] += Balance.decode(stored, 0).amount();
        } else {
            balances[account] = Balance.decode(stored, config.initialBalance()).amount();
        }
    }
}
