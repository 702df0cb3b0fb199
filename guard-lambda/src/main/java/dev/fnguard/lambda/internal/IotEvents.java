package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.EventRecord;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.internal.Json;
import dev.fnguard.internal.SourceCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps AWS IoT Core rule events. They carry no envelope, so by convention the rule's SQL adds
 * {@code topic() AS topic} and {@code clientid() AS clientId}: those two keys give the source
 * identity ({@code iot:<topic>}, client id attribute, and {@code iot.clientId} in the invocation's
 * authorizer entries, which {@code @IotClients} checks) and are removed before the payload is bound;
 * so is {@code principal} ({@code principal() AS principal}), the authorizer entry {@code iot.principal}.
 * An IoT rule event names no account and no region.
 */
public final class IotEvents {

    /** The source of unreadable IoT events in audit events. */
    public static final Source UNREADABLE = Source.of(SourceKind.IOT, "iot-rule", null);
    /** Record attribute holding the MQTT client id. */
    public static final String ATTR_CLIENT_ID = "clientId";

    private IotEvents() {
    }

    /**
     * Maps an IoT rule event (a JSON object) to one record.
     *
     * @param bytes the event
     * @param ctx the Lambda context, may be null
     * @param fn the function name
     * @return the batch of one
     */
    public static BatchEvent map(byte[] bytes, Context ctx, String fn) {
        String requestId = LambdaContexts.requestId(ctx);
        Map<String, String> attrs = new HashMap<>();
        Map<String, String> authorizer = new HashMap<>();
        attrs.put(SourceCheck.ATTR_FAMILY, "iot");
        String topic = null;
        EventRecord record;
        try {
            JsonNode tree = Json.STRICT.readTree(bytes);
            if (!(tree instanceof ObjectNode obj)) {
                throw new IllegalArgumentException("not an IoT rule event");
            }
            JsonNode t = obj.remove("topic");
            JsonNode c = obj.remove("clientId");
            JsonNode p = obj.remove("principal");
            if (p != null && p.isTextual()) {
                // what @IotClients(principals) checks, when the rule selects principal() AS principal
                authorizer.put("iot.principal", p.asText());
            }
            if (t != null && t.isTextual() && !t.asText().isEmpty()) {
                topic = "iot:" + t.asText();
                attrs.put(SourceCheck.ATTR_SOURCE, topic);
            }
            if (c != null && c.isTextual()) {
                attrs.put(ATTR_CLIENT_ID, c.asText());
                // what @IotClients checks: the client id the rule's clientid() selected
                authorizer.put("iot.clientId", c.asText());
            }
            record = new EventRecord(requestId, Json.WRITER.writeValueAsBytes(obj), attrs);
        } catch (IOException | IllegalArgumentException e) {
            // not JSON the guard can read: refused as malformed, with its own audit event
            record = EventRecord.undecodable(requestId, Reason.MALFORMED, attrs);
        }
        Invocation inv = Invocation.builder()
                .requestId(requestId)
                .authorizer(authorizer)
                .functionName(fn)
                .source(Source.of(SourceKind.IOT, "iot-rule", topic))
                .records(List.of(record))
                .remainingMillis(LambdaContexts.remainingMillis(ctx))
                .eventBytes(bytes.length)
                .build();
        return new BatchEvent(inv, new String[1], new String[] {requestId});
    }

    /**
     * IoT rules have no caller to answer: writes nothing.
     *
     * @param failedIds ignored
     * @param out the stream
     */
    public static void answer(List<String> failedIds, OutputStream out) {
        // asynchronous source: a denied event was dropped and audited
    }
}
