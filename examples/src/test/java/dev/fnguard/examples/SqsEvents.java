package dev.fnguard.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Builds SQS events from AWS's sample event (powertools {@code sqsEvent.json}), one record per message. */
final class SqsEvents {

    static final ObjectMapper M = new ObjectMapper();
    static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:payments-prod";

    private final ObjectNode template;
    private final ArrayNode records;
    private final ObjectNode event;

    SqsEvents() {
        try (InputStream in = SqsEvents.class.getResourceAsStream("/events/sqsEvent.json")) {
            event = (ObjectNode) M.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records = (ArrayNode) event.get("Records");
        template = (ObjectNode) records.get(0).deepCopy();
        // the sample's binaryValue "base64Str" is not base64, which the runtime's own serializer refuses
        template.putObject("messageAttributes");
        records.removeAll();
    }

    SqsEvents add(String id, String body) {
        return add(id, body, QUEUE, 1, null);
    }

    SqsEvents add(String id, String body, String arn, int receiveCount, String group) {
        ObjectNode r = template.deepCopy();
        r.put("messageId", id);
        r.put("body", body);
        r.put("eventSourceARN", arn);
        ObjectNode attrs = (ObjectNode) r.get("attributes");
        attrs.put("ApproximateReceiveCount", Integer.toString(receiveCount));
        if (group != null) {
            attrs.put("MessageGroupId", group);
        }
        records.add(r);
        return this;
    }

    /** Sets a Number message attribute on the last record added, as a sending SDK would. */
    SqsEvents messageAttribute(String name, String value) {
        ObjectNode last = (ObjectNode) records.get(records.size() - 1);
        ObjectNode a = ((ObjectNode) last.get("messageAttributes")).putObject(name);
        a.put("stringValue", value);
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", "Number");
        return this;
    }

    /** Sets a system attribute ({@code AWSTraceHeader}, ...) on the last record added. */
    SqsEvents systemAttribute(String name, String value) {
        ObjectNode last = (ObjectNode) records.get(records.size() - 1);
        ((ObjectNode) last.get("attributes")).put(name, value);
        return this;
    }

    byte[] bytes() {
        try {
            return M.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String payment(String id, long cents, String currency) {
        return "{\"paymentId\":\"" + id + "\",\"amountCents\":" + cents + ",\"currency\":\"" + currency + "\"}";
    }
}
