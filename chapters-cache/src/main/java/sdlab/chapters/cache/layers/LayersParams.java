package sdlab.chapters.cache.layers;

import java.util.List;
import sdlab.lab.Param;

/** The knobs of chapter 20, with defaults sized so that one seed of every variant takes milliseconds. */
final class LayersParams {
    private LayersParams() {}

    static final Param<Integer> USERS = Param.integer("users", "users watching at the same time", 48, 1, 10_000);
    static final Param<Integer> POPS = Param.integer("pops", "edge POPs the users are spread over", 2, 1, 64);
    static final Param<Integer> TASTES =
            Param.integer("tastes", "taste segments; artwork varies by segment", 4, 1, 1000);
    static final Param<Integer> TITLES = Param.integer("titles", "titles in the catalogue", 60, 1, 100_000);
    static final Param<Double> ZIPF =
            Param.decimal("zipf", "skew of title popularity (Zipf exponent; 0 is uniform)", 1.0, 0, 3);
    static final Param<Integer> VIEWS = Param.integer("views", "titles each user picks and watches", 2, 1, 1000);
    static final Param<Integer> SEGMENTS = Param.integer("segments", "video segments watched per view", 8, 0, 10_000);
    static final Param<Integer> SEGMENT_KB =
            Param.integer("segment-kb", "size of a video segment in kB (2 s at 4 Mbit/s is 1000)", 1000, 1, 1_000_000);
    static final Param<Integer> EDGE_MB =
            Param.integer("edge-mb", "cache size of each edge POP in MB", 256, 1, 10_000_000);
    static final Param<Integer> DB_BUFFER_PAGES = Param.integer(
            "db-buffer-pages", "pages the database's buffer pool holds, where that layer is on", 8, 1, 1_000_000);

    static final List<Param<?>> ALL =
            List.of(USERS, POPS, TASTES, TITLES, ZIPF, VIEWS, SEGMENTS, SEGMENT_KB, EDGE_MB, DB_BUFFER_PAGES);
}
