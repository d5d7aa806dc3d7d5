package sdlab.traffic.tls;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The session-ticket keys one TLS server holds: the current key, which seals every new ticket,
 * and up to {@link Rotation#previousKeysAccepted()} earlier keys, which still open tickets they
 * sealed. This is how nginx treats a list of {@code ssl_session_ticket_key} files (the first
 * encrypts, all decrypt) and how HAProxy treats its {@code tls-ticket-keys} file.
 *
 * <p>Two things retire a key. A rotation, every {@link Rotation#intervalNanos()} on the time the
 * caller hands in, makes a new current key and keeps the old one for decryption until it falls
 * off the end of the list. A restart matters only for keys held in memory ({@link
 * Source#SERVER_MEMORY}): the server starts with a new key and none of its old ones, so every
 * ticket it issued before is refused. Keys read from a file the fleet shares ({@link
 * Source#FLEET_FILE}) survive restarts, and keyrings of one fleet built at the same time rotate
 * in step, as servers that load one key file do: their tickets open on every server.
 *
 * <p>Confined to its one server; not thread-safe.
 */
public final class TicketKeyring {

    /** Where the keys come from, which decides what a restart does to them. */
    public enum Source {
        /** Generated in the server's memory when it starts (nginx and OpenSSL without a key file): a restart loses them. */
        SERVER_MEMORY,
        /** Read from a key file that every server of the fleet shares: a restart reads the same keys again. */
        FLEET_FILE
    }

    /**
     * When keys rotate and how many old ones still open tickets.
     *
     * @param intervalNanos time between rotations; 0 never rotates on time
     * @param previousKeysAccepted earlier keys kept for decryption after a rotation
     */
    public record Rotation(long intervalNanos, int previousKeysAccepted) {
        /** Never rotate on time, and keep no previous key. */
        public static final Rotation NEVER = new Rotation(0, 0);

        /** The bound on kept keys: more would only widen what a stolen key list exposes. */
        public static final int PREVIOUS_KEYS_MAX = 16;

        public Rotation {
            if (intervalNanos < 0) {
                throw new IllegalArgumentException(
                        "a rotation interval is at least 0 (0: never), got " + intervalNanos);
            }
            if (previousKeysAccepted < 0 || previousKeysAccepted > PREVIOUS_KEYS_MAX) {
                throw new IllegalArgumentException("previous keys accepted must be between 0 and " + PREVIOUS_KEYS_MAX
                        + ", got " + previousKeysAccepted);
            }
        }

        public static Rotation every(Duration interval, int previousKeysAccepted) {
            return new Rotation(interval.toNanos(), previousKeysAccepted);
        }
    }

    private final String name;
    private final Source source;
    private final Rotation rotation;
    /** Earlier keys that still open tickets, newest first, at most {@code rotation.previousKeysAccepted()}. */
    private final ArrayDeque<TicketKeyId> previous = new ArrayDeque<>();

    private TicketKeyId current;
    private long currentSinceNanos;

    /**
     * A keyring whose first key is made at {@code startNanos}.
     *
     * @param name the keyring's name: the server's for its own keys, the fleet's for a shared file
     */
    public TicketKeyring(String name, Source source, Rotation rotation, long startNanos) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.current = new TicketKeyId(name, 0);
        this.currentSinceNanos = startNanos;
    }

    /** The key that seals new tickets at {@code nowNanos}. */
    public TicketKeyId current(long nowNanos) {
        advance(nowNanos);
        return current;
    }

    /** Whether this server can open a ticket sealed by {@code key} at {@code nowNanos}: its current key or a kept one. */
    public boolean holds(TicketKeyId key, long nowNanos) {
        advance(nowNanos);
        return current.equals(key) || previous.contains(key);
    }

    /** Rotates now, whatever the schedule (an operator installs a new key): the current key becomes a previous one. */
    public void rotate(long nowNanos) {
        advance(nowNanos);
        rotateOnce();
        currentSinceNanos = nowNanos;
    }

    /** The server restarted at {@code nowNanos}: keys held in memory are gone and a new one is made. */
    public void restarted(long nowNanos) {
        advance(nowNanos);
        if (source == Source.SERVER_MEMORY) {
            previous.clear();
            current = new TicketKeyId(name, current.generation() + 1);
            currentSinceNanos = nowNanos;
        }
    }

    /** Applies the rotations due by {@code nowNanos}, each at its own multiple of the interval. */
    private void advance(long nowNanos) {
        if (rotation.intervalNanos() == 0 || nowNanos - currentSinceNanos < rotation.intervalNanos()) {
            return;
        }
        long due = (nowNanos - currentSinceNanos) / rotation.intervalNanos();
        // Rotations beyond the kept keys leave none of today's keys behind: skip them in one step,
        // so a server idle for a year does not loop a year of intervals.
        long skipped = Math.max(0, due - (rotation.previousKeysAccepted() + 1L));
        if (skipped > 0) {
            previous.clear();
            current = new TicketKeyId(name, current.generation() + skipped);
        }
        for (long r = skipped; r < due; r++) {
            rotateOnce();
        }
        currentSinceNanos += due * rotation.intervalNanos();
    }

    private void rotateOnce() {
        previous.addFirst(current);
        while (previous.size() > rotation.previousKeysAccepted()) {
            previous.removeLast();
        }
        current = new TicketKeyId(name, current.generation() + 1);
    }
}
