package sdlab.cache;

import java.util.Locale;

/** Properties of a command that the dispatcher and COMMAND report, with Redis's flag names. */
enum CommandFlag {
    /** May change the keyspace; its changes are logged. */
    WRITE,
    /** Only reads. */
    READONLY,
    /** May use more memory: refused with OOM when over maxmemory and nothing can be evicted. */
    DENYOOM,
    /** Administrative. */
    ADMIN,
    /** O(1) or O(log n). */
    FAST,
    /** Allowed before AUTH when a password is required. */
    NO_AUTH,
    /** May block the client until data arrives (BLPOP); never blocks inside MULTI or a script. */
    BLOCKING,
    /** Refused inside MULTI (Redis 7.0: SAVE, SHUTDOWN). */
    NO_MULTI;

    /** The name COMMAND reports, e.g. {@code denyoom}, {@code no_auth}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
