package dev.fnguard.examples.drill.azure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lets the drill, which speaks bytes in and bytes out, invoke an Azure function through the
 * in-process worker: the envelope from {@link AzureEvents} becomes an {@code HttpRequestMessage} or a
 * trigger value, and the answer is {@code {"statusCode": n}} for HTTP, {@code {"result": ...}} for a
 * message (delivered, completed without the function, or failed back to the host).
 */
public final class AzureFunctionHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AzureWorker worker;
    private final String functionName;
    private final String binding;

    /**
     * Creates the handler.
     *
     * @param worker the worker holding the function class and the middleware
     * @param functionName the function to invoke
     * @param binding the trigger's binding name
     */
    public AzureFunctionHandler(AzureWorker worker, String functionName, String binding) {
        this.worker = worker;
        this.functionName = functionName;
        this.binding = binding;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        Map<String, Object> values = new HashMap<>();
        ObjectNode answer = MAPPER.createObjectNode();
        if ("http".equals(event.path("trigger").asText())) {
            Map<String, String> headers = new HashMap<>();
            event.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            values.put(binding, new DrillHttpRequest(HttpMethod.valueOf(event.path("method").asText()
                    .toUpperCase(Locale.ROOT)), URI.create(event.path("url").asText()), headers,
                    event.has("body") ? event.get("body").asText() : null));
        } else if ("batch".equals(event.path("trigger").asText())) {
            java.util.List<String> batch = new java.util.ArrayList<>();
            event.path("values").forEach(v -> batch.add(v.asText()));
            values.put(binding, batch);
        } else if (event.path("binary").asBoolean()) {
            values.put(binding, event.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            values.put(binding, event.path("value").asText());
        }
        try {
            AzureInvocation inv = worker.invoke(functionName, values);
            if (inv.getReturnValue() instanceof HttpResponseMessage r) {
                answer.put("statusCode", r.getStatusCode());
                answer.put("body", String.valueOf(r.getBody()));
            } else {
                answer.put("result", "completed");
            }
        } catch (Exception e) {
            // the host would retry the message, then move it to the poison / dead-letter queue
            answer.put("result", "failed: " + e.getClass().getSimpleName());
        }
        MAPPER.writeValue(output, answer);
    }
}
