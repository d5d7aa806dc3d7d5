package sdlab.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /api/runs/{id}/events}: a run's progress as server-sent events. {@code progress} events carry {@code
 * {"seedsDone", "seedsTotal"}} (at most one every {@value #PROGRESS_INTERVAL_MS_MIN} ms, always the latest), and one
 * {@code end} event carries {@code {"id", "state", "seedsDone", "seedsTotal", "error"}} before the stream closes. A
 * client that connects after the run ended gets the {@code end} event at once.
 */
final class RunEvents {
    /** Progress more often than this is noise to a person and load on the connection. */
    static final long PROGRESS_INTERVAL_MS_MIN = 100;

    /** A comment now and then keeps proxies and browsers from timing out an idle stream. */
    private static final long KEEP_ALIVE_MS = 15_000;

    private final RunRegistry registry;
    private final RunStore store;
    private final int streamsMax;
    private final Semaphore streams;

    RunEvents(RunRegistry registry, RunStore store, int streamsMax) {
        this.registry = registry;
        this.store = store;
        this.streamsMax = streamsMax;
        this.streams = new Semaphore(streamsMax);
    }

    /**
     * Answers {@code ctx} with the run's event stream, or with a 429 when {@link WebLabSettings#eventStreamsMax()}
     * streams are already open: each holds a thread while it waits, so their number is bounded like everything else
     * a client can ask for.
     */
    void serve(Context ctx, String id) throws Exception {
        if (!streams.tryAcquire()) {
            throw ApiError.tooManyRequests("this server keeps at most " + streamsMax + " event streams open at once;"
                    + " close one (EventSource.close()) and ask again");
        }
        boolean handedOver = false;
        try {
            new SseHandler(client -> {
                        try {
                            follow(client, id);
                        } finally {
                            streams.release();
                        }
                    })
                    .handle(ctx);
            handedOver = true;
        } finally {
            if (!handedOver) {
                streams.release();
            }
        }
    }

    /** Streams the run's events to {@code client} until it ends or the client goes away. */
    private void follow(SseClient client, String id) {
        Optional<LiveRun> live = registry.find(id);
        if (live.isPresent()) {
            followLive(client, live.get());
        } else {
            store.find(id).ifPresent(kept -> sendEnd(client, kept));
        }
        client.close();
    }

    private static void followLive(SseClient client, LiveRun run) {
        long seenVersion = -1;
        try {
            while (!client.terminated()) {
                LiveRun.Snapshot now = run.awaitChange(seenVersion, KEEP_ALIVE_MS);
                if (now.version() == seenVersion) {
                    client.sendComment("keep-alive");
                    continue;
                }
                seenVersion = now.version();
                client.sendEvent("progress", JsonText.write(progress(now)));
                if (now.state().finished()) {
                    sendEnd(client, run.id(), now);
                    return;
                }
                Thread.sleep(PROGRESS_INTERVAL_MS_MIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode progress(LiveRun.Snapshot now) {
        ObjectNode progress = JsonText.object();
        progress.put("seedsDone", now.seedsDone());
        progress.put("seedsTotal", now.seedsTotal());
        return progress;
    }

    private static void sendEnd(SseClient client, String id, LiveRun.Snapshot now) {
        ObjectNode end = progress(now);
        end.put("id", id);
        end.put("state", now.state().apiName());
        end.put("error", now.error().orElse(null));
        client.sendEvent("end", JsonText.write(end));
    }

    private static void sendEnd(SseClient client, KeptRun kept) {
        ObjectNode progress = JsonText.object();
        progress.put("seedsDone", kept.seedsDone());
        progress.put("seedsTotal", kept.seeds());
        client.sendEvent("progress", JsonText.write(progress));
        ObjectNode end = progress.deepCopy();
        end.put("id", kept.id());
        end.put("state", kept.state().apiName());
        end.put("error", kept.error().orElse(null));
        client.sendEvent("end", JsonText.write(end));
    }
}
