package reportingest.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import reportingest.store.Json;

import java.nio.charset.StandardCharsets;

/** Last step of every API route: writes the handler's response as UTF-8 JSON with its status code. */
public final class JsonResponder {
    public void respond(Exchange exchange) {
        Message in = exchange.getMessage();
        ApiResponse response = in.getBody(ApiResponse.class);
        Object body = response.body();
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : Json.write(body).getBytes(StandardCharsets.UTF_8);
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        in.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        in.setBody(bytes);
    }
}
