package sdlab.chapters.traffic.tlsreuse;

import sdlab.lab.SeedRun;

/** What one run of chapter 7 counts: wakes, connections, handshakes and their CPU at each tier, resets, latency. */
final class TlsTally {
    static final String WAKES = "wakes";
    static final String CONNECTIONS = "connections";
    static final String WAKE_CONNECTIONS = "wakeConnections";
    static final String RESETS = "connectionsReset";
    static final String BACKEND_FULL = "backendFullHandshakes";
    static final String BACKEND_RESUMED = "backendResumedHandshakes";
    static final String BACKEND_CPU_MICROS = "backendHandshakeCpuMicros";
    static final String GATEWAY_CPU_MICROS = "gatewayHandshakeCpuMicros";
    static final String HANDSHAKE_CPU_MICROS = "handshakeCpuMicros";
    static final String DEVICE_HANDSHAKES = "deviceHandshakes";
    static final String DEVICE_RESUMED = "deviceHandshakesResumed";
    static final String UPSTREAM_RETRIES = "upstreamRetries";
    static final String RECONNECT_LATENCY = "reconnect";

    /** Where a handshake happened. */
    enum Tier {
        GATEWAY,
        BACKEND
    }

    private final SeedRun.Builder run;

    TlsTally(SeedRun.Builder run) {
        this.run = run;
    }

    void wake() {
        run.counter(WAKES, 1);
    }

    /** A connection opened because the device woke (not to replace a reset one). */
    void wakeConnection() {
        run.counter(WAKE_CONNECTIONS, 1);
    }

    void connectionOpened() {
        run.counter(CONNECTIONS, 1);
    }

    void reset() {
        run.counter(RESETS, 1);
    }

    /** A handshake at {@code tier}; {@code withDevice} when a device was the client (not the gateway). */
    void handshake(Tier tier, boolean resumed, long cpuNanos, boolean withDevice) {
        long micros = cpuNanos / 1_000;
        run.counter(HANDSHAKE_CPU_MICROS, micros);
        if (tier == Tier.BACKEND) {
            run.counter(resumed ? BACKEND_RESUMED : BACKEND_FULL, 1);
            run.counter(BACKEND_CPU_MICROS, micros);
        } else {
            run.counter(GATEWAY_CPU_MICROS, micros);
        }
        if (withDevice) {
            run.counter(DEVICE_HANDSHAKES, 1);
            run.counter(DEVICE_RESUMED, resumed ? 1 : 0);
        }
    }

    void upstreamRetry() {
        run.counter(UPSTREAM_RETRIES, 1);
    }

    /** From a device's wake to its first acknowledged write. */
    void reconnected(long latencyNanos) {
        run.latencyNanos(RECONNECT_LATENCY, latencyNanos);
    }
}
