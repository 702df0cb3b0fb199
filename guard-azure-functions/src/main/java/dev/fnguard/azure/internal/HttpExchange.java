package dev.fnguard.azure.internal;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.fnguard.EventRecord;
import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps an Azure {@link HttpRequestMessage} to an {@link Invocation}, and answers with the request's own builder. */
public final class HttpExchange {

    private static final Map<Integer, HttpStatus> STATUSES = new HashMap<>();

    static {
        for (HttpStatus s : HttpStatus.values()) {
            STATUSES.putIfAbsent(s.value(), s);
        }
    }

    private HttpExchange() {
    }

    /**
     * The invocation of a request, and a reason to refuse it when its body cannot even be read.
     *
     * @param invocation the invocation
     * @param refusal why the body is unreadable (too large, not text or bytes), if it is
     */
    public record Mapped(Invocation invocation, Optional<Reason> refusal) {
    }

    /**
     * Maps a request.
     *
     * @param request the request as the worker bound it ({@code Optional<String>}, {@code String} or
     *     {@code byte[]} body)
     * @param context the execution context
     * @param eventCap the most body characters read before refusing as too large
     * @return the mapping
     */
    public static Mapped map(HttpRequestMessage<?> request, ExecutionContext context, int eventCap) {
        HttpMethod m = request.getHttpMethod();
        String method = m == null ? "" : m.name();
        URI uri = request.getUri();
        String path = uri == null || uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Map<String, String> rawHeaders = request.getHeaders() == null ? Map.of() : request.getHeaders();
        Headers headers = Headers.of(rawHeaders, null);
        Map<String, List<String>> query = new HashMap<>();
        if (request.getQueryParameters() != null) {
            request.getQueryParameters().forEach((k, v) -> {
                if (k != null && v != null) {
                    query.put(k, List.of(v));
                }
            });
        }
        HttpRequest http = new HttpRequest(method, path, method + " " + path, headers, query, Map.of(), List.of(),
                clientIp(headers), uri != null && "https".equalsIgnoreCase(uri.getScheme()));
        Invocation.Builder b = Invocation.builder()
                .requestId(AzureIds.invocationId(context))
                .traceId(AzureIds.traceId(context))
                .functionName(AzureIds.functionName(context))
                .source(Source.of(dev.fnguard.SourceKind.HTTP, TriggerKind.HTTP.type(),
                        uri == null ? null : uri.getHost()))
                .http(http);
        Object body = request.getBody();
        if (body instanceof Optional<?> o) {
            body = o.orElse(null);
        }
        EventRecord record;
        Reason refusal = null;
        if (body == null) {
            record = new EventRecord("body", new byte[0], Map.of());
        } else if (body instanceof byte[] bytes) {
            if (bytes.length > eventCap) {
                refusal = Reason.LIMIT_BODY;
                record = new EventRecord("body", new byte[0], Map.of());
            } else {
                record = new EventRecord("body", bytes, Map.of());
            }
            b.eventBytes(bytes.length);
        } else if (body instanceof String text) {
            if (text.length() > eventCap) {
                // UTF-8 is never shorter than the string: too large without encoding it
                refusal = Reason.LIMIT_BODY;
                record = new EventRecord("body", new byte[0], Map.of());
                b.eventBytes(text.length());
            } else {
                byte[] bytes = encode(text);
                record = bytes == null ? EventRecord.undecodable("body", Reason.ENCODING, Map.of())
                        : new EventRecord("body", bytes, Map.of());
                b.eventBytes(bytes == null ? text.length() : bytes.length);
            }
        } else {
            refusal = Reason.UNSUPPORTED_EVENT;
            record = new EventRecord("body", new byte[0], Map.of());
        }
        return new Mapped(b.records(List.of(record)).build(), Optional.ofNullable(refusal));
    }

    /** UTF-8 of a string, or null when it holds a lone surrogate (which has no UTF-8 form). */
    private static byte[] encode(String text) {
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Optional<String> clientIp(Headers headers) {
        Optional<String> xff = headers.first("x-forwarded-for");
        if (xff.isEmpty()) {
            return Optional.empty();
        }
        String first = xff.get();
        int comma = first.indexOf(',');
        first = (comma < 0 ? first : first.substring(0, comma)).strip();
        // Azure's front end appends the client port to IPv4 addresses
        int colon = first.indexOf(':');
        if (colon > 0 && first.indexOf(':', colon + 1) < 0) {
            first = first.substring(0, colon);
        }
        return first.isEmpty() || first.length() > 64 ? Optional.empty() : Optional.of(first);
    }

    /**
     * Builds the response with the request's own builder.
     *
     * @param request the request
     * @param status the status
     * @param headers the headers, security headers included
     * @param body the body, or null
     * @return the response
     */
    public static HttpResponseMessage respond(HttpRequestMessage<?> request, int status, Map<String, String> headers,
            byte[] body) {
        HttpStatus known = STATUSES.get(status);
        HttpStatusType type = known != null ? known : HttpStatusType.custom(status);
        HttpResponseMessage.Builder builder = request.createResponseBuilder(type);
        headers.forEach(builder::header);
        if (body != null) {
            builder.body(new String(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
