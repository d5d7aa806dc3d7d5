package sdlab.chapters.traffic.lbfeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One option of chapter 9: the baseline balancer, or the baseline with one feature switched on.
 *
 * @param name the variant's name in reports
 * @param h2 browsers multiplex their requests over one HTTP/2 connection
 * @param draining a backend leaving for a deploy finishes its requests in flight first
 * @param affinity a user's requests go to the backend that holds its session
 */
record LbVariant(String name, boolean h2, boolean draining, boolean affinity) {
    static final String BASELINE = "baseline";
    static final String H2 = "h2";
    static final String DRAINING = "draining";
    static final String AFFINITY = "affinity";

    static final List<LbVariant> ALL = List.of(
            new LbVariant(BASELINE, false, false, false),
            new LbVariant(H2, true, false, false),
            new LbVariant(DRAINING, false, true, false),
            new LbVariant(AFFINITY, false, false, true));

    static LbVariant named(String name) {
        return ALL.stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no load-balancer variant named " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("http2", h2);
        settings.put("draining", draining);
        settings.put("affinity", affinity);
        String description =
                switch (name) {
                    case BASELINE -> "HTTP/1.1 with up to six connections, backends stopped at once, round robin";
                    case H2 -> "the baseline with HTTP/2: one multiplexed connection per browser";
                    case DRAINING ->
                        "the baseline with connection draining: a leaving backend finishes its requests first";
                    case AFFINITY ->
                        "the baseline with session affinity: a cookie sends a user to its session's backend";
                    default -> throw new IllegalStateException("unknown variant " + name);
                };
        return new Variant(name, description, settings);
    }
}
