package sdlab.bench.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One proxy set-up, written twice: as an sdlab gateway configuration and as an nginx
 * configuration with the same upstream servers, the same keep-alive settings (a pool of idle
 * upstream connections, client keep-alive without a request cap) and, when {@code rateLimited},
 * a limiter per client address whose rate is far above any offered load, so that it runs on
 * every request and denies none.
 *
 * <p>nginx is told to forward what the gateway always forwards: the client's {@code Host},
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto}, as a reverse proxy in front of an
 * application is usually configured. Without it nginx sends {@code Host: echo} and no
 * forwarding fields, so the echo backends would answer it with about 70 bytes less per response
 * than the gateway, and the two proxies would not be doing the same work.
 *
 * @param upstreams the backends' {@code host:port} addresses
 * @param rateLimited whether both proxies run a rate limiter on every request
 * @param idleConnectionsMax idle upstream connections kept (nginx's {@code keepalive}, sdlab's
 *     {@code idleConnectionsPerServerMax})
 */
public record ProxySetup(List<String> upstreams, boolean rateLimited, int idleConnectionsMax) {
    /** Requests per second the limiter allows (and its burst): far above what a loopback run offers. */
    public static final long RATE_LIMIT_PER_SECOND = 1_000_000;

    /** The sdlab gateway's JSON configuration, listening on a port the gateway picks. */
    public String gatewayJson() {
        StringBuilder servers = new StringBuilder();
        for (String address : upstreams) {
            servers.append(servers.isEmpty() ? "" : ", ")
                    .append("{\"address\": \"")
                    .append(address)
                    .append("\"}");
        }
        String rateLimit = rateLimited ? ", \"rateLimit\": \"bench\"" : "";
        String rateLimits = rateLimited
                ? String.format(
                        Locale.ROOT,
                        "[{\"name\": \"bench\", \"algorithm\": \"token-bucket\", \"limit\": %d, \"periodMs\": 1000,"
                                + " \"burst\": %d, \"key\": \"client-address\"}]",
                        RATE_LIMIT_PER_SECOND,
                        RATE_LIMIT_PER_SECOND)
                : "[]";
        return String.format(
                Locale.ROOT,
                """
                {
                  "listen": {"host": "127.0.0.1", "port": 0, "h2c": true},
                  "limits": {"idleTimeoutMs": 65000},
                  "upstreams": [{"name": "echo", "servers": [%s], "balancer": "round-robin",
                                 "idleConnectionsPerServerMax": %d}],
                  "routes": [{"name": "all", "pathPrefix": "/", "upstream": "echo"%s}],
                  "rateLimits": %s,
                  "accessLog": false
                }
                """,
                servers,
                idleConnectionsMax,
                rateLimit,
                rateLimits);
    }

    /**
     * nginx's configuration: HTTP/1.1 on {@code http1Port} and h2c (prior knowledge) on {@code
     * http2Port}, since nginx 1.22 cannot serve both in clear text on one port; pid file, logs
     * and temporary files in {@code dir}.
     */
    public String nginxConf(int http1Port, int http2Port, Path dir) {
        StringBuilder servers = new StringBuilder();
        for (String address : upstreams) {
            servers.append("    server ").append(address).append(";\n");
        }
        String zone = rateLimited
                ? String.format(
                        Locale.ROOT,
                        "  limit_req_zone $binary_remote_addr zone=bench:10m rate=%dr/s;%n",
                        RATE_LIMIT_PER_SECOND)
                : "";
        String limit = rateLimited
                ? String.format(Locale.ROOT, "      limit_req zone=bench burst=%d nodelay;%n", RATE_LIMIT_PER_SECOND)
                : "";
        return String.format(
                Locale.ROOT,
                """
                worker_processes %d;
                daemon off;
                pid %s/nginx.pid;
                error_log %s/nginx-error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %s/client_body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  keepalive_timeout 65s;
                  keepalive_requests 1000000;
                %s  upstream echo {
                %s    keepalive %d;
                    keepalive_requests 1000000;
                  }
                  server {
                    listen 127.0.0.1:%d;
                    listen 127.0.0.1:%d http2;
                    location / {
                      proxy_pass http://echo;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                %s    }
                  }
                }
                """,
                Runtime.getRuntime().availableProcessors(),
                dir,
                dir,
                dir,
                dir,
                dir,
                dir,
                dir,
                zone,
                servers,
                idleConnectionsMax,
                http1Port,
                http2Port,
                limit);
    }
}
