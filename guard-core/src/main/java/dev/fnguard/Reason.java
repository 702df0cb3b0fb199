package dev.fnguard;

/**
 * Stable reason codes for denials and flags, with the HTTP status a caller sees.
 *
 * <p>The {@link #name() name} of each constant is the code written to audit events and is part of
 * the public contract: codes are added, never renamed. The status is what an HTTP caller receives
 * when the denial is enforced; event sources without a caller (queues, notifications) report the
 * record as failed or drop it instead.
 */
public enum Reason {
    /** The payload, or the whole event carrying it, is larger than {@code maxBodyBytes} allows. */
    LIMIT_BODY(413, "Content Too Large"),
    /** JSON nesting deeper than {@code maxDepth}. */
    LIMIT_DEPTH(413, "Content Too Large"),
    /** A JSON string or property name longer than {@code maxStringLength}. */
    LIMIT_STRING(413, "Content Too Large"),
    /** A JSON array with more than {@code maxArrayLength} elements. */
    LIMIT_ARRAY(413, "Content Too Large"),
    /** A JSON object with more than {@code maxFields} properties. */
    LIMIT_FIELDS(413, "Content Too Large"),
    /** More than {@code maxTokens} JSON tokens in the payload. */
    LIMIT_TOKENS(413, "Content Too Large"),
    /** The payload is required but empty. */
    EMPTY_BODY(400, "Bad Request"),
    /** The payload is not valid UTF-8, holds NUL bytes, or is badly base64-encoded. */
    ENCODING(400, "Bad Request"),
    /** The payload is not well-formed JSON. */
    MALFORMED(400, "Bad Request"),
    /** A JSON object names the same property twice. */
    DUPLICATE_KEY(400, "Bad Request"),
    /** Something follows the JSON value. */
    TRAILING_DATA(400, "Bad Request"),
    /** A property the payload type does not declare. */
    UNKNOWN_FIELD(400, "Bad Request"),
    /** A value of the wrong JSON type for its field (no coercion is attempted). */
    TYPE(400, "Bad Request"),
    /** A Bean Validation constraint is violated. */
    CONSTRAINT(400, "Bad Request"),
    /** The request's {@code Content-Type} is not one the handler accepts. */
    CONTENT_TYPE(415, "Unsupported Media Type"),
    /** The HTTP method is not one the handler accepts. */
    METHOD(405, "Method Not Allowed"),
    /** The request did not arrive over HTTPS ({@code X-Forwarded-Proto}). */
    TLS_REQUIRED(403, "Forbidden"),
    /** The event is not of a kind this handler accepts. */
    UNSUPPORTED_EVENT(400, "Bad Request"),
    /** The event came from a source the policy's allow-list does not name ({@code FNGUARD_ALLOWED_SOURCES}). */
    SOURCE(403, "Forbidden"),
    /**
     * An object name (S3 key, Azure blob path) with traversal ({@code ../}, encoded or double-encoded,
     * backslashes), a NUL or a control character.
     */
    OBJECT_KEY(400, "Bad Request"),
    /** An error inside the guard; the event is refused (fail closed). */
    INTERNAL(500, "Internal Server Error");

    private final int status;
    private final String title;

    Reason(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /**
     * The HTTP status a caller receives when this denial is enforced.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The generic, caller-safe title for the status (for example "Bad Request").
     *
     * @return the title
     */
    public String title() {
        return title;
    }
}
