package sdlab.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a completed transfer tells the checker, as the value of its {@code ok}: which balance each
 * side read (its tag, when the read began) and which it wrote (its tag, when the write was
 * acknowledged). A plain map of strings and numbers, so histories stay data.
 */
public final class TransferReport {
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String FROM_SEEN = "fromSeen";
    public static final String FROM_SEEN_AMOUNT = "fromSeenAmount";
    public static final String FROM_READ_AT = "fromReadAtNanos";
    public static final String FROM_WROTE = "fromWrote";
    public static final String FROM_WRITTEN_AT = "fromWrittenAtNanos";
    public static final String TO_SEEN = "toSeen";
    public static final String TO_SEEN_AMOUNT = "toSeenAmount";
    public static final String TO_READ_AT = "toReadAtNanos";
    public static final String TO_WROTE = "toWrote";
    public static final String TO_WRITTEN_AT = "toWrittenAtNanos";
    public static final String CONFLICTS = "conflicts";
    /** Messages the client sent to the store for the transfer: requests, retries and redirects. */
    public static final String MESSAGES = "messages";

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** A report naming the transfer's two accounts. */
    static TransferReport of(Transfer transfer) {
        return new TransferReport().put(FROM, transfer.from()).put(TO, transfer.to());
    }

    TransferReport put(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    /** The fields in the order they were put: a trace prints them, and its hash must not change between JVMs. */
    Map<String, Object> toMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
