package sdlab.bench.tls;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Client TLS contexts for the loopback benchmark. The gateway under test presents a certificate
 * it generated at start-up, so the client trusts whatever it is shown: acceptable for a
 * benchmark that talks to a child process on 127.0.0.1 and to nothing else, never for a client
 * that talks to a network.
 */
final class TrustingTls {
    private TrustingTls() {}

    /** A fresh context, so a fresh (empty) client session cache. */
    static SSLContext newContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // The benchmark authenticates no clients.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // The gateway's certificate is self-signed and generated at its start; see the class comment.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
