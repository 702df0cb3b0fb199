package dev.fnguard.lambda.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the drop-in entry point sees of an event before mapping it: the names and value types of its
 * top-level keys, the {@code eventSource} (or {@code EventSource}) of its first record, and its HTTP
 * format. One streaming pass that skips every nested value but the first record's source; it works
 * on a truncated event too (judging by what was read).
 */
final class EventShape {

    /** An event with more top-level keys than this is no AWS event: detected as nothing. */
    private static final int MAX_KEYS = 64;

    private static final JsonFactory SNIFFER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private static final EventShape NOTHING = new EventShape(Map.of(), null, HttpEventKind.NONE);

    private final Map<String, JsonToken> keys;
    private final String recordSource;
    private final HttpEventKind http;

    private EventShape(Map<String, JsonToken> keys, String recordSource, HttpEventKind http) {
        this.keys = keys;
        this.recordSource = recordSource;
        this.http = http;
    }

    /**
     * Reads the shape of an event.
     *
     * @param event the buffer
     * @param length how many bytes of it are the event
     * @return the shape; an empty one for anything that is not a JSON object
     */
    static EventShape of(byte[] event, int length) {
        Map<String, JsonToken> keys = new HashMap<>();
        String source = null;
        try (JsonParser p = SNIFFER.createParser(event, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NOTHING;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (keys.size() == MAX_KEYS || keys.putIfAbsent(name, value) != null) {
                    return NOTHING; // too many keys, or a duplicate: not an event AWS wrote
                }
                if ("Records".equals(name) && value == JsonToken.START_ARRAY) {
                    source = firstRecordSource(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // truncated or malformed: judge by what was seen
        }
        boolean httpLike = keys.containsKey("requestContext") || keys.containsKey("httpMethod");
        HttpEventKind http = httpLike ? HttpEventKind.detect(event, length) : HttpEventKind.NONE;
        return new EventShape(Map.copyOf(keys), source, http);
    }

    /** Reads the first element's source, then skips the rest of the array; the parser ends on its end. */
    private static String firstRecordSource(JsonParser p) throws IOException {
        String source = null;
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (("eventSource".equals(name) || "EventSource".equals(name)) && v == JsonToken.VALUE_STRING) {
                    source = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            t = p.nextToken();
        }
        try {
            while (t != null && t != JsonToken.END_ARRAY) {
                p.skipChildren();
                t = p.nextToken();
            }
        } catch (IOException e) {
            // truncated after the first record: its source is still known
        }
        return source;
    }

    /**
     * Whether the event has a top-level key.
     *
     * @param name the key
     * @return true when present
     */
    boolean has(String name) {
        return keys.containsKey(name);
    }

    /**
     * Whether the event has a top-level key with a string value.
     *
     * @param name the key
     * @return true when present and a string
     */
    boolean hasText(String name) {
        return keys.get(name) == JsonToken.VALUE_STRING;
    }

    /**
     * The source of the first record of a {@code Records} array ({@code aws:sqs}, {@code aws:s3}, ...).
     *
     * @return the source, empty when the event has no such record
     */
    Optional<String> recordSource() {
        return Optional.ofNullable(recordSource);
    }

    /**
     * Whether the first record of the {@code Records} array names a given source.
     *
     * @param source for example {@code aws:sqs}
     * @return true when it does
     */
    boolean recordsFrom(String source) {
        return source.equals(recordSource);
    }

    /** @return the HTTP format, {@link HttpEventKind#NONE} when the event is not an HTTP event */
    HttpEventKind http() {
        return http;
    }
}
