package reportingest.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.store.Json;

import java.nio.charset.StandardCharsets;

/** Last step of every API route: writes the handler's response (JSON, text or bytes) with its status code. */
public final class JsonResponder {
    private static final Logger log = LoggerFactory.getLogger(JsonResponder.class);

    public void respond(Exchange exchange) {
        write(exchange, exchange.getMessage().getBody(ApiResponse.class));
    }

    /** The API routes' error handler: a refused request gets its own answer, anything else a JSON 500. */
    public void problem(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (e instanceof ApiProblem p) {
            write(exchange, p.response());
            return;
        }
        log.error("API request failed: {}", e == null ? "unknown error" : e.getMessage(), e);
        write(exchange, ApiResponse.error(500, "internal error; the service log has the details"));
    }

    private static void write(Exchange exchange, ApiResponse response) {
        Message in = exchange.getMessage();
        Object body = response.body();
        byte[] bytes = body instanceof byte[] b ? b
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : Json.write(body).getBytes(StandardCharsets.UTF_8);
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        in.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        response.headers().forEach(in::setHeader);
        in.setBody(bytes);
    }
}
