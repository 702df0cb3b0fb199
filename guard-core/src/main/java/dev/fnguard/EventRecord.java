package dev.fnguard;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One unit of payload: the body of an HTTP request, one queue message, one object notification.
 *
 * <p>The body is held as the raw bytes the guard read. {@link #body()} returns the array itself, not
 * a copy, to keep the hot path free of copies: treat it as read-only.
 */
public final class EventRecord {

    private final String id;
    private final byte[] body;
    private final Map<String, String> attributes;
    private final Optional<Reason> decodeError;

    /**
     * Creates a record.
     *
     * @param id the record's id within its event (a message id, an object key), never null
     * @param body the payload bytes (not copied; must not be modified afterwards)
     * @param attributes source-specific attributes (message attributes, object metadata)
     */
    public EventRecord(String id, byte[] body, Map<String, String> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.body = Objects.requireNonNull(body, "body");
        this.attributes = Map.copyOf(attributes);
        this.decodeError = Optional.empty();
    }

    private EventRecord(String id, Reason decodeError, Map<String, String> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.body = new byte[0];
        this.attributes = Map.copyOf(attributes);
        this.decodeError = Optional.of(decodeError);
    }

    /**
     * A record whose body the adapter could not decode (bad base64, a lone UTF-16 surrogate): the
     * guard denies it with the given reason before any other record check.
     *
     * @param id the record's id
     * @param reason why it could not be decoded, usually {@link Reason#ENCODING}
     * @param attributes source-specific attributes
     * @return the record, with an empty body
     */
    public static EventRecord undecodable(String id, Reason reason, Map<String, String> attributes) {
        return new EventRecord(id, reason, attributes);
    }

    /**
     * Why the adapter could not decode the body, if it could not.
     *
     * @return the reason, empty for a readable record
     */
    public Optional<Reason> decodeError() {
        return decodeError;
    }

    /**
     * The record's id within its event.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The payload bytes, not copied: do not modify.
     *
     * @return the body
     */
    public byte[] body() {
        return body;
    }

    /**
     * The payload size in bytes.
     *
     * @return the size
     */
    public int size() {
        return body.length;
    }

    /**
     * Source-specific attributes of the record.
     *
     * @return the attributes, never null
     */
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        // never the body: records may hold personal data
        return "EventRecord[id=" + id + ", bytes=" + body.length + "]";
    }
}
