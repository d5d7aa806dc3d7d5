package sdlab.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.client.Outcome;

/**
 * Reads every balance once the transfers are over: every account key, or under escrow every
 * client's net change of every account, summed onto the start. Under escrow the client first
 * writes its own running totals once more, as an escrow or CRDT replica repeats its state until
 * it is acknowledged: a write of its that ended in doubt is then settled. A call that fails is
 * tried again, a bounded number of times. Its {@code ok} value is {@code {startedAtNanos, balances}}.
 */
final class Audit implements LedgerTask {
    /** The key of the audit's start time in its result. */
    public static final String STARTED_AT = "startedAtNanos";
    /** The key of the balances in its result. */
    public static final String BALANCES = "balances";

    private static final int READ_ATTEMPTS_MAX = 20;

    private final LedgerConfig config;
    private final List<String> keys;
    /** The escrow client's own keys and running totals, written before the reads. */
    private final List<Step.Call> flushes = new ArrayList<>();

    private final long[] balances;
    private int index;
    private int failures;
    private int flushed;
    private long startedNanos;

    Audit(LedgerConfig config, EscrowBudgets own, Tags tags) {
        this.config = config;
        this.keys = config.auditedKeys();
        this.balances = new long[config.accounts()];
        for (int account = 0; account < config.accounts(); account++) {
            balances[account] = config.initialBalance();
            if (own != null) {
                String value = new Balance(own.netChange(account), tags.next()).encode();
                flushes.add(new Step.Call("write", LedgerConfig.escrowKey(account, own.process()), value));
            }
        }
    }

    @Override
    public Step start(long nowNanos) {
        startedNanos = nowNanos;
        return flushes.isEmpty() ? new Step.Call("read", keys.get(0), null) : flushes.get(0);
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        if (flushed < flushes.size()) {
            return nextFlush(outcome, nowNanos);
        }
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
        Map<String, Object> audit = new LinkedHashMap<>(); // in this order, whatever the JVM: traces print it
        audit.put(STARTED_AT, startedNanos);
        audit.put(BALANCES, List.copyOf(result));
        return new Step.Done(Outcome.ok(Collections.unmodifiableMap(audit)));
    }

    private Step nextFlush(Outcome outcome, long nowNanos) {
        if (!(outcome instanceof Outcome.Ok)) {
            return ++failures > READ_ATTEMPTS_MAX
                    ? new Step.Done(Outcome.fail(
                            "could not write " + flushes.get(flushed).key()))
                    : flushes.get(flushed);
        }
        if (++flushed < flushes.size()) {
            return flushes.get(flushed);
        }
        // The reads begin now: the audit counts as started once its own writes are in.
        startedNanos = nowNanos;
        failures = 0;
        return new Step.Call("read", keys.get(0), null);
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
