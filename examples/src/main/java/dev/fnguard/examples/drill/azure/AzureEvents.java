package dev.fnguard.examples.drill.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the Azure host hands the Java worker, for the drill: an HTTP request (method, URL, headers,
 * body as text) or a trigger's string value, in a small JSON envelope that {@link AzureFunctionHandler}
 * turns back into the worker's objects.
 */
public final class AzureEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The URL of the example function app. */
    public static final String URL = "https://fnguard-examples.azurewebsites.net/api/orders";

    private AzureEvents() {
    }

    /**
     * An HTTP request as Azure's front end forwards it (HTTPS, client address in X-Forwarded-For).
     *
     * @param method the method
     * @param contentType the content type, or null
     * @param body the body, or null
     * @return the event
     */
    public static Supplier<InputStream> http(String method, String contentType, String body) {
        return http(method, URL, Map.of("x-forwarded-proto", "https", "x-forwarded-for", "203.0.113.7:50122"),
                contentType, body);
    }

    /**
     * An HTTP request.
     *
     * @param method the method
     * @param url the URL
     * @param headers headers
     * @param contentType the content type, or null
     * @param body the body, or null
     * @return the event
     */
    public static Supplier<InputStream> http(String method, String url, Map<String, String> headers,
            String contentType, String body) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("trigger", "http");
        n.put("method", method);
        n.put("url", url);
        ObjectNode h = n.putObject("headers");
        headers.forEach(h::put);
        if (contentType != null) {
            h.put("content-type", contentType);
        }
        if (body != null) {
            n.put("body", body);
        }
        return bytes(n);
    }

    /**
     * A trigger's string value (a queue message).
     *
     * @param value the message text
     * @return the event
     */
    public static Supplier<InputStream> message(String value) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("trigger", "message");
        n.put("value", value);
        return bytes(n);
    }

    /**
     * A batch of messages, as the worker delivers {@code List<String>} for {@code cardinality = MANY}.
     *
     * @param values the messages
     * @return the event
     */
    public static Supplier<InputStream> batch(String... values) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("trigger", "batch");
        com.fasterxml.jackson.databind.node.ArrayNode a = n.putArray("values");
        for (String v : values) {
            a.add(v);
        }
        return bytes(n);
    }

    /**
     * A trigger value the worker does not give middleware as a string (bytes).
     *
     * @return the event
     */
    public static Supplier<InputStream> binaryMessage() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("trigger", "message");
        n.put("binary", true);
        return bytes(n);
    }

    private static Supplier<InputStream> bytes(ObjectNode n) {
        byte[] b;
        try {
            b = MAPPER.writeValueAsBytes(n);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> new ByteArrayInputStream(b);
    }
}
