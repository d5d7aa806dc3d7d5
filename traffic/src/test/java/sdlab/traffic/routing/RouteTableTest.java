package sdlab.traffic.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @SafeVarargs
    private static RouteTable<String> table(RouteTable.Entry<String>... entries) {
        return new RouteTable<>(List.of(entries));
    }

    private static RouteTable.Entry<String> route(String host, String prefix, String target) {
        return new RouteTable.Entry<>(new RouteRule(host, prefix), target);
    }

    @Test
    void theFirstMatchingRouteInConfigurationOrderWins() {
        // Shows: a request matched by several routes takes the earliest: host-specific first, then any host, then "/".
        RouteTable<String> routes = table(
                route("api.example.com", "/v1", "api-v1"), route(null, "/v1", "any-v1"), route(null, "/", "default"));

        assertThat(routes.match("api.example.com", "/v1/users")).isEqualTo("api-v1");
        assertThat(routes.match("www.example.com", "/v1/users")).isEqualTo("any-v1");
        assertThat(routes.match("www.example.com", "/v2/users")).isEqualTo("default");
    }

    @Test
    void aGeneralRouteListedFirstShadowsAMoreSpecificOne() {
        // Shows: order, not specificity, decides: the operator must list the specific rule first.
        RouteTable<String> routes = table(route(null, "/", "default"), route(null, "/v1", "v1"));

        assertThat(routes.match("example.com", "/v1/users")).isEqualTo("default");
    }

    @Test
    void hostsCompareWithoutCaseAndPathsDoNot() {
        // Shows: DNS names are case-insensitive, paths are not.
        RouteTable<String> routes = table(route("API.example.com", "/v1", "api"));

        assertThat(routes.match("api.EXAMPLE.com", "/v1/x")).isEqualTo("api");
        assertThat(routes.match("api.example.com", "/V1/x")).isNull();
    }

    @Test
    void aPrefixIsAStringPrefixNotAPathSegment() {
        // Shows: as with nginx's prefix locations and Envoy's prefix routes, "/v1" also matches "/v10".
        RouteTable<String> routes = table(route(null, "/v1", "v1"));

        assertThat(routes.match("example.com", "/v10/x")).isEqualTo("v1");
        assertThat(routes.match("example.com", "/v")).isNull();
    }

    @Test
    void aRequestNoRouteMatchesGetsNone() {
        // Shows: without a catch-all route a request for another host finds nothing, and the caller answers it.
        RouteTable<String> routes = table(route("api.example.com", "/", "api"));

        assertThat(routes.match("www.example.com", "/")).isNull();
    }

    @Test
    void aTableBuiltFromTargetsKeepsTheirOrder() {
        // Shows: of() reads each target's rule and keeps the targets' order, so first match still means first listed.
        record Pool(String name, RouteRule rule) {}
        List<Pool> pools =
                List.of(new Pool("images", new RouteRule(null, "/img")), new Pool("all", new RouteRule(null, "/")));
        RouteTable<Pool> routes = RouteTable.of(pools, Pool::rule);

        assertThat(routes.match("example.com", "/img/a.png").name()).isEqualTo("images");
        assertThat(routes.match("example.com", "/index.html").name()).isEqualTo("all");
        assertThat(routes.entries()).extracting(RouteTable.Entry::target).containsExactlyElementsOf(pools);
    }
}
