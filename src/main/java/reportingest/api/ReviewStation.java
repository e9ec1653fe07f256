package reportingest.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review station: a web page at {@code /review} for archive staff (issue #12), plain HTML, CSS and JavaScript
 * from {@code src/main/resources/review/} in the jar, read once at start; it calls the API like any other client.
 * Served by the HTTP server beside the API routes (it is not part of the JSON API), GET and HEAD only, with a
 * content security policy that lets the page load nothing but itself and the API.
 */
public final class ReviewStation {
    public static final String PATH = "/review";
    /** Every file of the station, with its media type; nothing else under /review is served. */
    static final Map<String, String> ASSETS = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "station.js", "text/javascript; charset=UTF-8",
            "station.css", "text/css; charset=UTF-8");
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    ReviewStation() {
        for (String name : ASSETS.keySet()) {
            try (InputStream in = ReviewStation.class.getResourceAsStream(PATH + "/" + name)) {
                if (in == null) throw new IllegalStateException("review station asset " + name + " missing from the classpath");
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void install(CamelContext camel, int port) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) router = VertxPlatformHttpRouter.lookup(camel);
        if (router == null) return; // HTTP disabled
        ReviewStation station = new ReviewStation();
        for (HttpMethod m : new HttpMethod[]{HttpMethod.GET, HttpMethod.HEAD}) {
            // the page's own files are relative to /review/ (Vert.x matches "/review" for "/review/" too)
            router.route(m, PATH).handler(rc -> {
                if (rc.request().path().equals(PATH)) rc.redirect(PATH + "/");
                else rc.next();
            });
            router.routeWithRegex(m, "/review/([A-Za-z0-9._-]*)").handler(station::serve);
        }
    }

    private void serve(RoutingContext rc) {
        String name = rc.pathParam("param0");
        if (name == null || name.isEmpty()) name = "index.html";
        byte[] body = files.get(name);
        if (body == null) {
            rc.next(); // the JSON 404 of JsonErrorPages
            return;
        }
        rc.response()
                .putHeader("Content-Type", ASSETS.get(name))
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", CSP);
        if (rc.request().method() == HttpMethod.HEAD) {
            rc.response().putHeader("Content-Length", Integer.toString(body.length)).end();
        } else {
            rc.response().end(Buffer.buffer(body));
        }
    }
}
