package sdlab.chapters.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import sdlab.traffic.gateway.EchoServer;
import sdlab.traffic.gateway.Gateway;
import sdlab.traffic.gateway.GatewayConfigParser;

/**
 * sdlab's real gateway on 127.0.0.1 in front of echo servers, for the cross-world tests: the
 * same requests go to it over HTTP and to a chapter's simulated node, and the decisions are
 * compared. One event loop, so that a seeded generator's draws come in request order.
 */
public final class RealGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The configuration being built; {@link #start} reads it. */
    public final ObjectNode config = JSON.createObjectNode();

    private final List<EchoServer> backends = new ArrayList<>();
    private Gateway gateway;

    public RealGateway() {
        config.putObject("listen").put("host", "127.0.0.1").put("port", 0);
        config.putObject("admin").put("port", -1);
        config.put("accessLog", false);
        config.putArray("upstreams");
        config.putArray("routes");
        config.putArray("rateLimits");
    }

    /** Starts echo servers named {@code names} running {@code version} and adds them as upstream {@code name}. */
    public ObjectNode upstream(String name, String version, String... names) throws InterruptedException {
        ObjectNode upstream = ((ArrayNode) config.get("upstreams")).addObject().put("name", name);
        ArrayNode servers = upstream.putArray("servers");
        for (String backendName : names) {
            EchoServer backend = EchoServer.ephemeral(backendName, version).start(1);
            backends.add(backend);
            servers.addObject().put("address", backend.address()).put("version", version);
        }
        return upstream;
    }

    public ObjectNode route(String name, String pathPrefix, String upstream) {
        return ((ArrayNode) config.get("routes"))
                .addObject()
                .put("name", name)
                .put("pathPrefix", pathPrefix)
                .put("upstream", upstream);
    }

    public ObjectNode rateLimit(String name) {
        return ((ArrayNode) config.get("rateLimits")).addObject().put("name", name);
    }

    /** The address ({@code host:port}) of the echo server named {@code name}. */
    public String address(String name) {
        return backends.stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow()
                .address();
    }

    /** Starts the gateway, its weighted draws taken from {@code random}. */
    public RealGateway start(RandomGenerator random) throws Exception {
        gateway = new Gateway(GatewayConfigParser.parse(JSON.writeValueAsString(config)), 1, random).start();
        return this;
    }

    public Gateway gateway() {
        return gateway;
    }

    /** GET {@code path} with the given header fields (name, value, ...). */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The echo server's JSON answer: its {@code name} and {@code version} among others. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> echo(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    /** The value {@code Set-Cookie} gives cookie {@code name}, or null if the response sets none. */
    public static String setCookie(HttpResponse<String> response, String name) {
        for (String field : response.headers().allValues("Set-Cookie")) {
            if (field.startsWith(name + "=")) {
                int end = field.indexOf(';');
                return field.substring(name.length() + 1, end < 0 ? field.length() : end);
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        if (gateway != null) {
            gateway.stop();
        }
        for (EchoServer backend : backends) {
            backend.stop();
        }
    }
}
