package sdlab.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;

/**
 * The web lab's server: the JSON API and the one-page app, on 127.0.0.1 only. {@link #start} returns once it
 * listens; {@link #close} stops it and cancels the runs in progress.
 *
 * <pre>{@code
 * try (WebLab lab = WebLab.start(WebLabSettings.of(experiments, 0, Path.of("runs")))) {
 *     System.out.println(lab.url()); // http://127.0.0.1:41234/
 * }
 * }</pre>
 */
public final class WebLab implements AutoCloseable {
    /** Where the page's files live in this jar. */
    static final String STATIC_ROOT = "/sdlab/web/static";

    /** The only address the lab listens on: it runs code on request, so it is for this machine alone. */
    private static final String LOOPBACK = "127.0.0.1";

    /** The largest run request taken: one is a few hundred bytes. Histories to check may be larger. */
    static final long RUN_BYTES_MAX = 64 * 1024;

    private final Javalin server;
    private final RunRegistry registry;

    private WebLab(Javalin server, RunRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /**
     * Starts the server and returns once it listens.
     *
     * @throws PortInUseException when the port is taken
     * @throws IOException when the runs folder cannot be created or read
     */
    public static WebLab start(WebLabSettings settings) throws PortInUseException, IOException {
        requireFree(settings.port());
        Chapters chapters = new Chapters(settings.experiments());
        RunStore store = RunStore.open(settings.runsDir());
        RunRegistry registry = new RunRegistry(store, settings.runsConcurrentMax(), Clock.systemUTC());
        ChapterApi chapterApi = new ChapterApi(chapters);
        RunApi runApi = new RunApi(new RunRequestParser(chapters, settings.seedsMax()), registry, store);
        RunEvents events = new RunEvents(registry, store, settings.eventStreamsMax());
        SeedRequestParser seedRequests = new SeedRequestParser(chapters, store);
        SeedApi seeds = new SeedApi(seedRequests, new SeedCache(SeedCache.CHARS_MAX_DEFAULT));
        StateApi states = new StateApi(seedRequests, chapters);
        SweepApi sweeps = new SweepApi(chapters);
        CheckApi check = new CheckApi();
        Javalin server = Javalin.create(config -> {
            config.jetty.host = LOOPBACK;
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = CheckApi.BODY_BYTES_MAX;
            config.http.prefer405over404 = true;
            config.staticFiles.add(STATIC_ROOT, Location.CLASSPATH);
            ApiRoutes.register(config.routes, chapterApi, runApi, events, seeds, states, sweeps, check);
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            registry.close();
            server.stop();
            if (causedByBind(e)) {
                throw new PortInUseException(settings.port(), e);
            }
            throw e;
        }
        return new WebLab(server, registry);
    }

    /** The port it listens on: the one asked for, or the one the system picked for port 0. */
    public int port() {
        return server.port();
    }

    /** The page's address, {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://" + LOOPBACK + ":" + port() + "/");
    }

    /** Cancels the runs in progress and stops the server. */
    @Override
    public void close() {
        registry.close();
        server.stop();
    }

    /**
     * Fails early, with nothing started, when the port is taken: the server would fail too, but only after logging
     * a stack trace that a user who merely chose a busy port should not see. A port taken between this check and
     * the server's own bind still gives {@link PortInUseException}, from {@link #start}'s catch.
     */
    private static void requireFree(int port) throws PortInUseException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // As the server will: reusing an address in TIME_WAIT is fine, a listening socket on it is not.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException e) {
            throw new PortInUseException(port, e);
        }
    }

    private static boolean causedByBind(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || cause instanceof JavalinBindException) {
                return true;
            }
        }
        return false;
    }
}
