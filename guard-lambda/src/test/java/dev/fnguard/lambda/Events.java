package dev.fnguard.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** AWS's sample events from test resources, edited per test. */
final class Events {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode n = load(name);
        edit.accept(n);
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void header(ObjectNode e, String name, String value) {
        JsonNode h = e.get("headers");
        (h instanceof ObjectNode o ? o : e.putObject("headers")).put(name, value);
        if (e.get("multiValueHeaders") instanceof ObjectNode m) {
            m.putArray(name).add(value);
        }
    }

    static void v2Post(ObjectNode e, String body) {
        ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
        header(e, "content-type", "application/json");
        e.put("body", body);
    }
}
