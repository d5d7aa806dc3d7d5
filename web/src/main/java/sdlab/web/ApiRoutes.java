package sdlab.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
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
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private ApiRoutes() {}

    static void register(RoutesConfig routes, ChapterApi chapters, RunApi runs, RunEvents events) {
        routes.before(ApiRoutes::requireLocalHost);
        routes.get("/api/chapters", ctx -> json(ctx, 200, chapters.list()));
        routes.get("/api/chapters/{id}", ctx -> json(ctx, 200, chapters.detail(ctx.pathParam("id"))));
        routes.get("/api/runs", ctx -> json(ctx, 200, runs.list()));
        routes.post("/api/runs", ctx -> {
            requireJsonBody(ctx);
            json(ctx, 201, runs.start(ctx.body()));
        });
        routes.get("/api/runs/{id}", ctx -> json(ctx, 200, runs.report(ctx.pathParam("id"))));
        routes.delete("/api/runs/{id}", ctx -> json(ctx, 202, runs.cancel(ctx.pathParam("id"))));
        routes.get("/api/runs/{id}/events", ctx -> {
            String id = ctx.pathParam("id");
            runs.requireKnown(id);
            new SseHandler(client -> events.follow(client, id)).handle(ctx);
        });
        routes.exception(ApiError.class, (error, ctx) -> json(ctx, error.status(), JsonText.error(error.getMessage())));
        routes.exception(Exception.class, (error, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
            json(ctx, 500, JsonText.error("the server failed: " + error));
        });
        routes.error(404, ctx -> {
            // Javalin's own 404 for a path no route matches: say so in JSON under /api, as every other answer is.
            if (ctx.path().startsWith("/api/") && !isJson(ctx)) {
                json(
                        ctx,
                        404,
                        JsonText.error("no API route " + ctx.method() + " " + ctx.path()
                                + "; see web/README.md for the routes"));
            }
        });
        routes.error(405, ctx -> {
            if (ctx.path().startsWith("/api/") && !isJson(ctx)) {
                json(ctx, 405, JsonText.error(ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
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

    /** A run is started only by a JSON body, which a form on another site cannot send without asking first. */
    private static void requireJsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw ApiError.unsupportedMediaType("send the run as JSON with Content-Type: application/json, not "
                    + (type == null ? "no content type" : type));
        }
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(JSON);
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }
}
