package sdlab.cache;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import sdlab.cache.store.Key;

/**
 * What the engine remembers about one client connection: its protocol version (HELLO),
 * whether it authenticated (AUTH), its name (CLIENT SETNAME), and whether it asked to be
 * disconnected (QUIT, SHUTDOWN), its transaction (MULTI, WATCH), its pub/sub subscriptions
 * with the sink that delivers their messages, and the sink that delivers the late reply of a
 * blocking command (BLPOP).
 */
public final class ClientSession {
    private final long id;
    private final Transaction transaction = new Transaction();
    private final Subscriptions subscriptions = new Subscriptions(new LinkedHashSet<>(), new LinkedHashSet<>());
    private Consumer<Reply> pushSink = reply -> {};
    private Consumer<Reply> deferredSink = reply -> {};
    private int protocol = 2;
    private int db;
    private boolean monitoring;
    /** This monitoring client's own command's line, sent after its reply. */
    private Reply ownMonitorLine;

    private boolean authenticated;
    private String name = "";
    private boolean closeRequested;
    private String address = "?:0";
    private Runnable killer = () -> {};
    private long createdAtMillis;
    private long lastCommandAtMillis;
    private String lastCommand = "NULL";

    ClientSession(long id, boolean authenticated) {
        this.id = id;
        this.authenticated = authenticated;
    }

    /** The channels and patterns this client is subscribed to (SUBSCRIBE, PSUBSCRIBE). */
    record Subscriptions(Set<Key> channels, Set<Key> patterns) {
        int count() {
            return channels.size() + patterns.size();
        }
    }

    /** The client's address as {@code host:port}, for CLIENT LIST; the server sets it. */
    public void setAddress(String address) {
        this.address = address;
    }

    /** How CLIENT KILL closes this client's connection; the server sets it. */
    public void setKiller(Runnable killer) {
        this.killer = killer;
    }

    String address() {
        return address;
    }

    void kill() {
        killer.run();
    }

    void startedAt(long nowMillis) {
        createdAtMillis = nowMillis;
        lastCommandAtMillis = nowMillis;
    }

    void ran(String command, long nowMillis) {
        lastCommand = command;
        lastCommandAtMillis = nowMillis;
    }

    long createdAtMillis() {
        return createdAtMillis;
    }

    long lastCommandAtMillis() {
        return lastCommandAtMillis;
    }

    String lastCommand() {
        return lastCommand;
    }

    /** Where messages published to this client go; the server connects it to the client's socket. */
    public void setPushSink(Consumer<Reply> sink) {
        this.pushSink = sink;
    }

    void push(Reply reply) {
        pushSink.accept(reply);
    }

    /**
     * Where the reply of a blocking command goes when the wait ends (data, timeout, CLIENT
     * UNBLOCK). It is a normal reply, not a push; the server sends it and then reads the
     * client's next commands, which waited meanwhile. The engine calls it while running
     * another client's command or its timer, never re-entering this client's own command.
     */
    public void setDeferredReplySink(Consumer<Reply> sink) {
        this.deferredSink = sink;
    }

    void deliverDeferred(Reply reply) {
        deferredSink.accept(reply);
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Whether the client is subscribed to a channel or pattern: the pub/sub class of output limits. */
    public boolean subscribed() {
        return subscriptions.count() > 0;
    }

    public long id() {
        return id;
    }

    /** The number of the client's selected database (SELECT), 0 at first. */
    public int db() {
        return db;
    }

    void select(int db) {
        this.db = db;
    }

    /** True after MONITOR, until RESET: the client is sent every command and may not touch keys. */
    boolean monitoring() {
        return monitoring;
    }

    void setMonitoring(boolean monitoring) {
        this.monitoring = monitoring;
    }

    void setOwnMonitorLine(Reply line) {
        this.ownMonitorLine = line;
    }

    Reply takeOwnMonitorLine() {
        Reply line = ownMonitorLine;
        ownMonitorLine = null;
        return line;
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
