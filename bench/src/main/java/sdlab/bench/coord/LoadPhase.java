package sdlab.bench.coord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.zookeeper.ZooKeeper;

/**
 * One operation against one ensemble for a warm-up and a measured window, from fresh sessions.
 *
 * <p>The load is closed-loop and pipelined: every session keeps a fixed number of requests in
 * flight through the client's asynchronous API ({@link SessionPipeline}). That is how ZooKeeper's
 * client is built to be used at speed (one connection per session, requests pipelined in order),
 * and it keeps the servers' pipelines and group commits fed with a handful of client threads. The
 * alternative, blocking calls from many threads, would measure the load generator's thread
 * switching on a 2-core machine as much as the servers. Both sides get the same sessions, the
 * same window and the same bound, so neither can be flooded or starved by the load itself.
 *
 * <p>Session {@code i} connects to server {@code i mod n} only: the ZooKeeper client would pick
 * a server at random, which with 16 sessions over 3 servers can leave one server with twice the
 * sessions of another, differently in every run.
 */
final class LoadPhase {
    /** How long the requests in flight at the end may take to be answered before they count as errors. */
    private static final Duration DRAIN_TIMEOUT = Sessions.SESSION_TIMEOUT;

    private LoadPhase() {}

    /** Measures {@code op} on {@code ensemble} with {@code settings} in {@code paths}. */
    static CoordFigures run(Ensemble ensemble, CoordOp op, PhasePaths paths, CoordSettings settings)
            throws InterruptedException {
        List<String> servers = List.of(ensemble.connectString().split(","));
        List<ZooKeeper> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < settings.clients(); i++) {
                sessions.add(Sessions.connect(servers.get(i % servers.size()), Sessions.SESSION_TIMEOUT));
            }
            return drive(sessions, op, paths, settings);
        } finally {
            for (ZooKeeper session : sessions) {
                session.close();
            }
        }
    }

    private static CoordFigures drive(List<ZooKeeper> sessions, CoordOp op, PhasePaths paths, CoordSettings settings)
            throws InterruptedException {
        byte[] value = new byte[settings.valueBytes()];
        long measureFromNanos = System.nanoTime() + settings.warmup().toNanos();
        long endNanos = measureFromNanos + settings.duration().toNanos();
        List<SessionPipeline> pipelines = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            pipelines.add(new SessionPipeline(sessions.get(i), i, op, paths, value, measureFromNanos, endNanos));
        }
        pipelines.forEach(pipeline -> pipeline.start(settings.outstanding()));
        TimeUnit.NANOSECONDS.sleep(Math.max(0, endNanos - System.nanoTime()));
        long drainDeadlineNanos = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        Histogram latencyNanos = new Histogram(3);
        Map<String, Long> errorsByCode = new HashMap<>();
        long succeeded = 0;
        for (SessionPipeline pipeline : pipelines) {
            pipeline.awaitDrained(TimeUnit.NANOSECONDS.toMillis(Math.max(0, drainDeadlineNanos - System.nanoTime())));
            pipeline.addLatencies(latencyNanos);
            pipeline.addErrors(errorsByCode);
            succeeded += pipeline.succeededInWindow();
        }
        double seconds = settings.duration().toNanos() / 1e9;
        return new CoordFigures(
                succeeded / seconds,
                latencyNanos.getValueAtPercentile(50) / 1e6,
                latencyNanos.getValueAtPercentile(99) / 1e6,
                errorsByCode);
    }
}
