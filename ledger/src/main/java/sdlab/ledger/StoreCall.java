package sdlab.ledger;

import java.util.List;
import sdlab.core.client.Invocation;

/**
 * Turns a task's store call into the invocation that the store's client takes, and plants the
 * store bug when there is one.
 */
final class StoreCall {
    private StoreCall() {}

    static Invocation invocation(long opId, Step.Call call, LedgerConfig.StoreBug bug) {
        if (bug == LedgerConfig.StoreBug.CONDITION_IGNORED && call.f().equals("cas")) {
            // The planted bug: the store writes the new value whatever the key holds.
            return new Invocation(opId, 0, "write", call.key(), ((List<?>) call.value()).get(1));
        }
        return new Invocation(opId, 0, call.f(), call.key(), call.value());
    }
}
