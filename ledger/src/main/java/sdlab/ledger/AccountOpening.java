package sdlab.ledger;

import java.util.ArrayList;
import java.util.List;
import sdlab.consensus.raft.Command;
import sdlab.consensus.raft.TxnRequest;
import sdlab.consensus.raft.TxnResult;
import sdlab.core.client.Outcome;

/**
 * Opens the accounts once per client life, before its first atomic transfer: the state machine
 * adds to a number, and an absent balance would count as 0, not as the starting balance. One
 * create-if-absent transaction ("if no account exists, set every one to the start") that every
 * client may send: the first to apply opens all the accounts, every later one finds them open and
 * changes nothing, so it is safe to send again after an answer in doubt.
 */
final class AccountOpening {
    private final LedgerConfig config;
    private boolean open;

    AccountOpening(LedgerConfig config) {
        this.config = config;
    }

    boolean isOpen() {
        return open;
    }

    Step.Call call() {
        List<Command.Condition> conditions = new ArrayList<>();
        List<Command.Mutation> writes = new ArrayList<>();
        for (int account = 0; account < config.accounts(); account++) {
            conditions.add(new Command.Absent(LedgerConfig.accountKey(account)));
            writes.add(new Command.SetValue(LedgerConfig.accountKey(account), config.initialBalance()));
        }
        return new Step.Call("txn", null, new TxnRequest(conditions, writes));
    }

    /** Whether the accounts are open after the store answered the call with {@code outcome}. */
    boolean answered(Outcome outcome) {
        // Applied either way: opened now, or found open (the condition failed). Anything else: unknown.
        open = outcome instanceof Outcome.Ok ok && ok.value() instanceof TxnResult;
        return open;
    }
}
