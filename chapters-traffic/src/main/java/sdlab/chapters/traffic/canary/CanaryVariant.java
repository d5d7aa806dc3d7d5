package sdlab.chapters.traffic.canary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.lab.Variant;

/**
 * One option of chapter 4: how the canary version reaches users.
 *
 * @param name the variant's name in reports
 * @param strategy the release strategy
 */
record CanaryVariant(String name, Strategy strategy) {

    /** The release strategies the question compares. */
    enum Strategy {
        /** The ingress sends requests carrying the canary header to a canary pool. */
        INGRESS_HEADER,
        /** Canary pods join the service's endpoints; each request goes to a pod at random. */
        RANDOM_PODS,
        /** Two environments; the site's DNS record flips from blue to green; clients cache answers. */
        DNS_FLIP,
        /** Nodes switch to the new version one by one, and requests land on a node at random. */
        DAEMONSET
    }

    static final String INGRESS_HEADER = "ingress-header";
    static final String RANDOM_PODS = "random-pods";
    static final String DNS_FLIP = "dns-flip";
    static final String DAEMONSET = "daemonset";

    static final List<CanaryVariant> ALL = List.of(
            new CanaryVariant(INGRESS_HEADER, Strategy.INGRESS_HEADER),
            new CanaryVariant(RANDOM_PODS, Strategy.RANDOM_PODS),
            new CanaryVariant(DNS_FLIP, Strategy.DNS_FLIP),
            new CanaryVariant(DAEMONSET, Strategy.DAEMONSET));

    static CanaryVariant named(String name) {
        return ALL.stream()
                .filter(v -> v.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no canary variant named " + name));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(
                "routesBy",
                switch (strategy) {
                    case INGRESS_HEADER -> "canary header at the ingress";
                    case RANDOM_PODS -> "random pod per request";
                    case DNS_FLIP -> "cached DNS answer";
                    case DAEMONSET -> "random node per request";
                });
        return new Variant(name, describe(), settings);
    }

    private String describe() {
        return switch (strategy) {
            case INGRESS_HEADER -> "the ingress routes requests with the canary header to canary pods";
            case RANDOM_PODS -> "canary pods join the service; the ingress picks a pod at random per request";
            case DNS_FLIP -> "blue-green: the DNS record flips to the green environment; clients cache it for the TTL";
            case DAEMONSET -> "nodes switch version one by one; requests land on a random node";
        };
    }
}
