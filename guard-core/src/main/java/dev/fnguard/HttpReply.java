package dev.fnguard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an HTTP handler answers: a status, an optional body serialized as JSON, and extra headers.
 * The guard adds its security headers ({@code Strict-Transport-Security}, {@code X-Content-Type-Options},
 * {@code Cache-Control}) on top; user headers cannot remove them.
 *
 * @param status the HTTP status, 100 to 599
 * @param body the body, serialized as JSON; empty for no body
 * @param headers extra headers
 * @param <T> the body type
 */
public record HttpReply<T>(int status, Optional<T> body, Map<String, String> headers) {

    /**
     * Validates the status and copies the headers.
     *
     * @param status status
     * @param body body
     * @param headers headers
     */
    public HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HttpReply.status must be 100..599, was " + status);
        }
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * 200 with a body.
     *
     * @param body the body
     * @param <T> body type
     * @return the reply
     */
    public static <T> HttpReply<T> ok(T body) {
        return new HttpReply<>(200, Optional.of(body), Map.of());
    }

    /**
     * 201 with a body.
     *
     * @param body the body
     * @param <T> body type
     * @return the reply
     */
    public static <T> HttpReply<T> created(T body) {
        return new HttpReply<>(201, Optional.of(body), Map.of());
    }

    /**
     * 204 without a body.
     *
     * @param <T> body type
     * @return the reply
     */
    public static <T> HttpReply<T> noContent() {
        return new HttpReply<>(204, Optional.empty(), Map.of());
    }

    /**
     * Any status with a body.
     *
     * @param status the status
     * @param body the body
     * @param <T> body type
     * @return the reply
     */
    public static <T> HttpReply<T> of(int status, T body) {
        return new HttpReply<>(status, Optional.of(body), Map.of());
    }

    /**
     * A copy with one more header.
     *
     * @param name header name
     * @param value header value
     * @return the copy
     */
    public HttpReply<T> withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpReply<>(status, body, h);
    }
}
