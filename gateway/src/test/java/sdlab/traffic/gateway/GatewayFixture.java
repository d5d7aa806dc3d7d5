package sdlab.traffic.gateway;

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

/**
 * Echo backends and a gateway in front of them, all on 127.0.0.1 with ephemeral ports, built
 * from a JSON configuration the test edits. Closing stops everything.
 */
final class GatewayFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final ObjectNode config = JSON.createObjectNode();
    final List<EchoServer> backends = new ArrayList<>();
    Gateway gateway;

    GatewayFixture() {
        config.putObject("listen").put("host", "127.0.0.1").put("port", 0);
        config.putObject("admin").put("port", 0);
        config.put("accessLog", false);
        config.putArray("upstreams");
        config.putArray("routes");
        config.putArray("rateLimits");
    }

    /** Starts echo servers named {@code names} with {@code version} and adds them as an upstream. */
    ObjectNode upstream(String name, String version, String... names) throws InterruptedException {
        ObjectNode upstream = ((ArrayNode) config.get("upstreams")).addObject().put("name", name);
        ArrayNode servers = upstream.putArray("servers");
        for (String backendName : names) {
            EchoServer backend = EchoServer.ephemeral(backendName, version).start(1);
            backends.add(backend);
            servers.addObject().put("address", backend.address()).put("version", version);
        }
        return upstream;
    }

    /** Adds an upstream of servers that the test runs itself, at {@code addresses} ("host:port"). */
    ObjectNode upstreamAt(String name, String... addresses) {
        ObjectNode upstream = ((ArrayNode) config.get("upstreams")).addObject().put("name", name);
        ArrayNode servers = upstream.putArray("servers");
        for (String address : addresses) {
            servers.addObject().put("address", address).put("version", "v1");
        }
        return upstream;
    }

    ObjectNode route(String name, String pathPrefix, String upstream) {
        return ((ArrayNode) config.get("routes"))
                .addObject()
                .put("name", name)
                .put("pathPrefix", pathPrefix)
                .put("upstream", upstream);
    }

    ObjectNode rateLimit(String name) {
        return ((ArrayNode) config.get("rateLimits")).addObject().put("name", name);
    }

    EchoServer backend(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    GatewayFixture start() throws Exception {
        return start(2);
    }

    /** Starts the gateway with {@code threads} event loops (one makes every request share one upstream pool). */
    GatewayFixture start(int threads) throws Exception {
        gateway = new Gateway(GatewayConfigParser.parse(JSON.writeValueAsString(config)), threads).start();
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder()
                .version(version)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** GET through the gateway; returns the response with its body as a string. */
    HttpResponse<String> get(HttpClient client, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of an echo response as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> echo(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    static String servedBy(HttpResponse<String> response) throws Exception {
        return (String) echo(response).get("name");
    }

    @Override
    public void close() {
        try {
            if (gateway != null) {
                gateway.stop();
            }
            for (EchoServer backend : backends) {
                backend.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the fixture", e);
        }
    }
}
