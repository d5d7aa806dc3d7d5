package sdlab.ledger;

import sdlab.core.client.Outcome;

/** What a ledger operation does next: call the store, or end with an outcome for the workload. */
sealed interface Step {
    /** Issue this store operation ({@code read}, {@code write} or {@code cas}); its outcome comes back to the task. */
    record Call(String f, String key, Object value) implements Step {}

    /** The ledger operation ended so. */
    record Done(Outcome outcome) implements Step {}
}
