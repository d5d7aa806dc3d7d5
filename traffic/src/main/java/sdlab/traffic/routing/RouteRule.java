package sdlab.traffic.routing;

import java.util.Objects;

/**
 * What a route matches: the request's host, if {@code host} is given (compared without case, as
 * DNS names are), and a path that starts with {@code pathPrefix}.
 *
 * @param host the host without port, or null for any host
 * @param pathPrefix the prefix the path must start with ({@code "/"} for every path)
 */
public record RouteRule(String host, String pathPrefix) {

    public RouteRule {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    /** Whether a request for {@code host} (without port) and {@code path} matches. */
    public boolean matches(String host, String path) {
        if (this.host != null && !this.host.equalsIgnoreCase(host)) {
            return false;
        }
        return path.startsWith(pathPrefix);
    }
}
