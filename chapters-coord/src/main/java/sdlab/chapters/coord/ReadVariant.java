package sdlab.chapters.coord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * The chapter's second measurement: reads served by a follower that lags, with and without
 * {@code sync} before them.
 *
 * @param name the variant's name in reports
 * @param description one line on what it does
 * @param operation the read operation of {@link sdlab.coord.client.CoordKvClient}
 */
record ReadVariant(String name, String description, String operation) {
    static final String NO_SYNC = "read-no-sync";
    static final String SYNC = "read-sync";

    static List<ReadVariant> all() {
        return List.of(
                new ReadVariant(
                        NO_SYNC,
                        "getData alone, answered by the lagging server the reader is connected to",
                        "stale-read"),
                new ReadVariant(SYNC, "sync, then getData: the server catches up with the leader first", "read"));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sync", operation.equals("read"));
        return new Variant(name, description, settings);
    }
}
