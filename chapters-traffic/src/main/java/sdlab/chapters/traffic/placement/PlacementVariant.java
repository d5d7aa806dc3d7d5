package sdlab.chapters.traffic.placement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One option of chapter 2: the tier that limits, and whether its counters live in that
 * tier's memory or on shared counter nodes reached over the network.
 *
 * @param name the variant's name in reports
 * @param tier where the limiter sits
 * @param shared true when the counters live on counter nodes (one round trip per decision)
 */
record PlacementVariant(String name, Tier tier, boolean shared) {

    static final String CLIENT_SDK = "client-sdk";
    static final String EDGE_LOCAL = "edge-local";
    static final String EDGE_SHARED = "edge-shared";
    static final String GATEWAY_LOCAL = "gateway-local";
    static final String GATEWAY_SHARED = "gateway-shared";
    static final String ORIGIN = "origin";

    static final List<PlacementVariant> ALL = List.of(
            new PlacementVariant(CLIENT_SDK, Tier.CLIENT, false),
            new PlacementVariant(EDGE_LOCAL, Tier.EDGE, false),
            new PlacementVariant(EDGE_SHARED, Tier.EDGE, true),
            new PlacementVariant(GATEWAY_LOCAL, Tier.GATEWAY, false),
            new PlacementVariant(GATEWAY_SHARED, Tier.GATEWAY, true),
            new PlacementVariant(ORIGIN, Tier.ORIGIN, false));

    static PlacementVariant named(String name) {
        return ALL.stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no placement variant named " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tier", tier.name().toLowerCase(java.util.Locale.ROOT));
        settings.put("counters", shared ? "shared" : "in-memory");
        return new Variant(name, describe(), settings);
    }

    private String describe() {
        String counters =
                shared ? "counters on shared counter nodes, one round trip per decision" : "in-memory counters";
        return switch (tier) {
            case CLIENT -> "the bidder's SDK limits itself before sending (" + counters + ")";
            case EDGE -> "each CDN POP limits what it receives (" + counters + ")";
            case GATEWAY -> "the API gateway limits before the origin (" + counters + ")";
            case ORIGIN -> "the origin limits what reaches it (" + counters + ")";
        };
    }
}
