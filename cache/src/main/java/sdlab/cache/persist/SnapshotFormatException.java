package sdlab.cache.persist;

import java.io.IOException;

/** A snapshot file that is not intact: the message says what was wrong. */
public final class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message);
    }
}
