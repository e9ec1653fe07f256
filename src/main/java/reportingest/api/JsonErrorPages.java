package reportingest.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import reportingest.store.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests no route serves (an unknown address, a method an address does not take) are answered by the
 * HTTP server itself, with an HTML page; these handlers give them the API's documented JSON error instead.
 */
public final class JsonErrorPages {
    private JsonErrorPages() {}

    public static void install(CamelContext camel, int port) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) router = VertxPlatformHttpRouter.lookup(camel);
        if (router == null) return; // HTTP disabled
        // ordered after every route Camel adds, so it answers only what none of them serves
        router.route().last().handler(answer(404, rc -> "no endpoint for " + rc.request().method() + " " + rc.request().path()
                + "; the endpoints and their methods are listed at /api/openapi.json"));
    }

    private static Handler<RoutingContext> answer(int status, java.util.function.Function<RoutingContext, String> message) {
        return rc -> {
            if (rc.response().ended()) return;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message.apply(rc));
            body.put("status", status);
            rc.response().setStatusCode(status).putHeader("Content-Type", ApiResponse.JSON).end(Json.write(body));
        };
    }
}
