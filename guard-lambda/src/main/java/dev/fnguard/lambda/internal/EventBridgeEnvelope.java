package dev.fnguard.lambda.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fnguard.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The envelope of an EventBridge event, read in one streaming pass with the strict parser
 * (duplicate keys refused) rather than with {@code ScheduledEvent}: AWS's serializer turns
 * {@code detail} into a map (numbers become doubles, a duplicate key silently wins) and drops
 * {@code replay-name}. Here {@code detail} is kept as the exact bytes of the event, so that the
 * guard's limits and strict binder see what EventBridge sent.
 *
 * @param id the event id
 * @param source the event source ({@code aws.events}, {@code com.example.orders})
 * @param detailType the {@code detail-type}
 * @param account the account id, if present
 * @param region the region, if present
 * @param time the event time as sent, if present
 * @param resources the resource ARNs
 * @param replayName the archive replay name, if the event is a replay
 * @param detail the bytes of the {@code detail} value, empty when it is not a JSON object
 */
public record EventBridgeEnvelope(Optional<String> id, String source, String detailType, Optional<String> account,
        Optional<String> region, Optional<String> time, List<String> resources, Optional<String> replayName,
        Optional<byte[]> detail) {

    /**
     * Reads an event's envelope.
     *
     * @param bytes the event
     * @return the envelope; empty when the event is a JSON object without {@code detail-type} (not
     *     an EventBridge event)
     * @throws IllegalArgumentException when it has {@code detail-type} but is not a readable envelope
     *     (duplicate keys, wrong types, no {@code source} or {@code detail}, trailing data)
     */
    public static Optional<EventBridgeEnvelope> read(byte[] bytes) {
        String id = null;
        String source = null;
        String detailType = null;
        String account = null;
        String region = null;
        String time = null;
        String replay = null;
        List<String> resources = new ArrayList<>();
        boolean hasDetail = false;
        byte[] detail = null;
        try (JsonParser p = Json.FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("event is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" -> id = text(p, value);
                    case "source" -> source = text(p, value);
                    case "detail-type" -> detailType = text(p, value);
                    case "account" -> account = text(p, value);
                    case "region" -> region = text(p, value);
                    case "time" -> time = text(p, value);
                    case "replay-name" -> replay = text(p, value);
                    case "resources" -> readResources(p, value, resources);
                    case "detail" -> {
                        hasDetail = true;
                        int start = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getByteOffset();
                        if (value == JsonToken.START_OBJECT && start >= 0 && end > start && end <= bytes.length) {
                            detail = java.util.Arrays.copyOfRange(bytes, start, end);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("trailing data after the event");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (detailType == null) {
            return Optional.empty();
        }
        if (source == null || source.isEmpty() || !hasDetail) {
            throw new IllegalArgumentException("EventBridge event without source or detail");
        }
        return Optional.of(new EventBridgeEnvelope(Optional.ofNullable(id), source, detailType,
                Optional.ofNullable(account), Optional.ofNullable(region), Optional.ofNullable(time),
                List.copyOf(resources), Optional.ofNullable(replay), Optional.ofNullable(detail)));
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new IllegalArgumentException("envelope field " + p.currentName() + " is not a string");
    }

    private static void readResources(JsonParser p, JsonToken t, List<String> out) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("resources is not an array");
        }
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("resources holds a value that is not a string");
            }
            out.add(p.getText());
        }
    }

    /** @return whether this is a schedule's event ({@code aws.events}, {@code Scheduled Event}) */
    public boolean scheduled() {
        return "aws.events".equals(source) && "Scheduled Event".equals(detailType);
    }
}
