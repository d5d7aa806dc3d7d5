package sdlab.bench.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * A second client that sends PING at a fixed pace and times each round trip, to show how long
 * other clients wait while a server is busy with one large request. Each PING is sent at its
 * slot or, if the previous reply came late, as soon as it came; a stalled server thus shows as
 * one long round trip, not as a queue of them.
 */
final class PingProbe implements AutoCloseable {
    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PONG_BYTES = "+PONG\r\n".length();
    /** Round trips kept: an hour at a 5 ms pace; a longer probe keeps the first ones. */
    private static final int ROUND_TRIPS_MAX = 720_000;

    private final Socket socket;
    private final long intervalNanos;
    private final long[] roundTripNanos = new long[ROUND_TRIPS_MAX];
    private final Thread thread;
    private volatile boolean stopping;
    private volatile int count;
    private volatile IOException failure;

    private PingProbe(Socket socket, long intervalNanos) {
        this.socket = socket;
        this.intervalNanos = intervalNanos;
        this.thread = new Thread(this::run, "ping-probe");
        this.thread.setDaemon(true);
    }

    /** Connects to {@code port} on the loopback address and starts pinging every {@code intervalMs}. */
    static PingProbe start(int port, int intervalMs) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            PingProbe probe = new PingProbe(socket, intervalMs * 1_000_000L);
            probe.thread.start();
            return probe;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect the PING probe to port " + port, e);
        }
    }

    private void run() {
        try {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long next = System.nanoTime();
            while (!stopping) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                long sent = System.nanoTime();
                out.write(PING);
                out.flush();
                if (in.readNBytes(PONG_BYTES).length < PONG_BYTES) {
                    throw new IOException("the server closed the PING probe's connection");
                }
                long took = System.nanoTime() - sent;
                if (count < ROUND_TRIPS_MAX) {
                    roundTripNanos[count] = took;
                    count = count + 1;
                }
                next = Math.max(next + intervalNanos, sent + took);
            }
        } catch (IOException e) {
            if (!stopping) {
                failure = e;
            }
        }
    }

    /** Stops pinging (after the PING in flight, if any) and returns what was measured. */
    PingFigures stop() {
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        if (failure != null) {
            throw new IllegalStateException("PING probe failed: " + failure.getMessage(), failure);
        }
        return PingFigures.of(Arrays.copyOf(roundTripNanos, count));
    }

    @Override
    public void close() {
        stopping = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the probe is over.
        }
    }
}
