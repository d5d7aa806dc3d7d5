package sdlab.traffic.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the SLF4J logger {@code sdlab.traffic.gateway.access}:
 * client, method, target, protocol, status, response time, route and upstream server. Off in
 * the configuration ({@code "accessLog": false}) or by the logger's level.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("sdlab.traffic.gateway.access");
    private final boolean enabled;

    AccessLog(boolean enabled) {
        this.enabled = enabled && LOG.isInfoEnabled();
    }

    void log(
            String clientIp,
            String method,
            String uri,
            String protocol,
            int status,
            long latencyNanos,
            String route,
            Object server) {
        if (enabled) {
            LOG.info(
                    "{} \"{} {} {}\" {} {}us route={} upstream={}",
                    clientIp,
                    method,
                    uri,
                    protocol,
                    status,
                    latencyNanos / 1_000,
                    route,
                    server == null ? "-" : server);
        }
    }
}
