package sdlab.bench.tls;

/** How a device reconnects: the three options of chapter 7, measured for real. */
public enum Reuse {
    /** A new TCP connection and a full TLS handshake each time (no client session cache). */
    FULL_HANDSHAKE("full handshake"),
    /** A new TCP connection each time, resuming the TLS session from the client's cache. */
    SESSION_RESUMPTION("session resumption"),
    /** One kept-alive connection for every request: a single handshake. */
    KEEP_ALIVE("keep-alive");

    private final String label;

    Reuse(String label) {
        this.label = label;
    }

    /** The name printed in reports. */
    public String label() {
        return label;
    }
}
