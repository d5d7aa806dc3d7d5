package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The web lab's API over real HTTP, as a test drives it: every answer is its status and its JSON body. */
final class LabClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param text the body as sent
     * @param contentType the Content-Type header, or empty
     */
    record Answer(int status, String text, String contentType) {
        JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }
    }

    /**
     * One server-sent event.
     *
     * @param name the event's name ({@code progress}, {@code end})
     * @param data its data, parsed
     */
    record Event(String name, JsonNode data) {}

    LabClient(URI base) {
        this.base = base;
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** A request with no body, for methods the API does not take. */
    Answer send(String method, String path) {
        return send(request(path)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    Answer postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    Answer post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Starts a run and returns its id; fails the test if the server refuses. */
    String start(String body) {
        Answer started = postJson("/api/runs", body);
        if (started.status() != 201) {
            throw new AssertionError("the run did not start: " + started.status() + " " + started.text());
        }
        return started.json().path("id").asText();
    }

    /** Every event of a run's stream, read until the server closes it (after the end event). */
    List<Event> events(String runId) {
        HttpResponse<Stream<String>> response = openEvents(runId);
        if (response.statusCode() != 200) {
            throw new AssertionError("events of " + runId + ": HTTP " + response.statusCode());
        }
        return readEvents(response);
    }

    /** Opens a run's event stream and returns once its headers came; the body is read later, or never. */
    HttpResponse<Stream<String>> openEvents(String runId) {
        HttpRequest request = request("/api/runs/" + runId + "/events")
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The events of an open stream, read to its end. */
    static List<Event> readEvents(HttpResponse<Stream<String>> response) {
        try (Stream<String> lines = response.body()) {
            return parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Event> parse(Stream<String> lines) throws IOException {
        List<Event> events = new ArrayList<>();
        String name = "message";
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                events.add(new Event(
                        name, MAPPER.readTree(line.substring("data:".length()).strip())));
                name = "message";
            }
        }
        return events;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
