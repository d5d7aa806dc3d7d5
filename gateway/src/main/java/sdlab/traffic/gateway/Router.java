package sdlab.traffic.gateway;

import java.util.List;

/** Finds a request's route: the first, in configuration order, whose host and path prefix match. */
final class Router {
    private final List<RouteEntry> routes;

    Router(List<RouteEntry> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The route for {@code host} (without port) and {@code path}, or null. */
    RouteEntry match(String host, String path) {
        for (RouteEntry route : routes) {
            if (route.matches(host, path)) {
                return route;
            }
        }
        return null;
    }

    List<RouteEntry> routes() {
        return routes;
    }
}
