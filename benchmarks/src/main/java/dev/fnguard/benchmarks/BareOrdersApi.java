package dev.fnguard.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnguard.examples.OrderCreated;
import dev.fnguard.examples.OrderRequest;
import dev.fnguard.lambda.internal.AwsSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline: the same work as the guarded {@code OrdersApi} without the guard. AWS's serializer
 * reads the v2 event, Jackson binds the body to {@link OrderRequest}, the handler makes the order,
 * and AWS's serializer writes the v2 response. No limits, no validation, no audit.
 */
public final class BareOrdersApi implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PojoSerializer<APIGatewayV2HTTPEvent> in = AwsSerialization.serializerFor(APIGatewayV2HTTPEvent.class);
    private final PojoSerializer<APIGatewayV2HTTPResponse> out =
            AwsSerialization.serializerFor(APIGatewayV2HTTPResponse.class);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event = in.fromJson(input);
        OrderRequest order = MAPPER.readValue(event.getBody(), OrderRequest.class);
        OrderCreated created = new OrderCreated(order.quantity() > 0 ? UUID.randomUUID() : null);
        out.toJson(APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(MAPPER.writeValueAsString(created))
                .withIsBase64Encoded(false)
                .build(), output);
    }
}
