package sdlab.traffic.routing;

import java.util.Locale;

/** The two release tracks a canary route chooses between, and how a pin cookie names them. */
public enum Track {
    STABLE,
    CANARY;

    /** The value a pin cookie carries for this track: {@code stable} or {@code canary}. */
    public String cookieValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The track a pin cookie's value names, or null for no pin (absent or not a track's name). */
    public static Track fromCookie(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "stable" -> STABLE;
            case "canary" -> CANARY;
            default -> null;
        };
    }
}
