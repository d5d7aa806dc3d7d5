package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Http2AndTlsTest {
    private static GatewayFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayFixture();
        fixture.upstream("api", "v1", "a");
        fixture.route("api", "/", "api");
        fixture.config.putObject("tls").put("port", 0);
        fixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void h2cUpgradeServesTheRequestsOverHttp2() throws Exception {
        // Java's client asks for h2c with Upgrade; the answer and the next requests come over HTTP/2.
        HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_2);
        HttpResponse<String> first = fixture.get(client, "/h2c/first");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = fixture.get(client, "/h2c/second");
        assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(GatewayFixture.echo(second).get("path")).isEqualTo("/h2c/second");
    }

    @Test
    void manyConcurrentStreamsShareOneHttp2Connection() throws Exception {
        // Twenty requests in flight at once, multiplexed, each answered with its own path.
        HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_2);
        fixture.get(client, "/warm-up");
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(client.sendAsync(
                    HttpRequest.newBuilder(fixture.uri("/multi/" + i + "?delayMs=50"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = responses.get(i).get();
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(GatewayFixture.echo(response).get("path")).isEqualTo("/multi/" + i);
        }
    }

    @Test
    void h2OverTlsIsNegotiatedByAlpnWithTheSelfSignedCertificate() throws Exception {
        // The client trusts the generated certificate and gets HTTP/2, with X-Forwarded-Proto https.
        HttpClient client = tlsClient(HttpClient.Version.HTTP_2);
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(tlsUri("/secure")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        @SuppressWarnings("unchecked")
        var headers =
                (java.util.Map<String, String>) GatewayFixture.echo(response).get("headers");
        assertThat(headers).containsEntry("x-forwarded-proto", "https");
        assertThat(fixture.gateway.metrics().tlsHandshakes.sum()).isPositive();
    }

    @Test
    void http11OverTlsWorksForClientsThatDoNotOfferH2() throws Exception {
        // ALPN falls back to http/1.1.
        HttpClient client = tlsClient(HttpClient.Version.HTTP_1_1);
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(tlsUri("/secure11")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aPostOverHttp2ReachesTheHttp11Upstream() throws Exception {
        // A streamed HTTP/2 body is forwarded chunked to the HTTP/1.1 backend.
        HttpClient client = tlsClient(HttpClient.Version.HTTP_2);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(tlsUri("/upload"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70_000]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(GatewayFixture.echo(response).get("bodyBytes")).isEqualTo(70_000);
    }

    static HttpClient tlsClient(HttpClient.Version version) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("gateway", fixture.gateway.selfSignedCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .version(version)
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static URI tlsUri(String path) {
        return URI.create("https://localhost:" + fixture.gateway.tlsPort() + path);
    }
}
