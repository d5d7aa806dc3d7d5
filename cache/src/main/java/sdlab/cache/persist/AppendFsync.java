package sdlab.cache.persist;

import java.util.Locale;

/** Redis's {@code appendfsync}: when the append-only file is forced to disk. */
public enum AppendFsync {
    /** fsync before any reply that acknowledges a write: no acknowledged write is ever lost. */
    ALWAYS,
    /** fsync in the background once a second: a power loss may lose about a second of writes. */
    EVERYSEC,
    /** never fsync; the operating system writes back when it likes (typically within 30 s). */
    NO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses always, everysec or no, in any case. */
    public static AppendFsync parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "always" -> ALWAYS;
            case "everysec" -> EVERYSEC;
            case "no" -> NO;
            default ->
                throw new IllegalArgumentException("appendfsync must be always, everysec or no, not '" + text + "'");
        };
    }
}
