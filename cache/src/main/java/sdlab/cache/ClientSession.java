package sdlab.cache;

/**
 * What the engine remembers about one client connection: its protocol version (HELLO),
 * whether it authenticated (AUTH), its name (CLIENT SETNAME), and whether it asked to be
 * disconnected (QUIT, SHUTDOWN), and its transaction (MULTI, WATCH).
 */
public final class ClientSession {
    private final long id;
    private final Transaction transaction = new Transaction();
    private int protocol = 2;
    private boolean authenticated;
    private String name = "";
    private boolean closeRequested;

    ClientSession(long id, boolean authenticated) {
        this.id = id;
        this.authenticated = authenticated;
    }

    public long id() {
        return id;
    }

    /** 2 or 3: the RESP version replies must be encoded in. */
    public int protocol() {
        return protocol;
    }

    public boolean authenticated() {
        return authenticated;
    }

    public String name() {
        return name;
    }

    /** True once the client asked to be disconnected after its reply (QUIT). */
    public boolean closeRequested() {
        return closeRequested;
    }

    /** True between MULTI and EXEC or DISCARD: commands are queued, not run. */
    public boolean inTransaction() {
        return transaction.open();
    }

    Transaction transaction() {
        return transaction;
    }

    void setProtocol(int protocol) {
        assert protocol == 2 || protocol == 3 : "RESP" + protocol;
        this.protocol = protocol;
    }

    void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    void setName(String name) {
        this.name = name;
    }

    void requestClose() {
        this.closeRequested = true;
    }
}
