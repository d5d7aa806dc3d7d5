package sdlab.traffic.gateway;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.File;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * The TLS server context: the configured PEM certificate chain and PKCS#8 key, or a generated
 * one: a throwaway self-signed authority and a certificate it issues for {@code localhost} and
 * {@code 127.0.0.1} (ECDSA P-256, valid for a day, built with Netty's certificate builder, which
 * needs no internal JDK classes and so works on current JDKs). Clients trust the authority.
 * ALPN offers h2 then http/1.1.
 */
final class TlsContexts {
    /** The context and the certificate clients must trust (null for a configured certificate). */
    record ServerTls(SslContext context, X509Certificate certificate) {}

    private TlsContexts() {}

    static ServerTls server(GatewayConfig.Tls tls) throws Exception {
        SslContextBuilder builder;
        X509Certificate trustAnchor;
        if (tls.selfSigned()) {
            X509Bundle root = authority();
            X509Bundle leaf = leaf(root);
            trustAnchor = root.getCertificate();
            builder = SslContextBuilder.forServer(leaf.getKeyPair().getPrivate(), leaf.getCertificatePath());
        } else {
            builder = SslContextBuilder.forServer(new File(tls.certFile()), new File(tls.keyFile()));
            trustAnchor = null;
        }
        SslContext context = builder.sslProvider(SslProvider.JDK)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2,
                        ApplicationProtocolNames.HTTP_1_1))
                .build();
        return new ServerTls(context, trustAnchor);
    }

    /** A throwaway certificate authority: what clients trust. */
    private static X509Bundle authority() throws Exception {
        Instant now = Instant.now();
        return new CertificateBuilder()
                .subject("CN=sdlab gateway test authority")
                .setIsCertificateAuthority(true)
                .notBefore(now.minus(Duration.ofHours(1)))
                .notAfter(now.plus(Duration.ofDays(1)))
                .algorithm(CertificateBuilder.Algorithm.ecp256)
                .buildSelfSigned();
    }

    /** The server's certificate for localhost and 127.0.0.1, issued by {@code authority}. */
    private static X509Bundle leaf(X509Bundle authority) throws Exception {
        Instant now = Instant.now();
        return new CertificateBuilder()
                .subject("CN=localhost, O=sdlab")
                .addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1")
                .notBefore(now.minus(Duration.ofHours(1)))
                .notAfter(now.plus(Duration.ofDays(1)))
                .algorithm(CertificateBuilder.Algorithm.ecp256)
                .buildIssuedBy(authority);
    }
}
