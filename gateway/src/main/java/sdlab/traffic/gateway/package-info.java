/**
 * The HTTP gateway: a real reverse proxy on Netty, for users' own tools (curl, browsers, wrk,
 * h2load) and for the chapters on rate limiting, canaries, TLS termination and load balancing.
 *
 * <p><b>What it is.</b> Clients speak HTTP/1.1 with keep-alive and pipelining, HTTP/2 over TLS
 * (ALPN) or h2c (prior knowledge or {@code Upgrade}); upstream servers are spoken to in
 * HTTP/1.1 over pooled keep-alive connections, one pool per server and event loop, so a
 * request never changes threads. Bodies stream through in both directions with back-pressure.
 * Each request passes: framing guard ({@code RequestGuard}) → route (first match of host and
 * path prefix) → filters ({@link sdlab.traffic.gateway.GatewayFilter}: load shedding, rate
 * limit) → target (stable or canary) → server (stickiness, then the balancing Strategy, among
 * servers that are healthy, not ejected and not draining) → upstream. It follows the shape of
 * nginx and Envoy: listeners, routes, upstream clusters, active and passive health checking.
 *
 * <p><b>What it guarantees.</b> Ambiguous framing (Content-Length with chunked, differing
 * lengths, chunked that is not the last coding, malformed chunks, bare LF line ends, folded
 * lines, a {@code Connection} field that nominates a framing field) is answered 400 and the
 * connection closed, and nothing decoded behind it is read; a coding it does not implement
 * gets 501. The upstream request is framed by the gateway from what it parsed
 * ({@link sdlab.traffic.gateway.BodyFraming}), never by copied fields, so no request is
 * smuggled past it. Every route, limit and canary rule sees the request target in one normal
 * form ({@link sdlab.traffic.http.RequestTarget}), which is also what the upstream gets, and the
 * Host rules of RFC 9112 hold (exactly one valid Host on HTTP/1.1; an absolute-form target's
 * host wins). Oversized heads get 431 and bodies 413. A server
 * removed from an upstream, or a gateway that stops, drains: requests in flight finish (up to
 * {@code drainTimeoutMs}). A request that could not reach a server before any of its body was
 * sent is retried once elsewhere. Rate limits keep each key within its algorithm's promise
 * even under concurrent event loops ({@link sdlab.traffic.gateway.ConcurrentKeyedLimiter}).
 * <b>What it does not:</b> no HTTP/2 or TLS to upstreams, no WebSocket or CONNECT tunnelling,
 * no response caching or compression, no configuration reload (servers can be added and
 * removed through {@link sdlab.traffic.gateway.Gateway}); rate limits are per gateway, not
 * shared between gateways.
 *
 * <p><b>The configuration file</b> (JSON; {@code example-gateway.json} beside this package's
 * classes shows every field). Unknown fields and bad values are errors that name the field,
 * for example {@code routes[1].upstream: unknown upstream 'api2'}.
 *
 * <ul>
 *   <li>{@code listen}: {@code host} ("127.0.0.1"), {@code port} (8080; 0 picks one),
 *       {@code h2c} (true).
 *   <li>{@code tls} (optional): {@code port} (8443), {@code certFile} and {@code keyFile} (PEM
 *       chain and PKCS#8 key; both absent: a generated self-signed authority and certificate).
 *   <li>{@code admin} (optional): {@code port}, serving {@code /metrics} (Prometheus text) and
 *       {@code /healthz}.
 *   <li>{@code limits}: {@code initialLineBytesMax} (8192; over it 414), {@code headerBytesMax}
 *       (16384; 431), {@code headerFieldsMax} (100 fields; 431), {@code obsFoldAllowed} (false:
 *       a folded header line is answered 400, as nginx does; true replaces each fold with a
 *       space, the other choice RFC 9112 allows), {@code bodyBytesMax} (10 MiB; 413), {@code idleTimeoutMs} (60000),
 *       {@code headerTimeoutMs} (10000: an HTTP/1.1 request head must arrive whole within it,
 *       from its first bytes, or the connection is closed), {@code connectTimeoutMs} (2000), {@code responseTimeoutMs} (30000; 504),
 *       {@code drainTimeoutMs} (10000), {@code pipelinedRequestsMax} (16),
 *       {@code inFlightRequestsMax} (10000; over it 503 with Retry-After).
 *   <li>{@code upstreams[]}: {@code name}; {@code servers[]} of {@code address} ("host:port")
 *       and {@code version} ("v1"); {@code balancer} ({@code round-robin}, {@code
 *       least-connections}, {@code consistent-hash}); {@code hashKey} for consistent hashing
 *       ({@code client-address}, {@code path}, {@code header:NAME}, {@code cookie:NAME});
 *       {@code sticky} ({@code mode}: {@code none}, {@code cookie}, {@code client-address};
 *       {@code cookieName} "SDLAB_STICKY"); {@code healthCheck} ({@code type} {@code tcp} or
 *       {@code http}, {@code path} "/healthz", {@code intervalMs} 1000, {@code timeoutMs} 500,
 *       {@code unhealthyThreshold} 2, {@code healthyThreshold} 2); {@code ejectAfterFailures}
 *       (3 consecutive failures; 0 never) and {@code ejectMs} (10000) for passive ejection;
 *       {@code idleConnectionsPerServerMax} (256 per event loop).
 *   <li>{@code routes[]}: {@code name}, {@code host} (optional, matched without port),
 *       {@code pathPrefix} ("/"), {@code upstream}, {@code rateLimit} (a name from
 *       {@code rateLimits}), {@code canary} ({@code upstream}, {@code header} and
 *       {@code headerValue} ("always" matches any value), {@code cookie} "SDLAB_CANARY" holding
 *       {@code canary} or {@code stable}, {@code weightPercent} 0–100).
 *   <li>{@code rateLimits[]}: {@code name}, {@code algorithm} ({@code token-bucket},
 *       {@code leaky-bucket}, {@code fixed-window}, {@code sliding-window-log},
 *       {@code sliding-window-counter}, {@code gcra}), {@code limit} per {@code periodMs},
 *       {@code burst} (= limit), {@code key} ({@code client-address}, {@code header:NAME},
 *       {@code route}, {@code global}), {@code keysMax} (100000), {@code retryAfter}
 *       ({@code delta-seconds} or {@code http-date}), {@code headersOnAllowed} (true).
 *   <li>{@code accessLog} (true): one line per request on the SLF4J logger
 *       {@code sdlab.traffic.gateway.access}.
 * </ul>
 */
package sdlab.traffic.gateway;
