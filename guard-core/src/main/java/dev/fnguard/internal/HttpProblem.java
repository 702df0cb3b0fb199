package dev.fnguard.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.fnguard.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caller-facing error bodies ({@code application/problem+json}, RFC 9457) and the security headers
 * every guarded HTTP response carries. A problem names the reason code and, for schema errors, the
 * field paths and constraint names; it never echoes input, exception messages or stack traces.
 */
public final class HttpProblem {

    /** Media type of problem documents. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Media type of JSON replies. */
    public static final String JSON = "application/json";

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private HttpProblem() {
    }

    /**
     * The headers every guarded response carries, besides {@code Content-Type}.
     *
     * @return header names and values
     */
    public static Map<String, String> securityHeaders() {
        return SECURITY_HEADERS;
    }

    /**
     * Response headers: the user's, then the security headers (which win), then the content type.
     *
     * @param user headers set by user code
     * @param contentType the content type, or null for no body
     * @return the headers, in a stable order
     */
    public static Map<String, String> headers(Map<String, String> user, String contentType) {
        if (user.isEmpty()) {
            // the common answers, built once (read-only: every caller copies before adding a header)
            if (JSON.equals(contentType)) {
                return JSON_ANSWER;
            }
            if (PROBLEM_JSON.equals(contentType)) {
                return PROBLEM_ANSWER;
            }
            if (contentType == null) {
                return EMPTY_ANSWER;
            }
        }
        return build(user, contentType);
    }

    private static final Map<String, String> JSON_ANSWER = java.util.Collections.unmodifiableMap(build(Map.of(), JSON));
    private static final Map<String, String> PROBLEM_ANSWER =
            java.util.Collections.unmodifiableMap(build(Map.of(), PROBLEM_JSON));
    private static final Map<String, String> EMPTY_ANSWER = java.util.Collections.unmodifiableMap(build(Map.of(), null));

    private static Map<String, String> build(Map<String, String> user, String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : user.entrySet()) {
            if (!isGuardHeader(e.getKey())) {
                h.put(e.getKey(), e.getValue());
            }
        }
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        h.putAll(SECURITY_HEADERS);
        return h;
    }

    private static boolean isGuardHeader(String name) {
        if (name.equalsIgnoreCase("Content-Type")) {
            return false;
        }
        for (String k : SECURITY_HEADERS.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A problem document for a denial.
     *
     * @param reason the reason code
     * @param fields field paths with constraint names, as in the verdict
     * @param requestId the request id, so the caller can quote it
     * @return the JSON bytes
     */
    public static byte[] problem(Reason reason, List<String> fields, String requestId) {
        // why a credential failed (and which scope is missing) is for the audit, not the caller
        boolean credential = reason.status() == 401 || reason == Reason.SCOPE || reason == Reason.KEYS_UNAVAILABLE;
        return write(reason.status(), reason.title(), reason == Reason.INTERNAL ? null : reason.name(),
                detail(reason), credential ? List.of() : fields, requestId);
    }

    /**
     * The generic 500 document for an error in user code or in the guard.
     *
     * @param requestId the request id
     * @return the JSON bytes
     */
    public static byte[] internalError(String requestId) {
        return write(500, "Internal Server Error", null,
                "The request could not be processed. Quote the request id when reporting it.", List.of(),
                requestId);
    }

    private static byte[] write(int status, String title, String code, String detail, List<String> fields,
            String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "about:blank");
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            if (code != null) {
                g.writeStringField("code", code);
            }
            g.writeStringField("detail", detail);
            g.writeStringField("requestId", requestId);
            if (!fields.isEmpty()) {
                g.writeArrayFieldStart("violations");
                for (String f : fields) {
                    int colon = f.lastIndexOf(':');
                    g.writeStartObject();
                    g.writeStringField("field", colon < 0 ? f : f.substring(0, colon));
                    if (colon >= 0) {
                        g.writeStringField("constraint", f.substring(colon + 1));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String detail(Reason reason) {
        switch (reason.status()) {
            case 413:
                return "The request is larger than this endpoint accepts.";
            case 415:
                return "The request's content type is not accepted.";
            case 405:
                return "The method is not allowed for this endpoint.";
            case 401:
                return "The request lacks valid credentials.";
            case 429:
                return "Too many requests. Retry later.";
            case 403:
                return "The request is not allowed.";
            case 503:
                return "The service is temporarily unavailable. Try again later.";
            case 500:
                return "The request could not be processed. Quote the request id when reporting it.";
            default:
                return "The request is not valid.";
        }
    }
}
