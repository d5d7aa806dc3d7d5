package sdlab.traffic.gateway;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx, started for a test as a reverse proxy in front of one backend, configured as the
 * gateway's tests configure the gateway: keep-alive upstream connections, the client's Host
 * forwarded, and the normalised path sent upstream ({@code proxy_pass} with a URI, so nginx
 * sends the path it matched locations with, as the gateway does). Stopping it removes its files.
 */
final class NginxProxy implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 10_000;

    private final Path dir;
    private final Process process;
    private final int port;

    private NginxProxy(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Where nginx is installed, or null if it is not. */
    static String executable() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    static NginxProxy start(String backendAddress) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sdlab-nginx");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port, backendAddress));
        Process process = new ProcessBuilder(
                        executable(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        NginxProxy nginx = new NginxProxy(dir, process, port);
        nginx.awaitListening();
        return nginx;
    }

    int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited at start: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("nginx did not listen on " + port + " within " + START_TIMEOUT_MS + " ms");
    }

    private static String config(Path dir, int port, String backendAddress) {
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream backend {
                    server %3$s;
                    keepalive 16;
                  }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://backend/;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                    }
                  }
                }
                """
                .formatted(dir, port, backendAddress);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
