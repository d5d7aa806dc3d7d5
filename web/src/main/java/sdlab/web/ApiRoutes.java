package sdlab.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's routes and how their outcomes become HTTP: every answer is JSON, every refusal {@code {"error": "..."}}
 * with a 4xx, and anything unexpected a 500 with one line (the stack trace goes to the log, not to the client). The
 * routes and their bodies are documented in {@code web/README.md}.
 */
final class ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private ApiRoutes() {}

    static void register(
            RoutesConfig routes,
            ChapterApi chapters,
            RunApi runs,
            RunEvents events,
            SeedApi seeds,
            StateApi states,
            SweepApi sweeps,
            CheckApi check) {
        routes.before(ApiRoutes::requireLocalHost);
        routes.get("/api/chapters", ctx -> json(ctx, 200, chapters.list()));
        routes.get("/api/chapters/{id}", ctx -> json(ctx, 200, chapters.detail(ctx.pathParam("id"))));
        routes.get("/api/runs", ctx -> json(ctx, 200, runs.list()));
        routes.post("/api/runs", ctx -> {
            requireJsonBody(ctx);
            json(ctx, 201, runs.start(runBody(ctx)));
        });
        routes.get("/api/runs/{id}", ctx -> json(ctx, 200, runs.report(ctx.pathParam("id"))));
        routes.delete("/api/runs/{id}", ctx -> json(ctx, 202, runs.cancel(ctx.pathParam("id"))));
        routes.get("/api/runs/{id}/events", ctx -> {
            String id = ctx.pathParam("id");
            runs.requireKnown(id);
            requireEventStream(ctx);
            events.serve(ctx, id);
        });
        routes.get(
                "/api/runs/{id}/seeds/{seed}",
                ctx -> json(ctx, 200, seeds.ofRun(ctx.pathParam("id"), ctx.pathParam("seed"), ctx.queryParamMap())));
        routes.get(
                "/api/chapters/{id}/seeds/{seed}",
                ctx -> json(
                        ctx, 200, seeds.ofChapter(ctx.pathParam("id"), ctx.pathParam("seed"), ctx.queryParamMap())));
        routes.get(
                "/api/runs/{id}/seeds/{seed}/state",
                ctx -> json(ctx, 200, states.ofRun(ctx.pathParam("id"), ctx.pathParam("seed"), ctx.queryParamMap())));
        routes.get(
                "/api/chapters/{id}/seeds/{seed}/state",
                ctx -> json(
                        ctx, 200, states.ofChapter(ctx.pathParam("id"), ctx.pathParam("seed"), ctx.queryParamMap())));
        routes.post("/api/sweeps", ctx -> {
            requireJsonBody(ctx);
            json(ctx, 200, sweeps.sweep(runBody(ctx)));
        });
        routes.get("/api/check/models", ctx -> json(ctx, 200, check.models()));
        routes.post("/api/check", ctx -> {
            requireJsonBody(ctx);
            json(ctx, 200, check.check(ctx.body()));
        });
        routes.exception(ApiError.class, (error, ctx) -> json(ctx, error.status(), JsonText.error(error.getMessage())));
        // Javalin's own refusals (no such route, a method the route does not take, a body over the size bound):
        // under /api they are JSON in the API's words, as every other answer there is.
        routes.exception(HttpResponseException.class, (error, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                json(ctx, error.getStatus(), JsonText.error(refusal(ctx, error.getStatus(), error.getMessage())));
            } else {
                ctx.status(error.getStatus()).contentType("text/plain").result(error.getMessage());
            }
        });
        routes.exception(Exception.class, (error, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
            json(ctx, 500, JsonText.error("the server failed: " + error));
        });
    }

    private static String refusal(Context ctx, int status, String javalinMessage) {
        return switch (status) {
            case 404 -> "no API route " + ctx.method() + " " + ctx.path() + "; see web/README.md for the routes";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the body is larger than " + CheckApi.BODY_BYTES_MAX + " bytes, the most any route takes";
            default -> javalinMessage;
        };
    }

    /** The events route serves only clients that ask for an event stream (an EventSource always does). */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw ApiError.notAcceptable("the events of a run are a stream: ask with Accept: " + EVENT_STREAM);
        }
    }

    /**
     * Only requests addressed to this machine by a loopback name are served. A web page elsewhere could otherwise
     * point a name it controls at 127.0.0.1 (DNS rebinding) and drive the lab from the learner's browser.
     */
    private static void requireLocalHost(Context ctx) {
        String host = ctx.header("Host");
        String name = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        if (!LOCAL_HOSTS.contains(name)) {
            throw ApiError.forbidden("this lab answers only requests to 127.0.0.1 or localhost, not '" + host + "'");
        }
    }

    /**
     * A run's body, within its own bound: the server takes bodies as large as a history to check, but a run request is
     * a few hundred bytes, and a larger one is a mistake.
     */
    private static String runBody(Context ctx) {
        String body = ctx.body();
        if (body.length() > WebLab.RUN_BYTES_MAX) {
            throw ApiError.contentTooLarge(
                    "the body is larger than " + WebLab.RUN_BYTES_MAX + " bytes; a run request is a few hundred");
        }
        return body;
    }

    /** A run is started only by a JSON body, which a form on another site cannot send without asking first. */
    private static void requireJsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw ApiError.unsupportedMediaType("send the body as JSON with Content-Type: application/json, not "
                    + (type == null ? "no content type" : type));
        }
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }
}
