package reportingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reportingest.store.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket, JDK's own client): no Selenium, no
 * driver download. Keys are sent as the keyboard sends them (Input.dispatchKeyEvent), and counted.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final int ALT = 1, CTRL = 2, SHIFT = 8;

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private int keystrokes;

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    HeadlessChromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        // the flags the machine notes say a closed network needs (no background connections, no component updates)
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=1440,1000", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path active = profile.resolve("DevToolsActivePort");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(active) || Files.readAllLines(active).isEmpty()) {
            if (System.nanoTime() > until || !process.isAlive()) {
                throw new IllegalStateException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(active).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String url = null;
        while (url == null) {
            JsonNode targets = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) if (t.get("type").asText().equals("page")) url = t.get("webSocketDebuggerUrl").asText();
            if (url == null) Thread.sleep(100);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode message = Json.MAPPER.readTree(text.toString());
                        if (message.has("id")) {
                            CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                            if (f != null) f.complete(message);
                        } else if ("Runtime.consoleAPICalled".equals(message.path("method").asText())) {
                            StringBuilder line = new StringBuilder(message.path("params").path("type").asText());
                            for (JsonNode arg : message.path("params").path("args")) {
                                line.append(' ').append(arg.has("value") ? arg.get("value").asText() : arg.path("description").asText());
                            }
                            console.add(line.toString());
                        } else if ("Runtime.exceptionThrown".equals(message.path("method").asText())) {
                            console.add("exception " + message.path("params").path("exceptionDetails").path("exception").path("description").asText());
                        }
                    } catch (IOException e) {
                        // not a message of ours
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        send("Page.enable", Json.MAPPER.createObjectNode());
        send("Runtime.enable", Json.MAPPER.createObjectNode());
    }

    /** What the page wrote to its console and the exceptions it did not catch, so far. */
    List<String> console() {
        return List.copyOf(console);
    }

    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(Json.MAPPER.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode m = answer.get(30, TimeUnit.SECONDS);
        if (m.has("error")) throw new IllegalStateException(method + ": " + m.get("error"));
        return m.get("result");
    }

    void open(String url) throws Exception {
        send("Page.navigate", Json.MAPPER.createObjectNode().put("url", url));
        await("document.readyState === 'complete'", Duration.ofSeconds(20));
    }

    /** The value of a JavaScript expression in the page (a promise is awaited). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Json.MAPPER.createObjectNode().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
        return r.get("result").path("value");
    }

    String text(String expression) throws Exception {
        return eval(expression).asText();
    }

    /** Waits until the expression is true in the page. */
    void await(String expression, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        // an element not there yet is "not yet", not an error
        while (!eval("(() => { try { return !!(" + expression + "); } catch (e) { return false; } })()").asBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + expression + "; toast: "
                        + text("document.querySelector('#toast') ? document.querySelector('#toast').textContent : ''")
                        + "; console: " + console + "; page: " + text("JSON.stringify({hash: location.hash,"
                        + " active: document.activeElement && document.activeElement.id,"
                        + " progress: document.querySelector('#progress') && document.querySelector('#progress').textContent,"
                        + " detail: document.querySelector('#detail') && document.querySelector('#detail').textContent.slice(0, 200)})"));
            }
            Thread.sleep(50);
        }
    }

    void await(String expression) throws Exception {
        await(expression, Duration.ofSeconds(20));
    }

    /** One key press: key as KeyboardEvent.key, code as KeyboardEvent.code, its Windows key code, modifiers, the text it types. */
    void press(String key, String code, int keyCode, int modifiers, String text) throws Exception {
        ObjectNode down = Json.MAPPER.createObjectNode().put("type", text == null ? "rawKeyDown" : "keyDown").put("key", key)
                .put("code", code).put("windowsVirtualKeyCode", keyCode).put("modifiers", modifiers);
        if (text != null) down.put("text", text).put("unmodifiedText", text);
        send("Input.dispatchKeyEvent", down);
        send("Input.dispatchKeyEvent", Json.MAPPER.createObjectNode().put("type", "keyUp").put("key", key).put("code", code)
                .put("windowsVirtualKeyCode", keyCode).put("modifiers", modifiers));
        keystrokes++;
    }

    void enter() throws Exception { press("Enter", "Enter", 13, 0, "\r"); }

    void tab(boolean back) throws Exception { press("Tab", "Tab", 9, back ? SHIFT : 0, null); }

    /** Alt (or Ctrl) with a letter, as the station's shortcuts are read (by KeyboardEvent.code). */
    void chord(int modifiers, char letter) throws Exception {
        char upper = Character.toUpperCase(letter);
        press(String.valueOf(Character.toLowerCase(letter)), "Key" + upper, upper, modifiers, null);
    }

    /** Types digits and the decimal point key by key, as a reviewer does. */
    void type(String digits) throws Exception {
        for (char ch : digits.toCharArray()) {
            String s = String.valueOf(ch);
            if (ch == '.') press(".", "Period", 190, 0, ".");
            else press(s, "Digit" + ch, ch, 0, s);
        }
    }

    /** Text as an input method commits it (Chinese is not typed key by key); counted as one keystroke. */
    void insertText(String text) throws Exception {
        send("Input.insertText", Json.MAPPER.createObjectNode().put("text", text));
        keystrokes++;
    }

    void click(String selector) throws Exception {
        eval("document.querySelector(" + Json.MAPPER.writeValueAsString(selector) + ").click()");
    }

    int keystrokes() {
        return keystrokes;
    }

    void screenshot(Path file) throws Exception {
        JsonNode r = send("Page.captureScreenshot", Json.MAPPER.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close() throws Exception {
        try {
            send("Browser.close", Json.MAPPER.createObjectNode());
        } catch (Exception e) {
            // already gone
        }
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
