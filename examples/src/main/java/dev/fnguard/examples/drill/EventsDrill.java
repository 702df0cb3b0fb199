package dev.fnguard.examples.drill;

import static dev.fnguard.examples.drill.SampleEvents.edited;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrderEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code OrderEvents} under attack: AWS's sample EventBridge event turned into order events from the
 * orders bus, then forged (other source, other detail-type) and poisoned (schema, duplicate keys).
 * EventBridge has no caller: every denial is a dropped, audited event (status 0).
 */
public final class EventsDrill implements DrillSuite {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORDER = "{\"orderId\":\"7f3c2a9e-4b1d-4c8e-9a77-2d5e6f8a1b30\",\"sku\":\"ABC-123\","
            + "\"quantity\":2}";

    @Override
    public String function() {
        return "OrderEvents";
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new OrderEvents(options);
    }

    /** AWS's sample event as an order event, changed by {@code edit}. */
    private static Supplier<InputStream> order(Consumer<ObjectNode> edit) {
        return edited("eventBridgeEvent.json", e -> {
            e.put("source", "com.example.orders");
            e.put("detail-type", "Order Placed");
            e.remove("replay-name");
            try {
                e.set("detail", MAPPER.readTree(ORDER));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            edit.accept(e);
        });
    }

    private static Supplier<InputStream> raw(String json) {
        return () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<DrillCase> cases() {
        String placed = "{\"version\":\"0\",\"id\":\"1f6c\",\"detail-type\":\"Order Placed\",\"source\":"
                + "\"com.example.orders\",\"account\":\"123456789012\",\"time\":\"2026-12-01T10:00:00Z\","
                + "\"region\":\"eu-west-1\",\"resources\":[],\"detail\":";
        return List.of(
                DrillCase.of("order placed", Expect.allow(0), order(e -> { })),
                DrillCase.of("order cancelled", Expect.allow(0), order(e -> e.put("detail-type", "Order Cancelled"))),
                DrillCase.of("AWS sample (aws.ec2)", Expect.deny(0, "SOURCE"), edited("eventBridgeEvent.json", e -> { })),
                DrillCase.of("forged source", Expect.deny(0, "SOURCE"), order(e -> e.put("source", "com.example.orders.evil"))),
                DrillCase.of("forged detail-type", Expect.deny(0, "SOURCE"), order(e -> e.put("detail-type", "Order Refunded"))),
                DrillCase.of("schedule sent to orders", Expect.deny(0, "SOURCE"), order(e -> {
                    e.put("source", "aws.events");
                    e.put("detail-type", "Scheduled Event");
                })),
                DrillCase.of("unknown field in detail", Expect.deny(0, "UNKNOWN_FIELD"),
                        order(e -> ((ObjectNode) e.get("detail")).put("$where", "sleep(5000)"))),
                DrillCase.of("quantity over 1000", Expect.deny(0, "CONSTRAINT"),
                        order(e -> ((ObjectNode) e.get("detail")).put("quantity", 1_000_000))),
                DrillCase.of("SQL in sku", Expect.deny(0, "CONSTRAINT"),
                        order(e -> ((ObjectNode) e.get("detail")).put("sku", "ABC' OR '1'='1"))),
                DrillCase.of("quantity as string", Expect.deny(0, "TYPE"),
                        order(e -> ((ObjectNode) e.get("detail")).put("quantity", "2"))),
                DrillCase.of("duplicate sku in detail", Expect.deny(0, "MALFORMED"), raw(placed
                        + "{\"orderId\":\"7f3c2a9e-4b1d-4c8e-9a77-2d5e6f8a1b30\",\"sku\":\"ABC-123\",\"sku\":\"X\","
                        + "\"quantity\":2}}")),
                DrillCase.of("detail not an object", Expect.deny(0, "TYPE"), raw(placed + "\"" + "ABC-123" + "\"}")),
                DrillCase.of("not an EventBridge event", Expect.deny(0, "MALFORMED"),
                        edited("apigw_http_event.json", e -> { })));
    }
}
