package sdlab.ledger;

/** Unique tags for the balances one client writes: its name and a counter. */
final class Tags {
    private final String prefix;
    private long written;

    Tags(String prefix) {
        this.prefix = prefix;
    }

    String next() {
        return prefix + "-" + ++written;
    }
}
