package sdlab.ledger;

/**
 * A balance as the store holds it: an amount and the tag of the write that produced it, encoded
 * {@code amount@tag}. The tag makes every written balance unique, so that a debit can say which
 * write it read: two debits that read the same tag both spent the same money.
 *
 * @param amount the balance (or, for an escrow key, a client's net change)
 * @param tag the write that produced it; {@link #INITIAL_TAG} before any write
 */
public record Balance(long amount, String tag) {
    /** The tag of a key that no write has touched yet. */
    public static final String INITIAL_TAG = "initial";

    /** The tag of a balance stored as a bare number, whose tag lives under another key. */
    public static final String UNTAGGED = "untagged";

    /** What a read of a key returned, {@code initial} standing for a key never written (null). */
    public static Balance decode(Object stored, long initial) {
        if (stored == null) {
            return new Balance(initial, INITIAL_TAG);
        }
        if (stored instanceof Long amount) {
            // An atomic transfer's balance: a number; its tag is kept under its own key.
            return new Balance(amount, UNTAGGED);
        }
        String text = stored.toString();
        int at = text.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("a ledger value is amount@tag, got " + text);
        }
        return new Balance(Long.parseLong(text.substring(0, at)), text.substring(at + 1));
    }

    /** The value a write stores. */
    public String encode() {
        return amount + "@" + tag;
    }
}
