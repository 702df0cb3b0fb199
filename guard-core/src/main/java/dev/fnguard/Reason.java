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
    /** The caller (or the function as a whole) is over its rate budget; answered with {@code Retry-After}. */
    RATE(429, "Too Many Requests"),
    /** The spend budget (GB-seconds or currency) of the caller or the function is gone for this window. */
    SPEND(429, "Too Many Requests"),
    /** User code ran past its deadline, or too little time remained to start it. */
    TIMEOUT(503, "Service Unavailable"),
    /** The batch holds more records than {@code maxRecords}. */
    BATCH_SIZE(413, "Content Too Large"),
    /** The budget or replay store could not answer in time (a deny when failing closed, a flag when open). */
    STORE_UNAVAILABLE(503, "Service Unavailable"),
    /** The instance already runs {@code maxConcurrent} invocations. */
    CONCURRENCY(503, "Service Unavailable"),
    /** The request carries no credential the handler accepts (no bearer token, API key or signature). */
    TOKEN_MISSING(401, "Unauthorized"),
    /** The credential is not valid: bad signature, algorithm, issuer, audience, claims or shape. */
    TOKEN_INVALID(401, "Unauthorized"),
    /** The token has expired ({@code exp} plus the clock skew is past). */
    TOKEN_EXPIRED(401, "Unauthorized"),
    /** The caller is verified but lacks a scope or role the handler (or route) requires. */
    SCOPE(403, "Forbidden"),
    /** A webhook signature is missing its parts, stale, or replayed. */
    REPLAY(401, "Unauthorized"),
    /** The keys needed to verify a credential could not be fetched (JWKS endpoint down); fail closed. */
    KEYS_UNAVAILABLE(503, "Service Unavailable"),
    /** SQL injection in a string of the payload or request. */
    INJECTION_SQL(400, "Bad Request"),
    /** Script-capable HTML (cross-site scripting). */
    INJECTION_XSS(400, "Bad Request"),
    /** OS command injection. */
    INJECTION_COMMAND(400, "Bad Request"),
    /** Path traversal, or an absolute path where a relative name is declared. */
    PATH_TRAVERSAL(400, "Bad Request"),
    /** NoSQL query operators as keys or values. */
    INJECTION_NOSQL(400, "Bad Request"),
    /** A URL field aimed at an internal or metadata target, or with a non-http(s) scheme. */
    SSRF(400, "Bad Request"),
    /** CR/LF (header splitting, log forging). */
    INJECTION_CRLF(400, "Bad Request"),
    /** Template or expression-language syntax (including {@code ${jndi:}). */
    INJECTION_TEMPLATE(400, "Bad Request"),
    /** An XML DOCTYPE or external entity declaration. */
    XXE(400, "Bad Request"),
    /** The event or record comes from a source outside the policy's allow-list, or carries no identity. */
    SOURCE(403, "Forbidden"),
    /** A queue message delivered more often than the policy's {@code maxReceiveCount} allows. */
    POISON(400, "Bad Request"),
    /** An object key with traversal, NUL or control characters, or outside the policy's key pattern. */
    OBJECT_KEY(400, "Bad Request"),
    /** An object larger than the policy's {@code maxObjectBytes}. */
    OBJECT_SIZE(413, "Content Too Large"),
    /** The event has travelled more hops through functions than the policy's maximum allows. */
    LOOP(508, "Loop Detected"),
    /**
     * A message signature (SNS) is missing, does not verify, uses an unknown version, or points to a
     * signing certificate outside the trusted hosts, or the certificate is not valid now.
     */
    SIGNATURE(401, "Unauthorized"),
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
