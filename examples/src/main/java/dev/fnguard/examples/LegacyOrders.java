package dev.fnguard.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * An existing, plain Lambda handler that knows nothing of fnguard: no annotation, no base class, no
 * import of the library. It is guarded with no code change by setting the function's handler to
 * {@code dev.fnguard.lambda.GuardedEntryPoint::handleRequest} and {@code FNGUARD_HANDLER} to this
 * class (see {@code template.yaml}); its policy then comes from the {@code FNGUARD_*} variables.
 *
 * <p>Like much legacy code, it trusts its input: it parses whatever body it gets and throws on
 * anything it does not understand. Behind the entry point, an exception becomes a generic 500 with
 * the request id, and oversized, deeply nested, plain-HTTP or unauthenticated requests never reach it.
 */
public class LegacyOrders implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        JsonNode order;
        try {
            order = MAPPER.readTree(event.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse order " + event.getBody(), e);
        }
        String sku = order.path("sku").asText();
        int quantity = order.path("quantity").asInt();
        if (sku.isEmpty() || quantity < 1) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(422)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"error\":\"sku and quantity are required\"}").build();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"orderId\":\"" + UUID.randomUUID() + "\"}").build();
    }
}
