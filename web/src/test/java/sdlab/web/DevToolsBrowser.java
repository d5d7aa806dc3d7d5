package sdlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's WebSocket client: no
 * Selenium and no chromedriver to match to the browser's version. It opens one page, evaluates JavaScript in it,
 * waits for conditions, and collects every console error, uncaught exception and failed load, so that a test can
 * fail on any of them.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MS = 100;

    private final Process process;
    private final WebSocket socket;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private String sessionId;

    private DevToolsBrowser(Process process, URI endpoint) {
        this.process = process;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(endpoint, new Listener())
                .join();
    }

    /** The first of chromium, chromium-browser or google-chrome on the PATH, if any. */
    static Optional<Path> find() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts {@code chromium} headless with a fresh profile under {@code dir} and opens a blank page. */
    static DevToolsBrowser launch(Path chromium, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        chromium.toString(),
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--window-size=1280,900",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "about:blank")
                .redirectOutput(dir.resolve("chromium-stdout.txt").toFile())
                .start();
        DevToolsBrowser browser = new DevToolsBrowser(process, endpoint(process));
        browser.openPage();
        return browser;
    }

    /** Reads Chromium's standard error until it says where DevTools listens; the rest is drained and ignored. */
    private static URI endpoint(Process process) throws IOException, InterruptedException {
        CompletableFuture<URI> found = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader err = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line = err.readLine(); line != null; line = err.readLine()) {
                            Matcher matcher = LISTENING.matcher(line);
                            if (matcher.find()) {
                                found.complete(URI.create(matcher.group(1)));
                            }
                        }
                        found.completeExceptionally(new IllegalStateException("Chromium exited before listening"));
                    } catch (IOException e) {
                        found.completeExceptionally(e);
                    }
                },
                "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not open DevTools within " + START_TIMEOUT, e);
        }
    }

    private void openPage() {
        String targetId = command(null, "Target.createTarget", object().put("url", "about:blank"))
                .path("targetId")
                .asText();
        sessionId = command(
                        null,
                        "Target.attachToTarget",
                        object().put("targetId", targetId).put("flatten", true))
                .path("sessionId")
                .asText();
        page("Runtime.enable", object());
        page("Log.enable", object());
        page("Page.enable", object());
    }

    /** Opens {@code url} and waits until its document has loaded. */
    void navigate(String url) {
        page("Page.navigate", object().put("url", url));
        waitFor("document.readyState === 'complete' && location.href === " + MAPPER.valueToTree(url), COMMAND_TIMEOUT);
    }

    /** The value of a JavaScript expression in the page (a promise is awaited); a thrown error fails the test. */
    JsonNode evaluate(String expression) {
        JsonNode result = page(
                "Runtime.evaluate",
                object().put("expression", expression)
                        .put("returnByValue", true)
                        .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw: "
                    + result.path("exceptionDetails")
                            .path("exception")
                            .path("description")
                            .asText(result.path("exceptionDetails").path("text").asText()));
        }
        return result.path("result").path("value");
    }

    /** Waits until a JavaScript condition is true; fails, with the page's text, after {@code timeout}. */
    void waitFor(String condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + condition + "; the page shows: "
                        + evaluate("document.body ? document.body.innerText : ''")
                                .asText());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Clicks the first element matching a CSS selector, as a user would (a trusted mouse event at its centre). */
    void click(String selector) {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + MAPPER.valueToTree(selector)
                + "); if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new AssertionError("nothing on the page matches " + selector);
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            page(
                    "Input.dispatchMouseEvent",
                    object().put("type", type)
                            .put("x", box.path("x").asDouble())
                            .put("y", box.path("y").asDouble())
                            .put("button", "left")
                            .put("clickCount", 1));
        }
    }

    /** Presses and releases a key, as a user would (a trusted key event): {@code "ArrowRight"}, {@code "PageDown"}. */
    void press(String key, int windowsKeyCode) {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            page(
                    "Input.dispatchKeyEvent",
                    object().put("type", type)
                            .put("key", key)
                            .put("code", key)
                            .put("windowsVirtualKeyCode", windowsKeyCode));
        }
    }

    /** Puts {@code file} into the file input matching {@code selector}, as choosing it in the file dialog would. */
    void upload(String selector, Path file) {
        int root = page("DOM.getDocument", object()).path("root").path("nodeId").asInt();
        int input = page("DOM.querySelector", object().put("nodeId", root).put("selector", selector))
                .path("nodeId")
                .asInt();
        ObjectNode params = object().put("nodeId", input);
        params.putArray("files").add(file.toAbsolutePath().toString());
        page("DOM.setFileInputFiles", params);
    }

    /** The page's viewport in CSS pixels, so that screenshots are the same size wherever they are taken. */
    void viewport(int width, int height) {
        page(
                "Emulation.setDeviceMetricsOverride",
                object().put("width", width)
                        .put("height", height)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", false));
    }

    /** Saves what the viewport shows as a PNG. */
    void screenshot(Path file) throws IOException {
        String png = page("Page.captureScreenshot", object().put("format", "png"))
                .path("data")
                .asText();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** Every console error, uncaught exception and failed load so far, one line each. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private JsonNode page(String method, ObjectNode params) {
        return command(sessionId, method, params);
    }

    private JsonNode command(String session, String method, ObjectNode params) {
        long id = nextId.getAndIncrement();
        ObjectNode message = object().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.path("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(method + " got no answer within " + COMMAND_TIMEOUT, e);
        } finally {
            pending.remove(id);
        }
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                errors.add("uncaught: "
                        + details.path("exception")
                                .path("description")
                                .asText(details.path("text").asText()));
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if (entry.path("level").asText().equals("error")) {
                    errors.add("log: " + entry.path("text").asText() + " "
                            + entry.path("url").asText());
                }
            }
            default -> {}
        }
    }

    private static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    @Override
    public void close() throws InterruptedException {
        // Not awaited: the browser may close the connection before it answers. The process is ended below anyway.
        socket.sendText(
                object().put("id", nextId.getAndIncrement())
                        .put("method", "Browser.close")
                        .toString(),
                true);
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Collects a message's fragments and hands each whole message to {@link #onMessage}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(MAPPER.readTree(text));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
