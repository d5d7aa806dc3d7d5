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
 * self-signed certificate for {@code localhost} and {@code 127.0.0.1} (ECDSA P-256, valid for a
 * day, built with Netty's certificate builder, which needs no internal JDK classes and so works
 * on current JDKs). ALPN offers h2 then http/1.1.
 */
final class TlsContexts {
    /** The context and the certificate clients must trust. */
    record ServerTls(SslContext context, X509Certificate certificate) {}

    private TlsContexts() {}

    static ServerTls server(GatewayConfig.Tls tls) throws Exception {
        SslContextBuilder builder;
        X509Certificate certificate;
        if (tls.selfSigned()) {
            X509Bundle bundle = selfSigned();
            certificate = bundle.getCertificate();
            builder = SslContextBuilder.forServer(bundle.getKeyPair().getPrivate(), certificate);
        } else {
            builder = SslContextBuilder.forServer(new File(tls.certFile()), new File(tls.keyFile()));
            certificate = null;
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
        return new ServerTls(context, certificate);
    }

    static X509Bundle selfSigned() throws Exception {
        Instant now = Instant.now();
        return new CertificateBuilder()
                .subject("CN=localhost, O=sdlab")
                .addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1")
                .notBefore(now.minus(Duration.ofHours(1)))
                .notAfter(now.plus(Duration.ofDays(1)))
                .algorithm(CertificateBuilder.Algorithm.ecp256)
                .buildSelfSigned();
    }
}
