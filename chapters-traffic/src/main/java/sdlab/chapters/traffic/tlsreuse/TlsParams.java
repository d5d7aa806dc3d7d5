package sdlab.chapters.traffic.tlsreuse;

import java.time.Duration;
import java.util.List;
import sdlab.lab.Param;

/**
 * Chapter 7's parameters: the fleet of devices, the servers, the deploy, and the CPU costs of
 * TLS handshakes. The costs cannot be measured in a simulation; their defaults and sources are
 * in the chapter's text.
 */
final class TlsParams {
    private TlsParams() {}

    static final Param<Integer> DEVICES = Param.integer("devices", "IoT devices in the fleet", 60, 1, 100_000);
    static final Param<Integer> BACKENDS = Param.integer("backends", "backend servers", 4, 2, 100);
    static final Param<Integer> WRITES_PER_WAKE =
            Param.integer("writes-per-wake", "small writes a device sends each time it wakes", 3, 1, 100);
    static final Param<Boolean> PARALLEL_WRITES = Param.flag(
            "parallel-writes",
            "devices send a wake's writes at once (over HTTP/1.1, one connection each) instead of one after another",
            false);
    static final Param<Duration> SLEEP = Param.duration(
            "sleep",
            "mean time a device sleeps between wakes (exponential)",
            Duration.ofSeconds(60),
            Duration.ofMillis(1),
            Duration.ofDays(1));
    static final Param<Duration> DURATION = Param.duration(
            "duration", "devices wake for this long", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1));
    static final Param<Double> ADDRESS_CHANGE = Param.decimal(
            "address-change",
            "chance that a device wakes with a new network address (mobile networks, NAT rebinding)",
            0.2,
            0.0,
            1.0);
    static final Param<Boolean> RESUMPTION =
            Param.flag("resumption", "devices offer their last session ticket, and servers accept valid ones", true);
    static final Param<Boolean> SHARED_TICKET_KEYS = Param.flag(
            "shared-ticket-keys",
            "all backends share one session-ticket key, so any backend can resume any session",
            false);
    static final Param<Duration> TICKET_LIFETIME = Param.duration(
            "ticket-lifetime",
            "how long a session ticket stays valid",
            Duration.ofHours(2),
            Duration.ZERO,
            Duration.ofDays(7));
    static final Param<Duration> FULL_HANDSHAKE_CPU = Param.duration(
            "full-handshake-cpu",
            "server CPU time of a full handshake (ECDHE key exchange and an RSA-2048 signature)",
            Duration.ofNanos(300_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> RESUMED_HANDSHAKE_CPU = Param.duration(
            "resumed-handshake-cpu",
            "server CPU time of a resumed handshake (TLS 1.3 resumption with its key exchange)",
            Duration.ofNanos(60_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> WRITE_CPU = Param.duration(
            "write-cpu",
            "backend CPU time to handle one small write",
            Duration.ofNanos(50_000),
            Duration.ZERO,
            Duration.ofSeconds(1));
    static final Param<Duration> DEPLOY_AT = Param.duration(
            "deploy-at",
            "when a rolling restart of the backends starts",
            Duration.ofMinutes(2),
            Duration.ZERO,
            Duration.ofDays(1));
    static final Param<Duration> RESTART_TIME = Param.duration(
            "restart-time",
            "how long a backend is down while it restarts",
            Duration.ofSeconds(5),
            Duration.ZERO,
            Duration.ofHours(1));
    static final Param<Duration> DEVICE_LATENCY = Param.duration(
            "device-latency",
            "median one-way latency between a device and the gateway (its network and the internet)",
            Duration.ofMillis(40),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(10));
    static final Param<Duration> LAN_LATENCY = Param.duration(
            "lan-latency",
            "median one-way latency between the gateway and the backends",
            Duration.ofNanos(200_000),
            Duration.ofNanos(1_000),
            Duration.ofSeconds(1));

    static final List<Param<?>> ALL = List.of(
            DEVICES,
            BACKENDS,
            WRITES_PER_WAKE,
            PARALLEL_WRITES,
            SLEEP,
            DURATION,
            ADDRESS_CHANGE,
            RESUMPTION,
            SHARED_TICKET_KEYS,
            TICKET_LIFETIME,
            FULL_HANDSHAKE_CPU,
            RESUMED_HANDSHAKE_CPU,
            WRITE_CPU,
            DEPLOY_AT,
            RESTART_TIME,
            DEVICE_LATENCY,
            LAN_LATENCY);
}
